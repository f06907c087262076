import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttp } from '../icws/http.ts';
import { MAX_ICON_BYTES, createIconCache, iconUrl } from './button-icons.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

test('only the server origin: paths resolve against it, other hosts and schemes are refused', () => {
  const server = 'https://cic.example.com:8019/api/cic1';
  assert.equal(iconUrl('/icons/a.png', server), 'https://cic.example.com:8019/icons/a.png');
  assert.equal(iconUrl('https://cic.example.com:8019/x.png', server), 'https://cic.example.com:8019/x.png');
  assert.equal(iconUrl('https://tracker.example.net/x.png', server), null);
  assert.equal(iconUrl('http://cic.example.com:8019/x.png', server), null, 'another scheme is another origin');
  assert.equal(iconUrl('file:///etc/passwd', server), null);
  assert.equal(iconUrl('javascript:alert(1)', server), null);
});

test('small raster images become data URIs; anything else is left out, and each URL is asked once', async () => {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    hits.set(req.url ?? '', (hits.get(req.url ?? '') ?? 0) + 1);
    if (req.url === '/ok.png') return res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG);
    if (req.url === '/page.png') return res.writeHead(200, { 'Content-Type': 'text/html' }).end('<script>x</script>');
    if (req.url === '/vector.svg') return res.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end('<svg/>');
    if (req.url === '/huge.png') return res.writeHead(200, { 'Content-Type': 'image/png' }).end(Buffer.alloc(MAX_ICON_BYTES + 1));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let loaded = 0;
  const icons = createIconCache(createHttp({ timeoutMs: 2000 }), () => loaded++);
  try {
    for (const path of ['/ok.png', '/page.png', '/vector.svg', '/huge.png', '/missing.png']) assert.equal(icons.resolve(path, base), null);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(loaded, 1);
    assert.equal(icons.resolve('/ok.png', base), `data:image/png;base64,${PNG.toString('base64')}`);
    for (const path of ['/page.png', '/vector.svg', '/huge.png', '/missing.png']) assert.equal(icons.resolve(path, base), null, path);
    assert.deepEqual([...hits.values()], [1, 1, 1, 1, 1], 'no URL is fetched twice');
    assert.equal(icons.resolve('data:image/png;base64,AAAA', base), 'data:image/png;base64,AAAA', 'inline icons pass through');
    assert.equal(icons.resolve(undefined, base), null);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
