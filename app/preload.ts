// The sandboxed preload: window.agent over ipcRenderer, built by the same createAgentApi the browser e2e
// suite uses. Bundled by esbuild into dist/app/preload.cjs (a sandboxed preload cannot require files).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createAgentApi, type Transport } from './ipc/bridge.ts';

// ipcRenderer wraps a handler's error as "Error invoking remote method 'x': ValidationError: ..."; the page
// gets the handler's own message, as it does over the browser suite's binding.
const REMOTE_PREFIX = /^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/;

const transport: Transport = {
  invoke: (channel, args) =>
    ipcRenderer.invoke(channel, ...args).catch((error: { message?: unknown }) => {
      throw new Error(typeof error?.message === 'string' ? error.message.replace(REMOTE_PREFIX, '') : String(error));
    }),
  subscribe(channel, listener) {
    // The IPC event object (with its sender) stays here; the page gets the payload only.
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => void ipcRenderer.removeListener(channel, forward);
  },
};

contextBridge.exposeInMainWorld('agent', createAgentApi(transport));
