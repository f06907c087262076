import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import type { SessionCredentials } from '../core/agent/ports.ts';
import { PASSWORD_KEY, SESSION_KEY, createCredentialStore, createPasswordVault, keyringStatus } from './credential-store.ts';
import { createFakeSafeStorage } from './testing/fake-electron.ts';

const credentials: SessionCredentials = {
  server: 'https://cic.example.com:8019',
  userId: 'agent1',
  userDisplayName: 'Agent One',
  sessionId: 'SESSION-ID-123456',
  csrfToken: 'CSRF-TOKEN-abcdef',
  cookie: 'icws_SESSION-ID-123456=COOKIE-VALUE-7890',
  features: [{ featureId: 'client-buttons', version: 3 }],
  alternateHosts: [],
  language: 'en-us',
  applicationName: 'ICWS Agent',
  savedAt: 1,
};
const PASSWORD = 'correct horse battery staple';
const SECRETS = [credentials.sessionId, credentials.csrfToken, 'COOKIE-VALUE-7890', PASSWORD];

// The real conf (electron-store's engine) writing real files in a temporary folder.
async function withConf(run: (conf: Conf, dir: string) => Promise<void>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'icws-agent-secrets-'));
  try {
    await run(new Conf({ cwd: dir, configName: 'secrets' }), dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function everythingOnDisk(dir: string): Promise<string> {
  const names = await readdir(dir);
  return (await Promise.all(names.map((name) => readFile(path.join(dir, name), 'utf8')))).join('\n');
}

test('credentials and password are sealed before they reach the file; nothing secret is readable on disk', () =>
  withConf(async (conf, dir) => {
    const safeStorage = createFakeSafeStorage();
    const keyring = await keyringStatus(safeStorage, 'linux');
    assert.deepEqual(keyring, { ok: true });
    const store = createCredentialStore(conf, safeStorage, keyring);
    const vault = createPasswordVault(conf, safeStorage, keyring);
    await store.save(credentials);
    await vault.save(credentials.server, credentials.userId, PASSWORD);

    const disk = await everythingOnDisk(dir);
    for (const secret of SECRETS) assert.ok(!disk.includes(secret), `${secret} is not on disk`);
    assert.ok(!disk.includes(Buffer.from(PASSWORD).toString('base64')), 'not merely base64 either');
    assert.match(String(conf.get(SESSION_KEY)), /^[A-Za-z0-9+/]+=*$/, 'stored as base64 ciphertext');

    // A fresh store over the same file (a restart) reads them back.
    const reopened = new Conf({ cwd: dir, configName: 'secrets' });
    assert.deepEqual(await createCredentialStore(reopened, safeStorage, keyring).load(), credentials);
    const vault2 = createPasswordVault(reopened, safeStorage, keyring);
    assert.equal(await vault2.load(credentials.server, credentials.userId), PASSWORD);
    assert.equal(await vault2.load(credentials.server, 'someone-else'), null, 'only for the same user and server');

    await store.clear();
    await vault.clear();
    assert.equal(conf.has(SESSION_KEY) || conf.has(PASSWORD_KEY), false);
  }));

test('Linux basic_text: session kept in memory only, password never remembered, and the reason said plainly', () =>
  withConf(async (conf, dir) => {
    const safeStorage = createFakeSafeStorage({ backend: 'basic_text' });
    const keyring = await keyringStatus(safeStorage, 'linux');
    assert.equal(keyring.ok, false);
    assert.match(keyring.ok ? '' : keyring.reason, /No system keyring .* cannot be remembered/);
    const store = createCredentialStore(conf, safeStorage, keyring);
    const vault = createPasswordVault(conf, safeStorage, keyring);
    assert.deepEqual(vault.availability(), keyring);

    await store.save(credentials);
    await vault.save(credentials.server, credentials.userId, PASSWORD);
    assert.deepEqual(await store.load(), credentials, 'this run still resumes');
    assert.equal(await vault.load(credentials.server, credentials.userId), null);
    assert.equal(safeStorage.state.calls, 0, 'nothing was even encrypted');
    const disk = await everythingOnDisk(dir).catch(() => '');
    for (const secret of SECRETS) assert.ok(!disk.includes(secret));
    assert.equal(await createCredentialStore(new Conf({ cwd: dir, configName: 'secrets' }), safeStorage, keyring).load(), null, 'a restart has nothing');
  }));

test('backend unknown or encryption unavailable: nothing secret stored; other platforms ignore the Linux backend', async () => {
  const unknown = await keyringStatus(createFakeSafeStorage({ backend: 'unknown' }), 'linux');
  assert.equal(unknown.ok, false);
  const unavailable = await keyringStatus(createFakeSafeStorage({ available: false }), 'win32');
  assert.match(unavailable.ok ? '' : unavailable.reason, /secure storage is not available/);
  assert.deepEqual(await keyringStatus(createFakeSafeStorage({ backend: 'unknown' }), 'darwin'), { ok: true });
});

test('stale secrets from a time the keyring worked are removed when it no longer does', () =>
  withConf(async (conf) => {
    const safeStorage = createFakeSafeStorage();
    await createCredentialStore(conf, safeStorage, { ok: true }).save(credentials);
    await createPasswordVault(conf, safeStorage, { ok: true }).save('s', 'u', PASSWORD);
    createCredentialStore(conf, safeStorage, { ok: false, reason: 'gone' });
    createPasswordVault(conf, safeStorage, { ok: false, reason: 'gone' });
    assert.equal(conf.has(SESSION_KEY) || conf.has(PASSWORD_KEY), false);
  }));

test('an unreadable or malformed record counts as none and is removed; a rotated key re-seals', () =>
  withConf(async (conf) => {
    const safeStorage = createFakeSafeStorage();
    const store = createCredentialStore(conf, safeStorage, { ok: true });
    conf.set(SESSION_KEY, 'bm90IGNpcGhlcnRleHQ=');
    assert.equal(await store.load(), null);
    assert.equal(conf.has(SESSION_KEY), false);
    conf.set(SESSION_KEY, (await safeStorage.encryptStringAsync(JSON.stringify({ sessionId: 'x' }))).toString('base64'));
    assert.equal(await store.load(), null, 'missing fields');

    await store.save(credentials);
    const before = conf.get(SESSION_KEY);
    safeStorage.state.reEncrypt = true;
    assert.deepEqual(await store.load(), credentials);
    assert.notEqual(conf.get(SESSION_KEY), before);
  }));

test('a remembered password sealed under a rotated key is re-sealed too, and still opens', () =>
  withConf(async (conf) => {
    const safeStorage = createFakeSafeStorage();
    const vault = createPasswordVault(conf, safeStorage, { ok: true });
    await vault.save('https://cic.example.com', 'agent1', PASSWORD);
    const before = conf.get(PASSWORD_KEY);
    safeStorage.state.reEncrypt = true;
    assert.equal(await vault.load('https://cic.example.com', 'agent1'), PASSWORD);
    const after = conf.get(PASSWORD_KEY);
    assert.notEqual(after, before, 're-sealed');
    safeStorage.state.reEncrypt = false;
    assert.equal(await vault.load('https://cic.example.com', 'agent1'), PASSWORD);
    assert.equal(conf.get(PASSWORD_KEY), after, 'left alone when the key is current');
    assert.equal(await vault.load('https://cic.example.com', 'agent2'), null, 'another user’s password is not handed out');
    conf.set(PASSWORD_KEY, (await safeStorage.encryptStringAsync(JSON.stringify({ server: 's', userId: 'u' }))).toString('base64'));
    assert.equal(await vault.load('s', 'u'), null, 'missing fields');
  }));
