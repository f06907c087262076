// The attributes the queue subscription requests (PROTOCOL.md §3.1) and the one spelling the store uses
// for each: ICWS attribute names are case-insensitive, so `eic_state` and `Eic_State` are one key.

export const QUEUE_ATTRIBUTES = [
  'Eic_State',
  'Eic_ObjectType',
  'Eic_RemoteName',
  'Eic_RemoteAddress',
  'Eic_CallDirection',
  'Eic_CallStateString',
  'Eic_Muted',
  'Eic_ConferenceId',
  'Eic_Capabilities',
  'Eic_InitiationTime',
] as const;

export type QueueAttributeName = (typeof QUEUE_ATTRIBUTES)[number];

const CANONICAL = new Map<string, string>(QUEUE_ATTRIBUTES.map((name) => [name.toLowerCase(), name]));

/**
 * The documented spelling for a known attribute, the lower-cased name for any other. Deterministic and
 * stateless, so a server inventing names cannot grow a lookup table.
 */
export function canonicalAttributeName(name: string): string {
  const lower = name.toLowerCase();
  return CANONICAL.get(lower) ?? lower;
}
