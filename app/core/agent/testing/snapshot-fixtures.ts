// Builders of contract values for tests: sensible defaults, override what the test is about.
import type { AppSnapshot, ButtonView, InteractionView, SessionSnapshot } from '../../../ipc/contract.ts';
import { defaultSettings, toPublicSettings } from '../../settings/settings.ts';

export function session(overrides: Partial<SessionSnapshot> = {}): SessionSnapshot {
  return {
    state: 'signed-out',
    server: null,
    userId: null,
    userDisplayName: null,
    demo: false,
    reason: null,
    nextAttemptAt: null,
    stale: false,
    ...overrides,
  };
}

export function interaction(id: string, overrides: Partial<InteractionView> = {}): InteractionView {
  return {
    id,
    type: 'call',
    objectType: 'Call',
    remoteName: `Caller ${id}`,
    remoteAddress: '+15550100',
    state: 'connected',
    stateText: 'Connected',
    direction: 'inbound',
    startedAt: null,
    muted: false,
    held: false,
    active: true,
    alerting: false,
    buttons: [],
    ...overrides,
  };
}

export function button(id: string, label = id): ButtonView {
  return { id, label, tooltip: '', iconUri: null, shortcut: null };
}

export function appSnapshot(overrides: Partial<AppSnapshot> = {}): AppSnapshot {
  return {
    session: session(),
    interactions: [],
    buttons: { all: [], none: [] },
    pending: [],
    shortcuts: [],
    settings: toPublicSettings(defaultSettings(), { ok: true }),
    ...overrides,
  };
}
