import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLIENT_BUTTONS_MESSAGE_TYPE } from '../icws/wire-types.ts';
import { CATALOG_LIMITS, createButtonCatalog } from './button-catalog.ts';
import type { ButtonCatalog, CatalogButton } from './button-catalog.ts';

const T = CLIENT_BUTTONS_MESSAGE_TYPE;
const button = (id: unknown, fields: Record<string, unknown> = {}) => ({
  configurationId: { id, displayName: String(id), uri: `/configuration/client-buttons/${String(id)}` },
  ...fields,
});
const message = (isDelta: boolean, parts: Record<string, unknown>) => ({ __type: T, isDelta, subscriptionId: 'b', ...parts });

function seeded(): ButtonCatalog {
  const catalog = createButtonCatalog();
  catalog.replaceAll([
    button('Escalate', { buttonText: { defaultValue: 'Escalate' }, availability: 1, interactionTypes: [1, 3], locations: [1], enabled: true }),
    button('Survey', { availability: 0, locations: [0, 1], enabled: true }),
    button('Wrap', { enabled: false }),
  ]);
  return catalog;
}

const plain = (catalog: ButtonCatalog): unknown => JSON.parse(JSON.stringify(catalog.buttons()));

test('replaceAll keeps server order and only the known fields', () => {
  const catalog = createButtonCatalog();
  const result = catalog.replaceAll([
    button('B', { notes: 'n', customAttributes: [{ name: 'a', value: 'b' }], createdDate: 'x', futureField: 1 }),
    button('A', { enabled: true }),
  ]);
  assert.equal(result.ok, true);
  assert.deepEqual(result.added, ['B', 'A']);
  assert.deepEqual(catalog.ids(), ['B', 'A']);
  assert.deepEqual(catalog.get('B'), {
    id: 'B',
    configurationId: { id: 'B', displayName: 'B', uri: '/configuration/client-buttons/B' },
  });
});

test('IDs without select (configurationId only) are accepted', () => {
  const catalog = createButtonCatalog();
  catalog.replaceAll([{ configurationId: { id: 'Only' } }]);
  assert.deepEqual(catalog.get('only'), { id: 'Only', configurationId: { id: 'Only' } });
});

test('get is case-insensitive and keeps the server spelling', () => {
  const catalog = seeded();
  assert.equal(catalog.get('ESCALATE')?.id, 'Escalate');
  assert.equal(catalog.get('escalate')?.id, 'Escalate');
  assert.equal(catalog.get('nope'), undefined);
  assert.equal(catalog.get(5 as unknown as string), undefined);
});

test('isDelta:false replaces everything', () => {
  const catalog = seeded();
  const result = catalog.apply(message(false, { added: [button('survey', { enabled: true }), button('New')] }));
  assert.equal(result.snapshot, true);
  assert.deepEqual(catalog.ids(), ['survey', 'New']);
  assert.deepEqual(result.added, ['New']);
  assert.deepEqual(result.updated, ['survey']);
  assert.deepEqual(result.removed.sort(), ['Escalate', 'Wrap']);
});

test('delta added: new buttons go to the end, known ones are replaced in place', () => {
  const catalog = seeded();
  const result = catalog.apply(message(true, { added: [button('New'), button('SURVEY', { enabled: false })] }));
  assert.deepEqual(catalog.ids(), ['Escalate', 'SURVEY', 'Wrap', 'New']);
  assert.deepEqual(catalog.get('survey')?.enabled, false);
  assert.equal(catalog.get('survey')?.locations, undefined, 'added replaces, it does not merge');
  assert.deepEqual(result.added, ['New']);
  assert.deepEqual(result.updated, ['SURVEY']);
});

test('delta changed merges: given fields replace, omitted fields stay, null clears, ID spelling stays', () => {
  const catalog = seeded();
  catalog.apply(
    message(true, {
      changed: [
        { configurationId: { id: 'ESCALATE', displayName: 'Escalate now' }, availability: 2, buttonText: null },
      ],
    }),
  );
  const escalate = catalog.get('escalate')!;
  assert.equal(escalate.id, 'Escalate');
  assert.equal(escalate.availability, 2);
  assert.equal(escalate.buttonText, undefined);
  assert.deepEqual(escalate.interactionTypes, [1, 3]);
  assert.deepEqual(escalate.locations, [1]);
  assert.equal(escalate.enabled, true);
  assert.deepEqual(escalate.configurationId, { id: 'Escalate', displayName: 'Escalate now', uri: '/configuration/client-buttons/Escalate' });
  assert.deepEqual(catalog.ids(), ['Escalate', 'Survey', 'Wrap'], 'a change keeps the position');
});

test('changed for an unknown ID is ignored and counted; removed is case-insensitive', () => {
  const catalog = seeded();
  const result = catalog.apply(message(true, { changed: [button('Ghost', { enabled: true })], removed: ['wrap', 'gone'] }));
  assert.deepEqual(catalog.ids(), ['Escalate', 'Survey']);
  assert.deepEqual(result.removed, ['Wrap']);
  assert.equal(catalog.stats().unknownIds, 2);
});

