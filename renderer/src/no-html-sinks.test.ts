// The renderer never turns a string into markup. This guard keeps it that way: none of the DOM's HTML-parsing
// sinks may appear anywhere in the renderer's source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Spelled in pieces so this file does not trip its own check.
const SINKS = ['inner' + 'HTML', 'outer' + 'HTML', 'insertAdjacent' + 'HTML', 'document.' + 'write', 'createContextual' + 'Fragment', 'DOM' + 'Parser', 'parseHTML' + 'Unsafe', 'setHTML' + 'Unsafe'];

test('no HTML-parsing sink in renderer source', async () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const files = (await readdir(root, { recursive: true })).filter((file) => /\.(ts|html)$/.test(file));
  assert.ok(files.length > 10);
  const found: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(root, file), 'utf8');
    for (const sink of SINKS) if (text.includes(sink)) found.push(`${file}: ${sink}`);
  }
  assert.deepEqual(found, []);
});
