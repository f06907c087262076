// The renderer's only door to the rest of the app: window.agent, put there by the preload (or, in the browser
// e2e suite, by the same bridge over a Playwright binding).
import type { AgentApi } from '../../app/ipc/contract.ts';

declare global {
  interface Window {
    readonly agent?: AgentApi;
  }
}

export function getAgent(): AgentApi {
  const agent = window.agent;
  if (!agent) throw new Error('window.agent is missing: the preload did not run');
  return agent;
}

/** Runs an invoke whose answer the view does not need, and keeps a failure from becoming an unhandled rejection. */
export function fireAndForget(promise: Promise<unknown>): void {
  promise.catch((error: unknown) => console.warn('agent call failed', error));
}
