// axe-core over the page as it stands, every WCAG A/AA rule plus best practices; violations as readable lines.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright';

export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}: ${node.failureSummary ?? violation.help}`),
  );
}
