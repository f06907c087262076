import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultShortcutMap } from '../shortcuts/shortcut-manager.ts';
import { applySettingsPatch, defaultSettings, mergeSettings, parseSettingsPatch, sanitizeStoredSettings, toPublicSettings } from './settings.ts';

test('defaults: no server, notifications on, nothing remembered, the default shortcut map', () => {
  const settings = defaultSettings();
  assert.equal(settings.server, null);
  assert.equal(settings.notifications, true);
  assert.equal(settings.rememberPassword, false);
  assert.deepEqual(settings.shortcuts, defaultShortcutMap());
});

test('a stored file keeps its valid fields and loses invalid or unknown ones', () => {
  const raw = {
    server: 'https://cic.example.com',
    userId: 42,
    language: 'de-de',
    startHidden: 'yes',
    shortcuts: { 'Alt+F1': { kind: 'show-window' } },
    csrfToken: 'must not survive',
  };
  assert.deepEqual(sanitizeStoredSettings(raw), {
    server: 'https://cic.example.com',
    language: 'de-de',
    shortcuts: { 'Alt+F1': { kind: 'show-window' } },
  });
  assert.deepEqual(sanitizeStoredSettings('garbage'), {});
  const merged = mergeSettings(raw as never);
  assert.equal(merged.userId, null);
  assert.equal(merged.startHidden, false);
  assert.equal(merged.language, 'de-de');
});

test('a patch may change only editable fields', () => {
  assert.deepEqual(parseSettingsPatch({ startHidden: true, language: 'nl-nl' }), { startHidden: true, language: 'nl-nl' });
  assert.throws(() => parseSettingsPatch({ userId: 'someone-else' }), /unknown field "userId"/);
  assert.throws(() => parseSettingsPatch({ applicationName: '' }), /applicationName must be a non-empty/);
  assert.throws(() => parseSettingsPatch({ shortcuts: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`${i < 24 ? 'Alt' : 'Shift'}+F${(i % 24) + 1}`, { kind: 'show-window' }])) }), /at most 32 shortcuts/);
  const next = applySettingsPatch(defaultSettings(), { notifications: false });
  assert.equal(next.notifications, false);
  assert.equal(next.applicationName, 'ICWS Agent');
});

test('the public view says plainly when passwords cannot be remembered, and then never claims to', () => {
  const stored = { ...defaultSettings(), rememberPassword: true };
  const ok = toPublicSettings(stored, { ok: true });
  assert.equal(ok.rememberPassword, true);
  assert.equal(ok.canRememberPassword, true);
  assert.equal(ok.rememberUnavailableReason, null);
  const reason = 'No system keyring is available on this computer.';
  const none = toPublicSettings(stored, { ok: false, reason });
  assert.equal(none.rememberPassword, false);
  assert.equal(none.canRememberPassword, false);
  assert.equal(none.rememberUnavailableReason, reason);
});
