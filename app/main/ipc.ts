// IPC wiring: every handler of the table registered through one wrapper that refuses any sender other than
// the app's own window showing the app's own page, and Agent events forwarded to that window.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import type { EventChannel, EventMap, InvokeChannel } from '../ipc/contract.ts';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../ipc/bridge.ts';
import type { Agent } from '../core/agent/agent-api.ts';
import type { IpcHandlers } from '../core/agent/ipc-handlers.ts';
import { isAppUrl } from './protocol.ts';

export class UntrustedSenderError extends Error {
  override readonly name = 'UntrustedSenderError';
}

/** The sender is our window's webContents and the calling frame is its main frame, on app://renderer. */
export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  if (!window || window.isDestroyed() || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: IpcHandlers,
  getWindow: () => BrowserWindow | null,
): () => void {
  for (const channel of INVOKE_CHANNELS) {
    const handler = handlers[channel] as (...args: unknown[]) => Promise<unknown>;
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, getWindow())) {
        throw new UntrustedSenderError(`${channel} refused: the request did not come from the ICWS Agent window.`);
      }
      return handler(...args);
    });
  }
  return () => INVOKE_CHANNELS.forEach((channel: InvokeChannel) => ipcMain.removeHandler(channel));
}

export type RendererSend = <C extends EventChannel>(channel: C, payload: EventMap[C]) => void;

/** Sends to the window's page only; a closed or destroyed window silently misses the event. */
export function createRendererSender(getWindow: () => BrowserWindow | null): RendererSend {
  return (channel, payload) => {
    const window = getWindow();
    if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(channel, payload);
  };
}

/** Renderer events the shell sends itself (main.ts, on a notification or tray click); the Agent never emits them. */
const SHELL_EVENTS: ReadonlySet<EventChannel> = new Set<EventChannel>(['interaction:focus']);

/** The renderer events that come from the Agent. */
export const AGENT_EVENT_CHANNELS: readonly EventChannel[] = EVENT_CHANNELS.filter((channel) => !SHELL_EVENTS.has(channel));

/** Every renderer event of the Agent goes to the window; `notify` and `show-window` are the shell's and stay here. */
export function forwardAgentEvents(agent: Pick<Agent, 'on'>, send: RendererSend): () => void {
  const stops = AGENT_EVENT_CHANNELS.map((channel) => agent.on(channel, (payload) => send(channel, payload as never)));
  return () => stops.forEach((stop) => stop());
}
