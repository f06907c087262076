import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DISPLAY_LIMIT } from '../display-text.ts';
import type { CatalogButton } from './button-catalog.ts';
import { pickText, safeIconUri, toButtonView } from './button-view.ts';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const base: CatalogButton = { id: 'Escalate', configurationId: { id: 'Escalate', displayName: 'Escalate (admin name)' } };
const texts = {
  defaultValue: 'Escalate',
  multiLanguageValues: [
    { language: 'de', value: 'Eskalieren' },
    { language: 'fr-CA', value: 'Escalader (CA)' },
    { language: 'en-GB', value: 'Escalate (GB)' },
    { language: 'EN-us', value: 'Escalate (US)' },
    { language: 'es', value: '' },
  ],
};

test('label: exact language (case-insensitive), then primary subtag, then same primary, then default', () => {
  const b: CatalogButton = { ...base, buttonText: texts };
  assert.equal(toButtonView(b, 'en-US', null).label, 'Escalate (US)');
  assert.equal(toButtonView(b, 'en_us', null).label, 'Escalate (US)');
  assert.equal(toButtonView(b, 'de-AT', null).label, 'Eskalieren');
  assert.equal(toButtonView(b, 'DE', null).label, 'Eskalieren');
  assert.equal(toButtonView(b, 'fr', null).label, 'Escalader (CA)');
  assert.equal(toButtonView(b, 'es', null).label, 'Escalate', 'an empty translation counts as missing');
  assert.equal(toButtonView(b, 'ja-JP', null).label, 'Escalate');
  assert.equal(toButtonView(b, '', null).label, 'Escalate');
});

test('label falls back to defaultValue, then displayName, then the ID', () => {
  assert.equal(toButtonView({ ...base, buttonText: { defaultValue: 'Go' } }, 'en', null).label, 'Go');
  assert.equal(toButtonView({ ...base, buttonText: { defaultValue: ' ' } }, 'en', null).label, 'Escalate (admin name)');
  assert.equal(toButtonView(base, 'en', null).label, 'Escalate (admin name)');
  assert.equal(toButtonView({ id: 'Raw', configurationId: { id: 'Raw', displayName: '' } }, 'en', null).label, 'Raw');
  assert.equal(toButtonView({ id: 'Raw', configurationId: { id: 'Raw' } }, 'en', null).label, 'Raw');
});

test('tooltip follows the same language rule and is empty when there is none', () => {
  const b: CatalogButton = { ...base, description: { defaultValue: 'Sends to a supervisor', multiLanguageValues: [{ language: 'de-DE', value: 'An Vorgesetzte' }] } };
  assert.equal(toButtonView(b, 'de-de', null).tooltip, 'An Vorgesetzte');
  assert.equal(toButtonView(b, 'en-US', null).tooltip, 'Sends to a supervisor');
  assert.equal(toButtonView(base, 'en-US', null).tooltip, '');
  assert.equal(pickText(undefined, 'en'), undefined);
  assert.equal(pickText({}, 'en'), undefined);
});

test('id and shortcut are passed through', () => {
  const view = toButtonView(base, 'en', 'CommandOrControl+Alt+1');
  assert.equal(view.id, 'Escalate');
  assert.equal(view.shortcut, 'CommandOrControl+Alt+1');
  assert.equal(toButtonView(base, 'en', null).shortcut, null);
});

test('icons: inline raster images only, never anything the renderer would fetch', () => {
  assert.equal(toButtonView({ ...base, iconUri: PNG }, 'en', null).iconUri, PNG);
  assert.equal(safeIconUri('DATA:IMAGE/JPEG;base64,/9j/4AAQ'), 'DATA:IMAGE/JPEG;base64,/9j/4AAQ');
  assert.equal(safeIconUri('data:image/gif,GIF89a%01%00'), 'data:image/gif,GIF89a%01%00');
  for (const bad of [
    undefined,
    '',
    'https://evil.example/icon.png',
    '//evil.example/icon.png',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'data:image/svg+xml;base64,PHN2Zz4=',
    'data:image/png;base64,abc"onerror="alert(1)',
    'data:image/png;base64,abc def',
    ' data:image/png;base64,abc',
    'icons/escalate.png',
  ]) {
    assert.equal(safeIconUri(bad), null, String(bad));
  }
});

test('labels and tooltips are cut to the display limit and passed as text', () => {
  const long = 'x'.repeat(5000);
  const view = toButtonView({ ...base, buttonText: { defaultValue: long }, description: { defaultValue: long } }, 'en', null);
  assert.equal(view.label.length, DISPLAY_LIMIT);
  assert.equal(view.tooltip.length, DISPLAY_LIMIT);
  assert.equal(toButtonView({ ...base, buttonText: { defaultValue: '<b>x</b>' } }, 'en', null).label, '<b>x</b>');
});
