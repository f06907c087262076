import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QUEUE_CONTENTS_TYPE } from '../icws/wire-types.ts';
import { createInteractionStore, STORE_LIMITS } from './interaction-store.ts';
import type { InteractionStore } from './interaction-store.ts';
import { canonicalAttributeName, QUEUE_ATTRIBUTES } from './queue-attributes.ts';

const T = QUEUE_CONTENTS_TYPE;
const snapshot = (added: unknown[], extra: Record<string, unknown> = {}) => ({
  __type: T,
  isDelta: false,
  subscriptionId: 'q',
  interactionsAdded: added,
  ...extra,
});
const delta = (parts: Record<string, unknown>) => ({ __type: T, isDelta: true, subscriptionId: 'q', ...parts });
const item = (interactionId: unknown, attributes: unknown) => ({ interactionId, attributes });

function seeded(): InteractionStore {
  const store = createInteractionStore();
  store.apply(
    snapshot([
      item('1', { Eic_State: 'A', Eic_ObjectType: 'Call', Eic_RemoteName: 'Ann' }),
      item('2', { Eic_State: 'C', Eic_ObjectType: 'Chat' }),
    ]),
  );
  return store;
}

function contents(store: InteractionStore): Record<string, Record<string, string>> {
  return Object.fromEntries(store.all().map(({ id, attributes }) => [id, attributes]));
}

test('a snapshot replaces everything, in message order', () => {
  const store = seeded();
  const result = store.apply(snapshot([item('3', { Eic_State: 'H' }), item('2', { Eic_State: 'E' })]));
  assert.equal(result.ok, true);
  assert.equal(result.snapshot, true);
  assert.deepEqual(store.ids(), ['3', '2']);
  assert.deepEqual(store.get('2'), { Eic_State: 'E' }, 'the old attributes of 2 are gone');
  assert.deepEqual(result.added, ['3']);
  assert.deepEqual(result.updated, ['2']);
  assert.deepEqual(result.removed, ['1']);
});

test('a snapshot with no interactionsAdded empties the store', () => {
  const store = seeded();
  const result = store.apply({ __type: T, isDelta: false, subscriptionId: 'q' });
  assert.equal(result.ok, true);
  assert.equal(store.size(), 0);
  assert.deepEqual(result.removed.sort(), ['1', '2']);
});

test('delta: added inserts or replaces, changed merges and keeps omitted attributes, removed deletes', () => {
  const store = seeded();
  const result = store.apply(
    delta({
      interactionsAdded: [item('3', { Eic_State: 'O' }), item('2', { Eic_State: 'H' })],
      interactionsChanged: [item('1', { Eic_State: 'C' })],
      interactionsRemoved: [],
    }),
  );
  assert.equal(result.ok, true);
  assert.deepEqual(contents(store), {
    '1': { Eic_State: 'C', Eic_ObjectType: 'Call', Eic_RemoteName: 'Ann' },
    '2': { Eic_State: 'H' },
    '3': { Eic_State: 'O' },
  });
  assert.deepEqual(store.ids(), ['1', '2', '3'], 'a replaced interaction keeps its place');
  assert.deepEqual(result.added, ['3']);
  assert.deepEqual(result.updated, ['2', '1']);

  const removal = store.apply(delta({ interactionsRemoved: ['2'] }));
  assert.deepEqual(removal.removed, ['2']);
  assert.deepEqual(store.ids(), ['1', '3']);
});

test('changes and removals for unknown IDs are ignored and counted', () => {
  const store = seeded();
  const result = store.apply(delta({ interactionsChanged: [item('9', { Eic_State: 'C' })], interactionsRemoved: ['8'] }));
  assert.equal(result.ok, true);
  assert.equal(store.has('9'), false);
  assert.deepEqual([result.added, result.updated, result.removed], [[], [], []]);
  assert.equal(store.stats().unknownIds, 2);
});

test('an ID added and removed in one delta leaves nothing and is not reported', () => {
  const store = seeded();
  const result = store.apply(delta({ interactionsAdded: [item('5', {})], interactionsRemoved: ['5'] }));
  assert.equal(store.has('5'), false);
  assert.deepEqual([result.added, result.updated, result.removed], [[], [], []]);
});

test('attribute names are case-insensitive and stored under one canonical spelling', () => {
  const store = createInteractionStore();
  store.apply(snapshot([item('1', { eic_state: 'A', EIC_OBJECTTYPE: 'Call', My_Custom: 'x' })]));
  store.apply(delta({ interactionsChanged: [item('1', { Eic_State: 'C', my_custom: 'y' })] }));
  assert.deepEqual(store.get('1'), { Eic_State: 'C', Eic_ObjectType: 'Call', my_custom: 'y' });
  assert.equal(canonicalAttributeName('EIC_INITIATIONTIME'), 'Eic_InitiationTime');
  assert.equal(canonicalAttributeName('Foo_Bar'), 'foo_bar');
  for (const name of QUEUE_ATTRIBUTES) assert.equal(canonicalAttributeName(name.toUpperCase()), name);
});

