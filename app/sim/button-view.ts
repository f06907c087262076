// What a client sees of a client button: the properties it selected, with null or absent ones
// omitted (PROTOCOL.md §4.2). configurationId always comes back so items can be told apart.
import type { ClientButton } from '../core/icws/wire-types.ts';

export type PropertySelection = readonly string[] | '*';

export function projectButton(button: ClientButton, properties: PropertySelection): ClientButton {
  const wanted = properties === '*' ? null : new Set(properties.map((p) => p.toLowerCase()));
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(button)) {
    if (value === null || value === undefined) continue;
    if (name === 'configurationId' || !wanted || wanted.has(name.toLowerCase())) out[name] = structuredClone(value);
  }
  return out as unknown as ClientButton;
}

export function matchesIds(button: ClientButton, ids: readonly string[] | '*'): boolean {
  if (ids === '*') return true;
  const id = button.configurationId.id.toLowerCase();
  return ids.some((candidate) => candidate.toLowerCase() === id);
}

/** "select" query: absent means IDs only, "*" everything, otherwise a comma-separated list. */
export function parseSelect(select: string | null): PropertySelection {
  if (select === null || select.trim() === '') return ['configurationId'];
  const names = select.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return names.includes('*') ? '*' : names;
}
