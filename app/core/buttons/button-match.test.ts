import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appliesTo, buttonsFor, isEnabled, surfaceFor } from './button-match.ts';
import type { MatchableButton, MatchInteraction, Surface } from './button-match.ts';

const full = (fields: MatchableButton): MatchableButton => ({ enabled: true, availability: 0, interactionTypes: [0], locations: [0, 1], ...fields });
const live = (typeCode: number | null): MatchInteraction => ({ typeCode, active: true });
const ended = (typeCode: number | null): MatchInteraction => ({ typeCode, active: false });

test('availability × selection × active, on the surface the app uses for each selection', () => {
  // [availability, interaction, expected]
  const cases: [number, MatchInteraction | null, boolean][] = [
    [0, null, true],
    [0, live(1), true],
    [0, ended(1), true],
    [2, null, false],
    [2, live(1), true],
    [2, ended(1), true],
    [1, null, false],
    [1, live(1), true],
    [1, ended(1), false],
  ];
  for (const [availability, interaction, expected] of cases) {
    const surface = surfaceFor(interaction);
    assert.equal(appliesTo(full({ availability }), surface, interaction), expected, `availability ${availability}, ${JSON.stringify(interaction)}`);
  }
});

test('availability is independent of the surface', () => {
  for (const surface of [0, 1] as Surface[]) {
    assert.equal(appliesTo(full({ availability: 1 }), surface, live(1)), true);
    assert.equal(appliesTo(full({ availability: 1 }), surface, ended(1)), false);
    assert.equal(appliesTo(full({ availability: 2 }), surface, null), false);
    assert.equal(appliesTo(full({ availability: 0 }), surface, null), true);
  }
});

test('absent availability is Always; unknown availability never shows', () => {
  assert.equal(appliesTo(full({ availability: undefined }), 0, null), true);
  for (const availability of [3, -1, 99]) {
    assert.equal(appliesTo(full({ availability }), 1, live(1)), false);
  }
});

test('each interaction type: a button for that type, for all types, or for another type', () => {
  for (let code = 1; code <= 8; code += 1) {
    const selected = live(code);
    assert.equal(appliesTo(full({ interactionTypes: [code] }), 1, selected), true, `only ${code}`);
    assert.equal(appliesTo(full({ interactionTypes: [0] }), 1, selected), true, `all, ${code}`);
    assert.equal(appliesTo(full({ interactionTypes: [0, code] }), 1, selected), true);
    const other = code === 8 ? 1 : code + 1;
    assert.equal(appliesTo(full({ interactionTypes: [other] }), 1, selected), false, `${other} for ${code}`);
    assert.equal(appliesTo(full({ interactionTypes: [] }), 1, selected), false, `none for ${code}`);
  }
});

test('an unknown interaction type gets only the buttons for all types', () => {
  const unknown = live(null);
  assert.equal(appliesTo(full({ interactionTypes: [0] }), 1, unknown), true);
  assert.equal(appliesTo(full({ interactionTypes: [1, 2, 3, 4, 5, 6, 7, 8] }), 1, unknown), false);
  assert.equal(appliesTo(full({ interactionTypes: [42] }), 1, live(42)), true, 'a code is a code; 42 never comes from the mapper');
});

test('with no interaction selected the type rule does not apply', () => {
  assert.equal(appliesTo(full({ interactionTypes: [1] }), 0, null), true);
  assert.equal(appliesTo(full({ interactionTypes: [] }), 0, null), true);
});

test('absent interactionTypes means all types', () => {
  assert.equal(appliesTo(full({ interactionTypes: undefined }), 1, live(4)), true);
  assert.equal(appliesTo(full({ interactionTypes: undefined }), 1, live(null)), true);
});

test('locations: the surface must be listed; absent means the interaction view only', () => {
  assert.equal(appliesTo(full({ locations: [0] }), 0, null), true);
  assert.equal(appliesTo(full({ locations: [0] }), 1, live(1)), false);
  assert.equal(appliesTo(full({ locations: [1] }), 0, null), false);
  assert.equal(appliesTo(full({ locations: [1] }), 1, live(1)), true);
  assert.equal(appliesTo(full({ locations: [] }), 1, live(1)), false);
  assert.equal(appliesTo(full({ locations: [] }), 0, null), false);
  assert.equal(appliesTo(full({ locations: undefined }), 1, live(1)), true);
  assert.equal(appliesTo(full({ locations: undefined }), 0, null), false);
  // The surface is the caller's choice: queue-toolbar buttons with an interaction selected.
  assert.equal(appliesTo(full({ locations: [0] }), 0, live(1)), true);
});

test('enabled: false hides everywhere; absent counts as enabled', () => {
  assert.equal(appliesTo(full({ enabled: false }), 0, null), false);
  assert.equal(appliesTo(full({ enabled: false }), 1, live(1)), false);
  assert.equal(appliesTo(full({ enabled: undefined }), 1, live(1)), true);
  assert.equal(isEnabled({}), true);
  assert.equal(isEnabled({ enabled: false }), false);
});

test('a bare button (every field absent) shows in the interaction view only', () => {
  assert.equal(appliesTo({}, 1, live(1)), true);
  assert.equal(appliesTo({}, 1, ended(null)), true);
  assert.equal(appliesTo({}, 0, null), false);
});

test('buttonsFor keeps catalog order and picks the surface from the selection', () => {
  const catalog = [
    { id: 'Z-call-active', ...full({ availability: 1, interactionTypes: [1], locations: [1] }) },
    { id: 'A-toolbar', ...full({ locations: [0] }) },
    { id: 'M-everywhere', ...full({}) },
    { id: 'B-disabled', ...full({ enabled: false }) },
    { id: 'C-chat', ...full({ interactionTypes: [3], locations: [1] }) },
  ];
  assert.deepEqual(buttonsFor(catalog, null), ['A-toolbar', 'M-everywhere']);
  assert.deepEqual(buttonsFor(catalog, live(1)), ['Z-call-active', 'M-everywhere']);
  assert.deepEqual(buttonsFor(catalog, ended(1)), ['M-everywhere']);
  assert.deepEqual(buttonsFor(catalog, live(3)), ['M-everywhere', 'C-chat']);
  assert.deepEqual(buttonsFor(catalog, live(null)), ['M-everywhere']);
  assert.deepEqual(buttonsFor(catalog, live(1), 0), ['A-toolbar', 'M-everywhere']);
  assert.deepEqual(buttonsFor([], null), []);
});
