import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, PRIVILEGED_SCHEMES, RENDERER_URL, createRendererProtocolHandler, isAppUrl } from './protocol.ts';

let base: string;
let root: string;
let handler: (request: Request) => Promise<Response>;
before(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'icws-agent-protocol-'));
  root = path.join(base, 'dist', 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>ICWS Agent</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(base, 'dist', 'secret.json'), '{"csrf":"nope"}');
  await writeFile(path.join(root, 'notes.txt'), 'no type for this');
  await symlink(path.join(base, 'dist', 'secret.json'), path.join(root, 'linked.json'));
  handler = createRendererProtocolHandler(root);
});
after(() => rm(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

test('the scheme is registered standard and secure', () => {
  assert.deepEqual(PRIVILEGED_SCHEMES, [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  assert.equal(RENDERER_URL, 'app://renderer/index.html');
  assert.equal(isAppUrl('app://renderer/x'), true);
  assert.equal(isAppUrl('app://renderer.evil/x'), false);
  assert.equal(isAppUrl('file:///x'), false);
  assert.equal(isAppUrl('not a url'), false);
});

test('files inside dist/renderer are served with their type, a strict CSP and nosniff', async () => {
  const page = await get('app://renderer/index.html');
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(page.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  assert.match(await page.text(), /ICWS Agent/);
  assert.equal((await get('app://renderer/')).status, 200, '/ is index.html');
  const script = await get('app://renderer/assets/app.js');
  assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
  for (const directive of ["default-src 'none'", "script-src 'self'", "connect-src 'none'", "frame-ancestors 'none'", "object-src 'none'"]) {
    assert.ok(CONTENT_SECURITY_POLICY.includes(directive), directive);
  }
  assert.ok(!/unsafe-(inline|eval)/.test(CONTENT_SECURITY_POLICY));
});

test('nothing outside dist/renderer is served, however the path is spelled', async () => {
  const attempts = [
    'app://renderer/../secret.json',
    'app://renderer/%2e%2e/secret.json',
    'app://renderer/..%2fsecret.json',
    'app://renderer/..%2Fsecret.json',
    'app://renderer/assets/..%2F..%2Fsecret.json',
    'app://renderer/..%5csecret.json',
    'app://renderer/%2e%2e%2f%2e%2e%2fsecret.json',
    'app://renderer/linked.json',
    'app://renderer/index.html%00.js',
    'app://renderer/%E0%A4%A',
  ];
  for (const url of attempts) {
    const response = await get(url);
    assert.ok([400, 403, 404].includes(response.status), `${url} answered ${response.status}`);
    assert.doesNotMatch(await response.text(), /nope/, url);
  }
});

test('other hosts, unknown files and types, folders and non-GET methods are refused', async () => {
  assert.equal((await get('app://elsewhere/index.html')).status, 404);
  assert.equal((await get('app://renderer/missing.html')).status, 404);
  assert.equal((await get('app://renderer/notes.txt')).status, 404, 'no content type, no content');
  assert.equal((await get('app://renderer/assets')).status, 404);
  assert.equal((await get('app://renderer/index.html', 'POST')).status, 405);
  const head = await get('app://renderer/index.html', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(await head.text(), '');
});

// CSP 3: a policy delivered in <meta> ignores these (and Chromium logs an error for each one present).
const META_INVALID_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'sandbox']);
const directives = (policy: string) => policy.split(';').map((part) => part.trim().replace(/\s+/g, ' ')).filter(Boolean);

test('index.html’s meta policy, if any, is the header policy minus what a meta tag cannot carry', async () => {
  const html = await readFile(path.resolve(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)].map((match) => match[1]!);
  assert.ok(metas.length <= 1, 'one meta policy at most');
  assert.equal((html.match(/Content-Security-Policy/gi) ?? []).length, metas.length, 'no meta policy spelled some other way');
  if (metas.length === 0) return;
  const expected = directives(CONTENT_SECURITY_POLICY).filter((directive) => !META_INVALID_DIRECTIVES.has(directive.split(' ')[0]!));
  assert.deepEqual(directives(metas[0]!), expected);
});
