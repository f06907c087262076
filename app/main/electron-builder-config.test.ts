// electron-builder --dir needs an Electron binary, so packaging is checked here against electron-builder's own
// JSON schema, plus the few things this app depends on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import yaml from 'js-yaml';
import { appIconPng } from './tray-icons.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const read = (file: string) => readFile(path.join(ROOT, file), 'utf8');

async function loadConfig() {
  return yaml.load(await read('electron-builder.yml')) as Record<string, any>;
}

test('electron-builder.yml is valid against app-builder-lib/scheme.json', async () => {
  const schema = JSON.parse(await read('node_modules/app-builder-lib/scheme.json'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const config = await loadConfig();
  assert.ok(validate(config), JSON.stringify(validate.errors, null, 2));
  assert.equal(validate({ ...config, nsis: { perMachine: 'yes' } }), false, 'the schema does reject bad values');
  assert.equal(validate({ ...config, notAnOption: true }), false, 'and unknown keys');
});

test('the package holds the built app, the preload bundle and the renderer, and no tests', async () => {
  const config = await loadConfig();
  const pkg = JSON.parse(await read('package.json'));
  assert.equal(pkg.main, 'dist/app/main/main.js');
  const files: string[] = config.files;
  for (const pattern of ['dist/app/**/*.js', 'dist/app/**/*.cjs', 'dist/app/**/*.json', 'dist/renderer/**', '!dist/**/*.test.js', '!dist/**/testing/**', '!dist/app/preload.js']) {
    assert.ok(files.includes(pattern), pattern);
  }
  assert.equal(config.asar, true);
  assert.equal(config.electronFuses.runAsNode, false);
});

test('targets: Linux AppImage and deb, Windows NSIS per machine, macOS dmg', async () => {
  const config = await loadConfig();
  assert.deepEqual(config.linux.target, ['AppImage', 'deb']);
  assert.equal(config.win.target[0].target, 'nsis');
  assert.equal(config.nsis.perMachine, true);
  assert.equal(config.nsis.oneClick, false);
  assert.deepEqual(config.mac.target, ['dmg']);
  assert.ok(config.linux.maintainer, 'deb needs a maintainer and package.json has no author');
});

test('build/icon.png is the drawn app icon, current with its code (node build/make-icons.ts)', async () => {
  const config = await loadConfig();
  assert.equal(config.icon, 'build/icon.png');
  const onDisk = await readFile(path.join(ROOT, 'build', 'icon.png'));
  assert.ok(onDisk.equals(appIconPng(512)));
});
