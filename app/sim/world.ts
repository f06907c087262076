// The simulated server's mutable data: user queues, client buttons, rights, effects and the log of
// handler actions. Every change is announced so subscriptions can turn it into messages.
import type { Attributes, ClientButton } from '../core/icws/wire-types.ts';
import { mergeAttributes, resolveTimeTemplates } from './attributes.ts';
import type { ButtonEffect, Scenario, ScenarioInteraction, ScenarioUser } from './scenario.ts';

export interface StoredInteraction {
  interactionId: string;
  /** Canonical userID of the user queue holding it. */
  userId: string;
  attributes: Attributes;
}

export interface ActionRecord {
  at: string;
  sessionId: string;
  userId: string;
  /** The button's canonical configurationId.id, whatever case the client sent. */
  buttonId: string;
  /** Exactly what the client sent as buttonId. */
  requestedButtonId: string;
  interactionId: string | null;
}

export type WorldEvent =
  | { type: 'interaction-added'; interaction: StoredInteraction }
  | { type: 'interaction-changed'; interaction: StoredInteraction; changed: Attributes }
  | { type: 'interaction-removed'; interaction: StoredInteraction }
  | { type: 'button-put'; button: ClientButton; isNew: boolean }
  | { type: 'button-removed'; buttonId: string };

export class WorldError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'WorldError';
    this.status = status;
  }
}

const key = (id: string): string => id.toLowerCase();

export class World {
  private readonly users = new Map<string, ScenarioUser>();
  private readonly buttons = new Map<string, ClientButton>();
  private readonly effects = new Map<string, ButtonEffect>();
  private readonly interactions = new Map<string, StoredInteraction>();
  private readonly actionLog: ActionRecord[] = [];
  private readonly listeners = new Set<(event: WorldEvent) => void>();
  private readonly clock: () => number;

  constructor(scenario: Scenario, clock: () => number) {
    this.clock = clock;
    for (const user of scenario.users) this.users.set(key(user.userID), user);
    for (const button of scenario.clientButtons) this.buttons.set(key(button.configurationId.id), button);
    for (const [id, effect] of Object.entries(scenario.buttonEffects ?? {})) this.effects.set(key(id), effect);
    for (const [userId, list] of Object.entries(scenario.interactions)) {
      for (const it of list) this.store(this.requireUser(userId).userID, it);
    }
  }

  onChange(listener: (event: WorldEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // Users

  user(userId: string): ScenarioUser | undefined {
    return this.users.get(key(userId));
  }

  canRun(userId: string, buttonId: string): boolean {
    const user = this.user(userId);
    if (!user) return false;
    const id = key(buttonId);
    if (user.deniedClientButtons?.some((b) => key(b) === id)) return false;
    return user.clientButtonRights === '*' || user.clientButtonRights.some((b) => key(b) === id);
  }

  // Interactions

  queue(userId: string): StoredInteraction[] {
    const user = this.user(userId);
    if (!user) return [];
    return [...this.interactions.values()].filter((it) => it.userId === user.userID);
  }

  allInteractions(): StoredInteraction[] {
    return [...this.interactions.values()];
  }

  interaction(interactionId: string): StoredInteraction | undefined {
    return this.interactions.get(interactionId);
  }

  addInteraction(userId: string, interaction: ScenarioInteraction): StoredInteraction {
    const user = this.requireUser(userId);
    if (this.interactions.has(interaction.interactionId)) {
      throw new WorldError(409, `Interaction ${interaction.interactionId} already exists`);
    }
    const stored = this.store(user.userID, interaction);
    this.emit({ type: 'interaction-added', interaction: stored });
    return stored;
  }

  changeInteraction(interactionId: string, attributes: Attributes): StoredInteraction {
    const stored = this.requireInteraction(interactionId);
    const changed = mergeAttributes(stored.attributes, resolveTimeTemplates(attributes, this.clock()));
    if (Object.keys(changed).length > 0) this.emit({ type: 'interaction-changed', interaction: stored, changed });
    return stored;
  }

  removeInteraction(interactionId: string): void {
    const stored = this.requireInteraction(interactionId);
    this.interactions.delete(interactionId);
    this.emit({ type: 'interaction-removed', interaction: stored });
  }

  // Buttons

  allButtons(): ClientButton[] {
    return [...this.buttons.values()];
  }

  button(buttonId: string): ClientButton | undefined {
    return this.buttons.get(key(buttonId));
  }

  /** Adds or replaces a button; replacing keeps its place in the list. */
  putButton(button: ClientButton, effect?: ButtonEffect): 'added' | 'changed' {
    const id = key(button.configurationId.id);
    const isNew = !this.buttons.has(id);
    this.buttons.set(id, button);
    if (effect) this.effects.set(id, effect);
    this.emit({ type: 'button-put', button, isNew });
    return isNew ? 'added' : 'changed';
  }

  removeButton(buttonId: string): void {
    const button = this.button(buttonId);
    if (!button) throw new WorldError(404, `No client button ${buttonId}`);
    this.buttons.delete(key(buttonId));
    this.effects.delete(key(buttonId));
    this.emit({ type: 'button-removed', buttonId: button.configurationId.id });
  }

  // Handler actions

  /** Records a successful handler action and applies the button's scenario effect. */
  runHandlerAction(record: Omit<ActionRecord, 'at'>): ActionRecord {
    const entry: ActionRecord = { at: new Date(this.clock()).toISOString(), ...record };
    this.actionLog.push(entry);
    const effect = this.effects.get(key(record.buttonId));
    if (effect && record.interactionId !== null && this.interactions.has(record.interactionId)) {
      if (effect.attributes) this.changeInteraction(record.interactionId, effect.attributes);
      if (effect.removeInteraction) this.removeInteraction(record.interactionId);
    }
    return entry;
  }

  actions(): ActionRecord[] {
    return this.actionLog.map((a) => ({ ...a }));
  }

  clearActions(): void {
    this.actionLog.length = 0;
  }

  private store(userId: string, interaction: ScenarioInteraction): StoredInteraction {
    const stored: StoredInteraction = {
      interactionId: interaction.interactionId,
      userId,
      attributes: resolveTimeTemplates(interaction.attributes, this.clock()),
    };
    this.interactions.set(stored.interactionId, stored);
    return stored;
  }

  private requireUser(userId: string): ScenarioUser {
    const user = this.user(userId);
    if (!user) throw new WorldError(404, `No user ${userId}`);
    return user;
  }

  private requireInteraction(interactionId: string): StoredInteraction {
    const stored = this.interactions.get(interactionId);
    if (!stored) throw new WorldError(404, `No interaction ${interactionId}`);
    return stored;
  }

  private emit(event: WorldEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
