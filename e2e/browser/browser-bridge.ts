// Runs in the page (bundled by bridge-bundle.ts, added with page.addInitScript): builds window.agent with the
// app's own bridge, over a transport whose invokes go to a Playwright binding and whose events the test
// process pushes in with page.evaluate(__agentEmit).
import { createAgentApi, type Transport } from '../../app/ipc/bridge.ts';
import type { EventChannel, InvokeChannel } from '../../app/ipc/contract.ts';

interface PageGlobals {
  agent?: unknown;
  __agentInvoke(channel: InvokeChannel, args: unknown[]): Promise<unknown>;
  __agentEmit?: (channel: EventChannel, payload: unknown) => number;
}

const page = globalThis as unknown as PageGlobals;
const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();

const transport: Transport = {
  invoke: (channel, args) => page.__agentInvoke(channel, args),
  subscribe(channel, listener) {
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set);
    set.add(listener);
    return () => set.delete(listener);
  },
};

/** Delivers one event; returns how many listeners got it (so the harness can tell early events apart). */
page.__agentEmit = (channel, payload) => {
  const set = listeners.get(channel);
  for (const listener of set ?? []) listener(payload);
  return set?.size ?? 0;
};

// Frozen and non-writable like contextBridge's exposure, so the page cannot swap it.
Object.defineProperty(globalThis, 'agent', { value: createAgentApi(transport), writable: false, configurable: false });
