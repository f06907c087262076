import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InteractionType } from '../../ipc/contract.ts';
import { DISPLAY_LIMIT, displayText } from '../display-text.ts';
import {
  interactionDirection,
  interactionState,
  interactionType,
  interactionTypeCode,
  parseIcwsDate,
  toInteractionView,
} from './interaction-view.ts';

test('a full call row', () => {
  const view = toInteractionView(
    '1001',
    {
      Eic_State: 'C',
      Eic_ObjectType: 'Call',
      Eic_RemoteName: 'Ann Smith',
      Eic_RemoteAddress: '+1 555 0100',
      Eic_CallDirection: 'I',
      Eic_CallStateString: 'Connected',
      Eic_Muted: '1',
      Eic_InitiationTime: '2024-05-01T10:00:00.250Z',
    },
    ['Escalate'],
  );
  assert.deepEqual(view, {
    id: '1001',
    type: 'call',
    objectType: 'Call',
    remoteName: 'Ann Smith',
    remoteAddress: '+1 555 0100',
    state: 'connected',
    stateText: 'Connected',
    direction: 'inbound',
    startedAt: Date.UTC(2024, 4, 1, 10, 0, 0, 250),
    muted: true,
    held: false,
    active: true,
    alerting: false,
    buttons: ['Escalate'],
  });
});

test('an empty attribute set gives a safe, unknown row', () => {
  const view = toInteractionView('x', {}, []);
  assert.equal(view.type, 'unknown');
  assert.equal(view.objectType, '');
  assert.equal(view.state, 'none');
  assert.equal(view.stateText, '');
  assert.equal(view.direction, 'unknown');
  assert.equal(view.startedAt, null);
  assert.equal(view.muted, false);
  assert.equal(view.active, true, 'not I/E, so active (PROTOCOL.md §7.12)');
  assert.equal(view.alerting, false);
});

test('attribute names are read case-insensitively; non-string values are ignored', () => {
  const view = toInteractionView('1', { eic_state: 'H', EIC_OBJECTTYPE: 'chat', Eic_RemoteName: 5 as unknown as string }, []);
  assert.equal(view.state, 'held');
  assert.equal(view.held, true);
  assert.equal(view.type, 'chat');
  assert.equal(view.remoteName, '');
});

test('the buttons list is copied', () => {
  const buttons = ['a'];
  const view = toInteractionView('1', {}, buttons);
  buttons.push('b');
  assert.deepEqual(view.buttons, ['a']);
});

test('every Eic_ObjectType spelling maps, case-insensitively, and codes follow the clientButton list', () => {
  const cases: [string, InteractionType, number | null][] = [
    ['Call', 'call', 1],
    ['CALL', 'call', 1],
    ['Callback', 'callback', 2],
    ['IWebCallback', 'callback', 2],
    ['Chat', 'chat', 3],
    ['Email', 'email', 4],
    ['E-mail', 'email', 4],
    ['Generic Object', 'generic', 5],
    ['Generic', 'generic', 5],
    ['Workitem', 'workitem', 6],
    ['Work Item', 'workitem', 6],
    ['Direct Message', 'directmessage', 7],
    ['Social Direct Message', 'directmessage', 7],
    ['Social Conversation', 'social', 8],
    [' call ', 'call', 1],
    ['Fax', 'unknown', null],
    ['Instant Question', 'unknown', null],
    ['', 'unknown', null],
    ['__proto__', 'unknown', null],
    ['constructor', 'unknown', null],
  ];
  for (const [objectType, type, code] of cases) {
    assert.equal(interactionType(objectType), type, objectType);
    assert.equal(interactionTypeCode(type), code, objectType);
    assert.equal(toInteractionView('1', { Eic_ObjectType: objectType }, []).type, type);
  }
  assert.equal(toInteractionView('1', { Eic_ObjectType: 'Fax' }, []).objectType, 'Fax', 'raw type kept for display');
});

test('every Eic_State letter and integer form', () => {
  const names = ['alerting', 'connected', 'held', 'messaging', 'offering', 'parked', 'proceeding', 'suspended', 'system', 'disconnected', 'disconnected', 'none'];
  'ACHMOPRXSIE'.split('').concat('').forEach((letter, index) => {
    assert.equal(interactionState(letter), names[index], `letter ${letter}`);
    assert.equal(interactionState(String(index)), names[index], `int ${index}`);
  });
  assert.equal(interactionState('c'), 'connected');
  assert.equal(interactionState('12'), 'none');
  assert.equal(interactionState('-1'), 'none');
  assert.equal(interactionState('Connected'), 'none');
  assert.equal(interactionState('1.0'), 'none');
});

