// `node e2e/electron/run.ts`: runs the Electron suite, under xvfb-run when a binary exists and Linux has no
// display. Without a binary the suite still runs, and skips itself with one line saying why.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary, needsVirtualDisplay } from './electron-binary.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const suite = ['--test', '--test-concurrency=1', 'e2e/electron/*.test.ts'];
const binary = findElectronBinary(root);
const wrap = 'path' in binary && needsVirtualDisplay();
const [command, args] = wrap
  ? ['xvfb-run', ['--auto-servernum', '--server-args=-screen 0 1280x1024x24', process.execPath, ...suite]]
  : [process.execPath, suite];
const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
if (result.error) console.error(`could not run ${command}: ${result.error.message}`);
process.exit(result.status ?? 1);