test('two spellings of one attribute in one entry: the later wins', () => {
  const store = createInteractionStore();
  store.apply(snapshot([item('1', { Eic_State: 'A', EIC_STATE: 'C' })]));
  assert.deepEqual(store.get('1'), { Eic_State: 'C' });
});

test('get and all return copies', () => {
  const store = seeded();
  const copy = store.get('1')!;
  copy.Eic_State = 'X';
  store.all()[0]!.attributes.Eic_State = 'X';
  assert.equal(store.get('1')!.Eic_State, 'A');
});

test('an attribute named __proto__ is plain data, not a prototype', () => {
  const store = createInteractionStore();
  store.apply(JSON.parse(`{"isDelta":false,"interactionsAdded":[{"interactionId":"1","attributes":{"__proto__":"x","Eic_State":"A"}}]}`));
  const attributes = store.get('1')!;
  assert.equal(Object.getPrototypeOf(attributes), Object.prototype);
  assert.equal(Object.hasOwn(attributes, '__proto__'), true);
  assert.equal(({} as Record<string, unknown>).x, undefined);
});

test('absent or null attributes add an interaction with no attributes', () => {
  const store = createInteractionStore();
  store.apply(snapshot([{ interactionId: '1' }, item('2', null)]));
  assert.deepEqual(contents(store), { '1': {}, '2': {} });
});

test('stale: set by markStale and by an unusable message of ours, cleared by the next snapshot or clear()', () => {
  const store = seeded();
  assert.equal(store.isStale(), false);
  store.markStale(true);
  store.apply(delta({ interactionsRemoved: ['1'] }));
  assert.equal(store.isStale(), true, 'a delta does not resynchronise');
  store.apply(snapshot([]));
  assert.equal(store.isStale(), false);
  store.apply(delta({ interactionsAdded: 'nope' }));
  assert.equal(store.isStale(), true, 'a lost message of ours means the list may be out of date');
  store.clear();
  assert.equal(store.isStale(), false);
  assert.equal(store.size(), 0);
  store.apply({ __type: 'urn:inin.com:other', isDelta: true });
  assert.equal(store.isStale(), false, "someone else's message says nothing about ours");
});

test('messages of another subscription or type are refused', () => {
  const store = createInteractionStore({ subscriptionId: 'q' });
  store.apply(snapshot([item('1', {})]));
  assert.equal(store.apply({ ...snapshot([]), subscriptionId: 'other' }).reason, 'other-subscription');
  assert.equal(store.apply({ ...snapshot([]), subscriptionId: 7 }).reason, 'malformed');
  assert.equal(store.apply({ ...snapshot([]), __type: 'urn:inin.com:queues:somethingElse' }).reason, 'wrong-type');
  assert.deepEqual(store.ids(), ['1']);
  // Without __type or subscriptionId the dispatcher's routing is trusted.
  assert.equal(store.apply({ isDelta: false, interactionsAdded: [] }).ok, true);
});

test('whole-message rejections change nothing', () => {
  const cases: [unknown, string][] = [
    [null, 'not-an-object'],
    [undefined, 'not-an-object'],
    ['{"isDelta":false', 'not-an-object'],
    [42, 'not-an-object'],
    [[snapshot([])], 'not-an-object'],
    [{ __type: T }, 'malformed'],
    [{ __type: T, isDelta: 'false' }, 'malformed'],
    [{ __type: T, isDelta: 0, interactionsAdded: [] }, 'malformed'],
    [snapshot('not an array' as unknown as unknown[]), 'malformed'],
    [snapshot({ 0: item('x', {}) } as unknown as unknown[]), 'malformed'],
    [delta({ interactionsChanged: 5 }), 'malformed'],
    [delta({ interactionsRemoved: '1' }), 'malformed'],
    [delta({ interactionsRemoved: Array.from({ length: STORE_LIMITS.maxEntriesPerArray + 1 }, () => '1') }), 'malformed'],
    [snapshot(Array.from({ length: STORE_LIMITS.maxEntriesPerArray + 1 }, (_, i) => item(String(i), {}))), 'malformed'],
  ];
  const store = seeded();
  const before = contents(store);
  for (const [message, reason] of cases) {
    const result = store.apply(message);
    assert.equal(result.ok, false, JSON.stringify(message)?.slice(0, 80));
    assert.equal(result.reason, reason);
    assert.deepEqual(contents(store), before);
  }
  assert.equal(store.stats().rejected, cases.length);
  assert.equal(store.stats().applied, 1);
});