test('buttons are frozen, so callers cannot change the catalog', () => {
  const catalog = seeded();
  const escalate = catalog.get('Escalate') as unknown as { locations: number[] };
  assert.throws(() => escalate.locations.push(0));
  assert.throws(() => {
    (catalog.get('Escalate') as unknown as { enabled: boolean }).enabled = false;
  });
  catalog.buttons().pop();
  assert.equal(catalog.size(), 3);
});

test('malformed rule fields drop the whole button; in a change they leave the cached button untouched', () => {
  const catalog = createButtonCatalog();
  const bad: Record<string, unknown>[] = [
    { enabled: 'true' },
    { enabled: 1 },
    { availability: '1' },
    { availability: 1.5 },
    { interactionTypes: 1 },
    { interactionTypes: ['1'] },
    { interactionTypes: [1, null] },
    { locations: {} },
    { locations: [0.5] },
    { locations: new Array(CATALOG_LIMITS.maxListLength + 1).fill(1) },
  ];
  const result = catalog.replaceAll([...bad.map((fields, i) => button(`bad${i}`, fields)), button('Good', { enabled: true, locations: [0] })]);
  assert.equal(result.ok, true);
  assert.deepEqual(catalog.ids(), ['Good']);
  assert.equal(catalog.stats().skippedEntries, bad.length);
  catalog.apply(message(true, { changed: bad.map((fields) => ({ configurationId: { id: 'good' }, ...fields })) }));
  assert.deepEqual(catalog.get('Good'), { id: 'Good', configurationId: { id: 'Good', displayName: 'Good', uri: '/configuration/client-buttons/Good' }, enabled: true, locations: [0] });
});

test('out-of-range rule values are kept as sent (the matcher refuses them)', () => {
  const catalog = createButtonCatalog();
  catalog.replaceAll([button('X', { availability: 7, interactionTypes: [42], locations: [3] })]);
  assert.equal(catalog.get('X')?.availability, 7);
  assert.deepEqual(catalog.get('X')?.interactionTypes, [42]);
});

test('malformed display fields are dropped alone and counted', () => {
  const catalog = createButtonCatalog();
  catalog.replaceAll([
    button('X', {
      enabled: true,
      buttonText: { defaultValue: 5, multiLanguageValues: [{ language: 'de', value: 'Eskalieren' }, { language: 'fr' }, 'x', null, { language: 3, value: 'v' }] },
      description: 'not an object',
      iconUri: 42,
      action: 'one',
      deactivateAfterUse: 'yes',
      localApplication: 'x'.repeat(CATALOG_LIMITS.maxTextLength + 1),
    }),
    { configurationId: { id: 'Y', displayName: 7, uri: [] }, buttonText: { multiLanguageValues: 'en' } },
  ]);
  assert.deepEqual(catalog.get('X'), {
    id: 'X',
    configurationId: { id: 'X', displayName: 'X', uri: '/configuration/client-buttons/X' },
    enabled: true,
    buttonText: { multiLanguageValues: [{ language: 'de', value: 'Eskalieren' }] },
  });
  assert.deepEqual(catalog.get('Y'), { id: 'Y', configurationId: { id: 'Y' }, buttonText: {} });
  assert.equal(catalog.stats().skippedParts, 13);
});

test('entries without a usable ID are skipped and counted', () => {
  const catalog = seeded();
  const result = catalog.apply(
    message(true, {
      added: [null, 1, 'Escalate', [], {}, { configurationId: 'Escalate' }, { configurationId: { id: '' } }, { configurationId: { id: 7 } }, button('x'.repeat(257))],
      changed: [{ availability: 0 }],
      removed: [1, null, '', {}],
    }),
  );
  assert.equal(result.ok, true);
  assert.equal(result.skipped, 14);
  assert.equal(catalog.size(), 3);
});

test('whole-message rejections change nothing', () => {
  const catalog = seeded();
  const before = plain(catalog);
  const cases: unknown[] = [
    null,
    'x',
    [],
    { __type: T },
    { __type: T, isDelta: 'false', added: [] },
    { __type: 'urn:inin.com:queues:queueContentsMessage', isDelta: false, added: [] },
    message(false, { added: 'all' }),
    message(true, { changed: {} }),
    message(true, { removed: 'Escalate' }),
    message(false, { added: new Array(CATALOG_LIMITS.maxEntriesPerArray + 1).fill(button('A')) }),
  ];
  for (const m of cases) {
    assert.equal(catalog.apply(m).ok, false);
    assert.deepEqual(plain(catalog), before);
  }
  for (const items of [null, undefined, {}, 'x', { items: [] }, new Array(CATALOG_LIMITS.maxEntriesPerArray + 1).fill(button('A'))]) {
    assert.equal(catalog.replaceAll(items).ok, false);
    assert.deepEqual(plain(catalog), before);
  }
  assert.equal(catalog.stats().rejected, cases.length + 6);
});

