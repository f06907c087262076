// The real preload, bundled as the app ships it, run in a VM with a FAKE `electron` module: it must expose
// exactly window.agent, forward invokes as they are, hand the page payloads without the IPC event, and give
// back the handler's own error message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import vm from 'node:vm';
import { build } from 'esbuild';
import { bundles, ROOT } from '../build/bundle.ts';
import type { AgentApi } from './ipc/contract.ts';

async function loadPreload() {
  const preload = bundles.find((bundle) => bundle.name === 'preload');
  assert.ok(preload, 'build/bundle.ts lists the preload');
  const { outfile: _outfile, ...options } = preload.options;
  const result = await build({ ...options, absWorkingDir: ROOT, write: false, logLevel: 'silent' });
  const code = result.outputFiles[0]!.text;

  const exposed = new Map<string, unknown>();
  const invokes: unknown[][] = [];
  const ipcRenderer = Object.assign(new EventEmitter(), {
    async invoke(channel: string, ...args: unknown[]) {
      invokes.push([channel, ...args]);
      if (channel === 'press:run') throw new Error("Error invoking remote method 'press:run': ValidationError: buttonId must be a string.");
      return { ok: true };
    },
  });
  const fakeElectron = { contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) }, ipcRenderer };
  const required: string[] = [];
  const require = (name: string) => {
    required.push(name);
    if (name === 'electron') return fakeElectron;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  vm.runInNewContext(code, { require, module: { exports: {} }, exports: {} });
  return { exposed, invokes, ipcRenderer, required, code };
}

test('the preload bundle is one CommonJS file that requires only electron', async () => {
  const { code, required } = await loadPreload();
  assert.deepEqual(required, ['electron']);
  assert.doesNotMatch(code, /require\(["'](?!electron["'])/);
});

test('it exposes window.agent and nothing else, frozen', async () => {
  const { exposed } = await loadPreload();
  assert.deepEqual([...exposed.keys()], ['agent']);
  const agent = exposed.get('agent') as AgentApi;
  assert.deepEqual(Object.keys(agent).sort(), ['invoke', 'on']);
  assert.equal(Object.isFrozen(agent), true);
});

test('invoke forwards channel and arguments; unknown channels never reach IPC; errors read as the handler said', async () => {
  const { exposed, invokes } = await loadPreload();
  const agent = exposed.get('agent') as AgentApi;
  assert.deepEqual(await agent.invoke('session:sign-in', { server: 'https://s', userId: 'u', password: 'p' }), { ok: true });
  await assert.rejects(agent.invoke('press:run', { buttonId: 'b' }), { message: 'buttonId must be a string.' });
  await assert.rejects((agent.invoke as (channel: string) => Promise<unknown>)('fs:read'), /unknown channel/);
  assert.deepEqual(invokes, [['session:sign-in', { server: 'https://s', userId: 'u', password: 'p' }], ['press:run', { buttonId: 'b' }]]);
});

test('events reach the page as bare payloads and stop on unsubscribe', async () => {
  const { exposed, ipcRenderer } = await loadPreload();
  const agent = exposed.get('agent') as AgentApi;
  const got: unknown[] = [];
  const stop = agent.on('session:changed', (payload) => got.push(payload));
  ipcRenderer.emit('session:changed', { sender: 'the IPC event stays in the preload' }, { state: 'up' });
  stop();
  ipcRenderer.emit('session:changed', {}, { state: 'signed-out' });
  assert.deepEqual(got, [{ state: 'up' }]);
  assert.equal(ipcRenderer.listenerCount('session:changed'), 0);
  assert.throws(() => (agent.on as (channel: string, l: () => void) => void)('ipc:anything', () => {}), /unknown event/);
});