test('exactly the entry limit is accepted', () => {
  const store = createInteractionStore();
  const many = Array.from({ length: STORE_LIMITS.maxEntriesPerArray }, (_, i) => item(String(i), { Eic_State: 'C' }));
  assert.equal(store.apply(snapshot(many)).ok, true);
  assert.equal(store.size(), STORE_LIMITS.maxEntriesPerArray);
});

test('bad entries are skipped and counted; the rest of the message applies', () => {
  const store = seeded();
  const result = store.apply(
    delta({
      interactionsAdded: [
        null,
        7,
        'x',
        [],
        item(12, {}),
        item('', {}),
        item('x'.repeat(STORE_LIMITS.maxIdLength + 1), {}),
        { attributes: {} },
        item('bad-attrs', 'Eic_State=A'),
        item('bad-attrs2', ['A']),
        item('3', { Eic_State: 'O' }),
      ],
      interactionsChanged: [item(null, { Eic_State: 'I' }), item('1', 5)],
      interactionsRemoved: [2, null, {}, ''],
    }),
  );
  assert.equal(result.ok, true);
  assert.equal(result.skipped, 16);
  assert.deepEqual(store.ids(), ['1', '2', '3']);
  assert.equal(store.get('1')!.Eic_State, 'A');
  assert.equal(store.stats().skippedEntries, 16);
});

test('bad attribute values are skipped and counted; good ones of the same entry apply', () => {
  const store = seeded();
  const limit = STORE_LIMITS.maxValueLength;
  const result = store.apply(
    delta({
      interactionsChanged: [
        item('1', {
          Eic_State: 'C',
          Eic_Muted: 1,
          Eic_RemoteName: null,
          Eic_RemoteAddress: { a: 1 },
          Eic_Capabilities: ['2'],
          Eic_ConferenceId: true,
          Eic_CallStateString: 'y'.repeat(limit + 1),
          Eic_InitiationTime: 'z'.repeat(limit),
          ['n'.repeat(STORE_LIMITS.maxNameLength + 1)]: 'v',
          '': 'empty name',
        }),
      ],
    }),
  );
  assert.equal(result.ok, true);
  assert.equal(store.stats().skippedAttributes, 8);
  assert.deepEqual(store.get('1'), {
    Eic_State: 'C',
    Eic_ObjectType: 'Call',
    Eic_RemoteName: 'Ann',
    Eic_InitiationTime: 'z'.repeat(limit),
  });
});

test('per-interaction attribute and total interaction limits hold', () => {
  const store = createInteractionStore({ limits: { maxAttributesPerInteraction: 3, maxInteractions: 2 } });
  store.apply(snapshot([item('1', { a: '1', b: '2', c: '3', d: '4' }), item('2', {}), item('3', {})]));
  assert.deepEqual(store.ids(), ['1', '2']);
  assert.deepEqual(store.get('1'), { a: '1', b: '2', c: '3' });
  store.apply(delta({ interactionsChanged: [item('1', { a: 'x', e: '5' })], interactionsAdded: [item('4', {}), item('2', { z: '1' })] }));
  assert.deepEqual(store.get('1'), { a: 'x', b: '2', c: '3' }, 'existing names update, new names past the limit do not');
  assert.deepEqual(store.ids(), ['1', '2'], 'no room for 4; replacing 2 needs none');
  assert.deepEqual(store.get('2'), { z: '1' });
  assert.deepEqual(store.stats(), { applied: 2, rejected: 0, skippedEntries: 2, skippedAttributes: 2, unknownIds: 0 });
});

test('unknown fields are ignored', () => {
  const store = createInteractionStore();
  const result = store.apply({
    ...snapshot([{ interactionId: '1', attributes: { Eic_State: 'A' }, conferenceParentId: 'c', extra: [1, 2] }]),
    queueResultLimitExceeded: true,
    somethingNew: { deep: true },
  });
  assert.equal(result.ok, true);
  assert.equal(result.skipped, 0);
  assert.deepEqual(contents(store), { '1': { Eic_State: 'A' } });
});

