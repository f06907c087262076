import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findElectronBinary, needsVirtualDisplay } from './electron-binary.ts';

test('the Electron binary is found from path.txt or ELECTRON_OVERRIDE_DIST_PATH, never downloaded', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'icws-agent-electron-'));
  try {
    const pkg = path.join(root, 'node_modules', 'electron');
    await mkdir(path.join(pkg, 'dist'), { recursive: true });
    assert.match((findElectronBinary(root, {}) as { missing: string }).missing, /path\.txt is absent/);
    await writeFile(path.join(pkg, 'path.txt'), 'electron');
    assert.match((findElectronBinary(root, {}) as { missing: string }).missing, /no Electron binary at/);
    await writeFile(path.join(pkg, 'dist', 'electron'), '');
    assert.deepEqual(findElectronBinary(root, {}), { path: path.join(pkg, 'dist', 'electron') });
    const override = path.join(root, 'override');
    assert.match((findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: override }) as { missing: string }).missing, /OVERRIDE/);
    await mkdir(override);
    await writeFile(path.join(override, 'electron'), '');
    assert.deepEqual(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: override }), { path: path.join(override, 'electron') });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('a virtual display is needed on Linux without X or Wayland only', () => {
  assert.equal(needsVirtualDisplay({}, 'linux'), true);
  assert.equal(needsVirtualDisplay({ DISPLAY: ':0' }, 'linux'), false);
  assert.equal(needsVirtualDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux'), false);
  assert.equal(needsVirtualDisplay({}, 'win32'), false);
});