test('subscriptionId is checked when configured', () => {
  const catalog = createButtonCatalog({ subscriptionId: 'b' });
  assert.equal(catalog.apply({ ...message(false, {}), subscriptionId: 'other' }).reason, 'other-subscription');
  assert.equal(catalog.apply({ ...message(false, {}), subscriptionId: 3 }).reason, 'malformed');
  assert.equal(catalog.apply(message(false, { added: [button('A')] })).ok, true);
});

test('the button limit holds', () => {
  const catalog = createButtonCatalog({ limits: { maxButtons: 2 } });
  catalog.replaceAll([button('A'), button('B'), button('C')]);
  catalog.apply(message(true, { added: [button('D'), button('a', { enabled: false })] }));
  assert.deepEqual(catalog.ids(), ['a', 'B']);
  assert.equal(catalog.stats().skippedEntries, 2);
});

// --- A few hundred malformed messages against a reference model --------------------------------

function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('fuzz: hundreds of malformed messages never corrupt the catalog and every bad entry is counted', () => {
  const random = prng(77);
  const pick = <V>(list: readonly V[]): V => list[Math.floor(random() * list.length)]!;
  const catalog = createButtonCatalog();
  // Reference model: lower-cased ID -> the rule fields the test sets.
  const model = new Map<string, { id: string; enabled: boolean; availability: number }>();
  const expected = { applied: 0, rejected: 0, skippedEntries: 0, skippedParts: 0, unknownIds: 0 };
  const check = (label: string): void => {
    const actual = catalog.buttons().map((b: CatalogButton) => ({ id: b.id, enabled: b.enabled, availability: b.availability }));
    assert.deepEqual(actual, [...model.values()], label);
    assert.deepEqual(catalog.stats(), expected, label);
  };

  const junkEntry = (): unknown =>
    pick([
      () => pick([null, 0, 'Escalate', true, [], [button('A')]]),
      () => ({ configurationId: pick([null, 'A', 1, [], {}, { id: '' }, { id: 3 }, { id: 'i'.repeat(300) }]) }),
      () => button(`j${Math.floor(random() * 3)}`, pick([{ enabled: 'yes' }, { availability: '0' }, { locations: 'all' }, { interactionTypes: [0, 'x'] }])),
    ])();
  const junkMessage = (): unknown =>
    pick([
      () => pick([null, undefined, 1, 'x', [], {}, true]),
      () => JSON.stringify(message(true, { added: [button('A')] })).slice(0, Math.floor(random() * 70)),
      () => ({ __type: T, isDelta: pick(['true', 0, null, []]) }),
      () => message(random() < 0.5, { [pick(['added', 'changed', 'removed'])]: pick(['x', 2, {}, false]) }),
      () => message(true, { removed: new Array(CATALOG_LIMITS.maxEntriesPerArray + 1).fill('x') }),
    ])();

  let next = 0;
  for (let round = 0; round < 400; round += 1) {
    if (random() < 0.4) {
      assert.equal(catalog.apply(junkMessage()).ok, false, `round ${round}`);
      expected.rejected += 1;
      check(`round ${round} (rejected)`);
      continue;
    }
    const added: unknown[] = [];
    const changed: unknown[] = [];
    const removed: unknown[] = [];
    const keys = [...model.keys()];
    if (random() < 0.6 || keys.length === 0) {
      const id = `Btn${next++}`;
      const fields = { enabled: random() < 0.5, availability: pick([0, 1, 2]) };
      added.push({ ...button(id, fields), futureField: [1] });
      model.set(id.toLowerCase(), { id, ...fields });
    }
    if (keys.length > 0 && random() < 0.7) {
      const key = pick(keys);
      const availability = pick([0, 1, 2]);
      // A change with the ID in another case, a bad display part and an unknown field.
      changed.push({ configurationId: { id: key.toUpperCase() }, availability, iconUri: 5, unknown: true });
      expected.skippedParts += 1;
      model.get(key)!.availability = availability;
    }
    if (keys.length > 3 && random() < 0.3) {
      const key = pick(keys);
      removed.push(key.toUpperCase());
      model.delete(key);
    }
    if (random() < 0.3) {
      changed.push(button(`ghost${round}`, { enabled: true }));
      expected.unknownIds += 1;
    }
    const junkCount = Math.floor(random() * 4);
    for (let k = 0; k < junkCount; k += 1) {
      const list = pick([added, changed, removed]);
      list.splice(Math.floor(random() * (list.length + 1)), 0, list === removed ? pick([1, null, {}, '']) : junkEntry());
    }
    expected.skippedEntries += junkCount;
    assert.equal(catalog.apply(message(true, { added, changed, removed })).ok, true, `round ${round}`);
    expected.applied += 1;
    check(`round ${round}`);
  }
  assert.ok(expected.rejected > 100 && expected.applied > 100);
});
