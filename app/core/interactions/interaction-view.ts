// Turns one interaction's raw attributes into the row the renderer shows (contract InteractionView).
// Attribute names are looked up case-insensitively; values are display text, never interpreted further.
import type { InteractionStateName, InteractionType, InteractionView } from '../../ipc/contract.ts';
import { displayText } from '../display-text.ts';

// Eic_ObjectType literals other than "Call" are unconfirmed (PROTOCOL.md §3.3, §7.11); anything not
// listed is 'unknown', which shows only the buttons configured for all types. Keys are lower-cased with
// spaces, hyphens and underscores removed ("E-mail", "Work Item", "Generic Object").
const TYPES = new Map<string, InteractionType>([
  ['call', 'call'],
  ['callback', 'callback'],
  ['iwebcallback', 'callback'],
  ['webcallback', 'callback'],
  ['chat', 'chat'],
  ['email', 'email'],
  ['generic', 'generic'],
  ['genericobject', 'generic'],
  ['workitem', 'workitem'],
  // The client-button type list pairs Directmessage with Socialconversation, so a social direct
  // message is taken as type 7, a social conversation as type 8.
  ['directmessage', 'directmessage'],
  ['socialdirectmessage', 'directmessage'],
  ['socialconversation', 'social'],
]);

/** clientButton interactionTypes codes (PROTOCOL.md §4.3); 0 (All) is never a type of its own. */
const TYPE_CODES: Record<InteractionType, number | null> = {
  call: 1,
  callback: 2,
  chat: 3,
  email: 4,
  generic: 5,
  workitem: 6,
  directmessage: 7,
  social: 8,
  unknown: null,
};

// Eic_State letters in the order of their integer form (PROTOCOL.md §3.3): 'A' is 0 ... '' is 11.
const STATE_LETTERS = ['A', 'C', 'H', 'M', 'O', 'P', 'R', 'X', 'S', 'I', 'E', ''];
const STATE_NAMES: InteractionStateName[] = [
  'alerting',
  'connected',
  'held',
  'messaging',
  'offering',
  'parked',
  'proceeding',
  'suspended',
  'system',
  'disconnected',
  'disconnected',
  'none',
];

const STATE_TEXT: Record<InteractionStateName, string> = {
  alerting: 'Alerting',
  connected: 'Connected',
  held: 'On Hold',
  messaging: 'Voice Mail',
  offering: 'Offering',
  parked: 'Parked',
  proceeding: 'Proceeding',
  suspended: 'Suspended',
  system: 'System',
  disconnected: 'Disconnected',
  none: '',
};

export function interactionType(objectType: string): InteractionType {
  return TYPES.get(objectType.toLowerCase().replace(/[\s_-]+/g, '')) ?? 'unknown';
}

export function interactionTypeCode(type: InteractionType): number | null {
  return Object.hasOwn(TYPE_CODES, type) ? TYPE_CODES[type] : null;
}

/** Eic_State as its letter or its integer form; anything unrecognised is 'none'. */
export function interactionState(raw: string): InteractionStateName {
  const value = raw.trim().toUpperCase();
  const index = /^\d{1,2}$/.test(value) ? Number(value) : STATE_LETTERS.indexOf(value);
  return STATE_NAMES[index] ?? 'none';
}

export function interactionDirection(raw: string): InteractionView['direction'] {
  const value = raw.trim().toLowerCase();
  if (value === 'i' || value === 'inbound') return 'inbound';
  if (value === 'o' || value === 'outbound') return 'outbound';
  return 'unknown';
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?:\.(\d{1,9}))?(Z)?$/i;

/** ICWS dates (`YYYY-MM-DDTHH:MM:SS(.fff)Z` or `YYYYMMDDTHHMMSSZ`) as epoch ms; no zone means UTC. */
export function parseIcwsDate(raw: string): number | null {
  const m = ISO.exec(raw.trim()) ?? COMPACT.exec(raw.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  // Date.UTC rolls 31 February into March; a wrong date is unknown, not another date.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let time = date.getTime();
  const zone = m[8];
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return time;
}

export function toInteractionView(id: string, attributes: Readonly<Record<string, string>>, buttons: readonly string[]): InteractionView {
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'string') byName.set(name.toLowerCase(), value);
  }
  const read = (name: string): string => byName.get(name.toLowerCase()) ?? '';

  const objectType = read('Eic_ObjectType');
  const state = interactionState(read('Eic_State'));
  const stateString = read('Eic_CallStateString');
  return {
    id,
    type: interactionType(objectType),
    objectType: displayText(objectType),
    remoteName: displayText(read('Eic_RemoteName')),
    remoteAddress: displayText(read('Eic_RemoteAddress')),
    state,
    stateText: displayText(stateString.trim() !== '' ? stateString : STATE_TEXT[state]),
    direction: interactionDirection(read('Eic_CallDirection')),
    startedAt: parseIcwsDate(read('Eic_InitiationTime')),
    muted: read('Eic_Muted') === '1',
    held: state === 'held',
    // PROTOCOL.md §7.12: active means Eic_State is not I/E, so an interaction with no state yet is active.
    active: state !== 'disconnected',
    alerting: state === 'alerting' || state === 'offering',
    buttons: [...buttons],
  };
}
