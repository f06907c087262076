// Which client buttons show, by the rule of PROTOCOL.md §4.4 (derived from the fields, unconfirmed).
//
// Surfaces: the app shows the interaction view (1) while an interaction is selected and the queue
// toolbar (0) while none is. So InteractionView.buttons = buttonsFor(buttons, it, 1) and
// ButtonsSnapshot.none = buttonsFor(buttons, null, 0); surfaceFor() encodes that choice.

/** 0 queue toolbar, 1 interaction view. */
export type Surface = 0 | 1;

/** What the rule needs of the selected interaction: its interactionTypes code (null when unknown) and liveness. */
export interface MatchInteraction {
  typeCode: number | null;
  /** Eic_State is not I/E (PROTOCOL.md §7.12). */
  active: boolean;
}

/** The fields of a clientButton the rule reads; a CatalogButton or a wire ClientButton both fit. */
export interface MatchableButton {
  enabled?: boolean;
  availability?: number;
  interactionTypes?: readonly number[];
  locations?: readonly number[];
}

// Absent fields: the server omits null properties from the initial message (PROTOCOL.md §4.2), so absent
// means "not set", not "false". Each default below is the reading of an unset field:
// - enabled absent: enabled. Administrators disable a button explicitly; an omitted flag is not that.
// - locations absent: [1], the interaction view only. A handler action usually acts on an interaction,
//   and the toolbar, which shows with nothing selected, is the wider exposure.
// - interactionTypes absent: [0], no restriction by type.
// - availability absent: 0, Always.
// Present but unknown values (availability 3, type 9) never match.
const DEFAULT_LOCATIONS: readonly number[] = [1];
const DEFAULT_TYPES: readonly number[] = [0];

export function isEnabled(button: MatchableButton): boolean {
  return button.enabled !== false;
}

export function surfaceFor(interaction: MatchInteraction | null): Surface {
  return interaction ? 1 : 0;
}

export function appliesTo(button: MatchableButton, surface: Surface, interaction: MatchInteraction | null): boolean {
  if (!isEnabled(button)) return false;
  if (!(button.locations ?? DEFAULT_LOCATIONS).includes(surface)) return false;
  // With nothing selected there is no type to match, so the type rule does not apply.
  if (interaction) {
    const types = button.interactionTypes ?? DEFAULT_TYPES;
    // An unknown type (code null) matches only buttons configured for all types (PROTOCOL.md §7.11).
    const typeOk = types.includes(0) || (interaction.typeCode !== null && types.includes(interaction.typeCode));
    if (!typeOk) return false;
  }
  switch (button.availability ?? 0) {
    case 0:
      return true;
    case 1:
      return interaction !== null && interaction.active;
    case 2:
      return interaction !== null;
    default:
      return false;
  }
}

/** IDs of the buttons that apply, in catalog (server) order. Surface defaults to surfaceFor(interaction). */
export function buttonsFor(
  buttons: readonly (MatchableButton & { id: string })[],
  interaction: MatchInteraction | null,
  surface: Surface = surfaceFor(interaction),
): string[] {
  return buttons.filter((button) => appliesTo(button, surface, interaction)).map((button) => button.id);
}