test('flags derived from the state', () => {
  const flags = (state: string) => {
    const v = toInteractionView('1', { Eic_State: state }, []);
    return { held: v.held, active: v.active, alerting: v.alerting };
  };
  assert.deepEqual(flags('A'), { held: false, active: true, alerting: true });
  assert.deepEqual(flags('O'), { held: false, active: true, alerting: true });
  assert.deepEqual(flags('H'), { held: true, active: true, alerting: false });
  assert.deepEqual(flags('X'), { held: false, active: true, alerting: false });
  assert.deepEqual(flags('I'), { held: false, active: false, alerting: false });
  assert.deepEqual(flags('E'), { held: false, active: false, alerting: false });
  assert.deepEqual(flags('10'), { held: false, active: false, alerting: false });
  assert.deepEqual(flags(''), { held: false, active: true, alerting: false });
});

test('stateText is the server text when given, else a text for the state', () => {
  assert.equal(toInteractionView('1', { Eic_State: 'H', Eic_CallStateString: 'Held by supervisor' }, []).stateText, 'Held by supervisor');
  assert.equal(toInteractionView('1', { Eic_State: 'H', Eic_CallStateString: '  ' }, []).stateText, 'On Hold');
  assert.equal(toInteractionView('1', { Eic_State: 'E' }, []).stateText, 'Disconnected');
  assert.equal(toInteractionView('1', { Eic_State: 'A' }, []).stateText, 'Alerting');
});

test('direction', () => {
  assert.equal(interactionDirection('I'), 'inbound');
  assert.equal(interactionDirection('inbound'), 'inbound');
  assert.equal(interactionDirection('O'), 'outbound');
  assert.equal(interactionDirection('Outbound'), 'outbound');
  assert.equal(interactionDirection('X'), 'unknown');
  assert.equal(interactionDirection(''), 'unknown');
});

test('Eic_Muted is muted only when exactly "1"', () => {
  for (const [value, muted] of [['1', true], ['0', false], ['', false], ['true', false], ['11', false]] as const) {
    assert.equal(toInteractionView('1', { Eic_Muted: value }, []).muted, muted, value);
  }
});

test('ICWS dates in both forms; anything else is unknown', () => {
  assert.equal(parseIcwsDate('2024-05-01T10:00:00Z'), Date.UTC(2024, 4, 1, 10));
  assert.equal(parseIcwsDate('2024-05-01T10:00:00.123Z'), Date.UTC(2024, 4, 1, 10, 0, 0, 123));
  assert.equal(parseIcwsDate('20240501T100000Z'), Date.UTC(2024, 4, 1, 10));
  assert.equal(parseIcwsDate('2024-05-01T10:00:00'), Date.UTC(2024, 4, 1, 10), 'no zone: UTC');
  assert.equal(parseIcwsDate('2024-05-01T12:30:00+02:30'), Date.UTC(2024, 4, 1, 10));
  assert.equal(parseIcwsDate('2024-05-01T08:00:00-0200'), Date.UTC(2024, 4, 1, 10));
  for (const bad of ['', 'yesterday', '2024-02-30T10:00:00Z', '2024-05-01T24:00:00Z', '2024-05-01', '1714557600000', '0050-01-01T00:00:00Z', '2024-05-01T10:00:00.1234567890Z']) {
    assert.equal(parseIcwsDate(bad), null, bad);
  }
  assert.equal(toInteractionView('1', { Eic_InitiationTime: 'garbage' }, []).startedAt, null);
});

test('long strings are cut to the display limit, never split inside a surrogate pair', () => {
  const long = 'a'.repeat(10_000);
  const view = toInteractionView('1', { Eic_RemoteName: long, Eic_RemoteAddress: long, Eic_ObjectType: long, Eic_CallStateString: long }, []);
  for (const text of [view.remoteName, view.remoteAddress, view.objectType, view.stateText]) {
    assert.equal(text.length, DISPLAY_LIMIT);
    assert.ok(text.endsWith('…'));
  }
  const emoji = 'a'.repeat(DISPLAY_LIMIT - 2) + '😀'.repeat(10);
  const cut = displayText(emoji);
  assert.ok(cut.length <= DISPLAY_LIMIT);
  assert.equal(cut.at(-2), 'a', 'the half emoji is dropped');
  assert.equal(displayText('short'), 'short');
  assert.equal(displayText(undefined), '');
});

test('markup is passed through as text, never interpreted', () => {
  const view = toInteractionView('1', { Eic_RemoteName: '<img src=x onerror=alert(1)>' }, []);
  assert.equal(view.remoteName, '<img src=x onerror=alert(1)>');
});
