// window.agent as a function of a transport: Electron's ipcRenderer in the preload, a Playwright binding in
// the browser e2e suite. Both paths run this same code.
import type { AgentApi, EventChannel, EventMap, InvokeChannel, InvokeMap } from './contract.ts';

export interface Transport {
  invoke(channel: InvokeChannel, args: unknown[]): Promise<unknown>;
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}

// Records keyed by channel, so the compiler insists every channel of the contract is listed.
const invokeChannels: Record<InvokeChannel, true> = {
  'app:snapshot': true,
  'session:sign-in': true,
  'session:sign-out': true,
  'press:run': true,
  'press:cancel': true,
  'settings:set': true,
  'audit:list': true,
  'selection:set': true,
};
const eventChannels: Record<EventChannel, true> = {
  'session:changed': true,
  'interactions:changed': true,
  'buttons:changed': true,
  'press:progress': true,
  'pending:changed': true,
  'relogin:required': true,
  'shortcuts:changed': true,
  'settings:changed': true,
  'interaction:focus': true,
};
export const INVOKE_CHANNELS = Object.keys(invokeChannels) as InvokeChannel[];
export const EVENT_CHANNELS = Object.keys(eventChannels) as EventChannel[];

export function createAgentApi(transport: Transport): AgentApi {
  return Object.freeze({
    invoke<C extends InvokeChannel>(channel: C, ...args: InvokeMap[C]['args']) {
      if (!INVOKE_CHANNELS.includes(channel)) return Promise.reject(new Error(`unknown channel ${String(channel)}`));
      return transport.invoke(channel, args) as Promise<InvokeMap[C]['result']>;
    },
    on<C extends EventChannel>(channel: C, listener: (payload: EventMap[C]) => void) {
      if (!EVENT_CHANNELS.includes(channel)) throw new Error(`unknown event ${String(channel)}`);
      return transport.subscribe(channel, (payload) => listener(payload as EventMap[C]));
    },
  });
}