test('a throwing getter is a malformed message and changes nothing', () => {
  const store = seeded();
  const hostile = { __type: T, isDelta: true, get interactionsAdded(): unknown[] {
    throw new Error('boom');
  } };
  assert.equal(store.apply(hostile).reason, 'malformed');
  assert.equal(store.size(), 2);
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

test('fuzz: hundreds of malformed messages never corrupt the store and every bad part is counted', () => {
  const random = prng(20240611);
  const pick = <V>(list: readonly V[]): V => list[Math.floor(random() * list.length)]!;
  const store = createInteractionStore({ subscriptionId: 'q' });
  const model = new Map<string, Record<string, string>>();
  const expected = { applied: 0, rejected: 0, skippedEntries: 0, skippedAttributes: 0, unknownIds: 0 };
  const check = (label: string): void => {
    assert.deepEqual(contents(store), Object.fromEntries(model), label);
    assert.deepEqual(store.stats(), expected, label);
  };

  const start = [item('1', { Eic_State: 'A' }), item('2', { Eic_State: 'C', Eic_ObjectType: 'Email' })];
  store.apply(snapshot(start));
  model.set('1', { Eic_State: 'A' }).set('2', { Eic_State: 'C', Eic_ObjectType: 'Email' });
  expected.applied += 1;

  const junkValues: unknown[] = [null, undefined, 0, -1, 1.5, Number.NaN, true, false, '', 'x', [], [1], {}, { a: 1 }, 'x'.repeat(70_000)];
  const junkEntry = (): unknown =>
    pick([
      () => pick(junkValues.filter((v) => v === null || typeof v !== 'object' || Array.isArray(v))),
      () => item(pick([1, null, true, [], {}, '', 'i'.repeat(300)]), {}),
      () => ({ attributes: { Eic_State: 'C' } }),
      () => item(`j${Math.floor(random() * 5)}`, pick(['A', 3, true, ['Eic_State'], [[]]])),
    ])();
  const junkAttributeValue = (): unknown => pick([1, 0, null, true, {}, [], ['C'], { v: 'C' }, 'v'.repeat(STORE_LIMITS.maxValueLength + 1)]);
  const junkMessage = (): unknown =>
    pick([
      () => pick(junkValues),
      () => JSON.stringify(delta({ interactionsAdded: [item('1', { Eic_State: 'C' })] })).slice(0, Math.floor(random() * 60)),
      () => ({ __type: T, subscriptionId: 'q', isDelta: pick(['true', 1, null, undefined, {}]) }),
      () => delta({ [pick(['interactionsAdded', 'interactionsChanged', 'interactionsRemoved'])]: pick(['x', 1, {}, true, { length: 1 }]) }),
      () => ({ ...delta({ interactionsRemoved: ['1'] }), subscriptionId: pick([1, [], {}, true]) }),
      () => delta({ interactionsRemoved: new Array(STORE_LIMITS.maxEntriesPerArray + 1).fill('2') }),
    ])();

  let nextId = 10;
  for (let round = 0; round < 400; round += 1) {
    if (random() < 0.4) {
      // Wholly unusable: the store must not move.
      const message = junkMessage();
      const result = store.apply(message);
      assert.equal(result.ok, false, `round ${round}`);
      expected.rejected += 1;
      check(`round ${round} (rejected)`);
      continue;
    }
    // A usable delta: a few real operations mixed with junk entries, junk attributes and unknown fields.
    const added: unknown[] = [];
    const changed: unknown[] = [];
    const removed: unknown[] = [];
    const ids = [...model.keys()];
    if (random() < 0.6 || ids.length === 0) {
      const id = String(nextId++);
      const attributes: Record<string, unknown> = { eic_STATE: pick(['A', 'C', 'H', 'I']) };
      const bad = Math.floor(random() * 3);
      for (let k = 0; k < bad; k += 1) attributes[`Junk_${k}`] = junkAttributeValue();
      expected.skippedAttributes += bad;
      added.push({ ...item(id, attributes), futureField: 1 });
      model.set(id, { Eic_State: attributes.eic_STATE as string });
    }
    if (ids.length > 0 && random() < 0.7) {
      const id = pick(ids);
      const state = pick(['C', 'H', 'E']);
      changed.push(item(id, { EIC_State: state, Junk: junkAttributeValue() }));
      expected.skippedAttributes += 1;
      model.get(id)!.Eic_State = state;
    }
    if (ids.length > 3 && random() < 0.3) {
      const id = pick(ids);
      removed.push(id);
      model.delete(id);
    }
    if (random() < 0.3) {
      changed.push(item(`ghost${round}`, { Eic_State: 'C' }));
      expected.unknownIds += 1;
    }
    const junkCount = Math.floor(random() * 4);
    for (let k = 0; k < junkCount; k += 1) {
      const list = pick([added, changed, removed]);
      list.splice(Math.floor(random() * (list.length + 1)), 0, list === removed ? pick([1, null, {}, [], '', true]) : junkEntry());
    }
    expected.skippedEntries += junkCount;
    const result = store.apply({ ...delta({ interactionsAdded: added, interactionsChanged: changed, interactionsRemoved: removed }), newField: 'x' });
    assert.equal(result.ok, true, `round ${round}`);
    expected.applied += 1;
    check(`round ${round}`);
  }
  assert.ok(expected.rejected > 100 && expected.applied > 100, 'both kinds were exercised');

  // A good snapshot afterwards resynchronises exactly.
  store.markStale(true);
  assert.equal(store.apply(snapshot([item('a', { Eic_State: 'C' })])).ok, true);
  assert.deepEqual(contents(store), { a: { Eic_State: 'C' } });
  assert.equal(store.isStale(), false);
});
