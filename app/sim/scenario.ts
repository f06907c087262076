// What the simulator serves: users, client buttons, queues, optional per-button effects and a demo
// timeline. Scenario files are JSON written by hand, so validation names the exact path that is wrong.
import { readFile } from 'node:fs/promises';
import type { Attributes, ClientButton, VersionInfo } from '../core/icws/wire-types.ts';
import defaultScenarioJson from './scenarios/default.json' with { type: 'json' };

export interface ScenarioUser {
  userID: string;
  password: string;
  displayName: string;
  /** Informational: the session language comes from the login's Accept-Language header. */
  language?: string;
  /** Buttons this user may run through handler-action, or "*". Every user can view every button. */
  clientButtonRights: string[] | '*';
  /** Subtracted from clientButtonRights; lets "*" users still hit a 403. */
  deniedClientButtons?: string[];
}

export interface ScenarioInteraction {
  interactionId: string;
  /** Values are strings; "{now}" or "{now-90s}" become ISO times when the interaction is stored. */
  attributes: Attributes;
}

/** Applied to the pressed interaction after a successful handler-action. */
export interface ButtonEffect {
  attributes?: Attributes;
  /** Take the interaction out of the queue (e.g. a wrap-up button). */
  removeInteraction?: boolean;
}

export type TimelineEvent =
  | { atMs: number; add: { userId: string; interaction: ScenarioInteraction } }
  | { atMs: number; change: { interactionId: string; attributes: Attributes } }
  | { atMs: number; remove: { interactionId: string } };

export interface Scenario {
  name?: string;
  description?: string;
  server: { icServer: string; version: VersionInfo };
  /** Feature ID to version, e.g. {"client-buttons": 3}. A missing feature is unsupported. */
  features: Record<string, number>;
  users: ScenarioUser[];
  /** Served as-is; unknown fields pass through so clients can be tested for ignoring them. */
  clientButtons: ClientButton[];
  /** User queue contents, keyed by userID. */
  interactions: Record<string, ScenarioInteraction[]>;
  /** Keyed by button ID (case-insensitive). */
  buttonEffects?: Record<string, ButtonEffect>;
  timeline?: TimelineEvent[];
}

export class ScenarioError extends Error {
  readonly problems: string[];
  constructor(source: string, problems: string[]) {
    super(`Invalid scenario ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ScenarioError';
    this.problems = problems;
  }
}

export async function loadScenario(path: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ScenarioError(path, [`cannot read file: ${(error as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError(path, [`not valid JSON: ${(error as Error).message}`]);
  }
  return parseScenario(json, path);
}

/** A fresh copy each call: the simulator mutates its own state, never the caller's. */
export function defaultScenario(): Scenario {
  return parseScenario(structuredClone(defaultScenarioJson), 'default.json');
}

export function parseScenario(json: unknown, source = '(inline)'): Scenario {
  const v = new Validator();
  v.scenario(json);
  if (v.problems.length > 0) throw new ScenarioError(source, v.problems);
  return structuredClone(json) as Scenario;
}

/** Problems with one client button, e.g. one posted to the admin API; empty when it is valid. */
export function checkClientButton(value: unknown, path = 'button'): string[] {
  const v = new Validator();
  v.button(value, path);
  return v.problems;
}

export function checkInteraction(value: unknown, path = 'interaction'): string[] {
  const v = new Validator();
  v.interaction(value, path);
  return v.problems;
}

export function checkAttributes(value: unknown, path = 'attributes'): string[] {
  const v = new Validator();
  v.attributes(value, path);
  return v.problems;
}

export function checkButtonEffect(value: unknown, path = 'effect'): string[] {
  const v = new Validator();
  v.effect(value, path);
  return v.problems;
}

type Json = Record<string, unknown>;

const SCENARIO_KEYS = ['name', 'description', 'server', 'features', 'users', 'clientButtons', 'interactions', 'buttonEffects', 'timeline'];
const USER_KEYS = ['userID', 'password', 'displayName', 'language', 'clientButtonRights', 'deniedClientButtons'];
const lower = (s: string): string => s.toLowerCase();

class Validator {
  readonly problems: string[] = [];
  private buttonIds = new Set<string>();
  private userIds = new Set<string>();
  private interactionIds = new Set<string>();

  scenario(json: unknown): void {
    const root = this.object(json, 'scenario');
    if (!root) return;
    this.knownKeys(root, SCENARIO_KEYS, 'scenario');
    this.optionalString(root, 'name', 'name');
    this.optionalString(root, 'description', 'description');
    this.server(root['server']);
    this.features(root['features']);
    this.buttons(root['clientButtons']);
    this.users(root['users']);
    this.queues(root['interactions']);
    this.effects(root['buttonEffects']);
    this.timeline(root['timeline']);
  }

  private server(value: unknown): void {
    const server = this.object(value, 'server');
    if (!server) return;
    this.string(server, 'icServer', 'server.icServer');
    const version = this.object(server['version'], 'server.version');
    if (!version) return;
    for (const key of ['majorVersion', 'minorVersion', 'su']) this.integer(version[key], `server.version.${key}`, 0);
    for (const key of ['build', 'productId', 'codebaseId', 'productReleaseDisplayString', 'productPatchDisplayString']) {
      this.optionalString(version, key, `server.version.${key}`);
    }
  }

  private features(value: unknown): void {
    const features = this.object(value, 'features');
    if (!features) return;
    for (const [id, version] of Object.entries(features)) this.integer(version, `features.${id}`, 1);
  }

  private buttons(value: unknown): void {
    const list = this.array(value, 'clientButtons');
    list?.forEach((item, i) => this.button(item, `clientButtons[${i}]`));
  }

  button(value: unknown, path: string): void {
    const b = this.object(value, path);
    if (!b) return;
    const cid = this.object(b['configurationId'], `${path}.configurationId`);
    if (cid) {
      const id = this.string(cid, 'id', `${path}.configurationId.id`);
      if (id !== undefined) {
        if (this.buttonIds.has(lower(id))) this.fail(`${path}.configurationId.id: duplicate button ID "${id}"`);
        this.buttonIds.add(lower(id));
      }
      this.optionalString(cid, 'displayName', `${path}.configurationId.displayName`);
      this.optionalString(cid, 'uri', `${path}.configurationId.uri`);
    }
    for (const key of ['buttonText', 'description']) {
      if (b[key] !== undefined) this.multiLanguageString(b[key], `${path}.${key}`);
    }
    for (const key of ['iconUri', 'localApplication', 'notes', 'createdDate', 'lastModifiedDate']) {
      this.optionalString(b, key, `${path}.${key}`);
    }
    this.optionalEnum(b['action'], `${path}.action`, 2);
    this.optionalEnum(b['availability'], `${path}.availability`, 2);
    this.optionalEnumList(b['interactionTypes'], `${path}.interactionTypes`, 8);
    this.optionalEnumList(b['locations'], `${path}.locations`, 1);
    for (const key of ['enabled', 'deactivateAfterUse', 'displayNotification']) {
      if (b[key] !== undefined && typeof b[key] !== 'boolean') this.fail(`${path}.${key}: expected true or false`);
    }
    if (b['customAttributes'] !== undefined) {
      this.array(b['customAttributes'], `${path}.customAttributes`)?.forEach((item, i) => {
        const attr = this.object(item, `${path}.customAttributes[${i}]`);
        if (!attr) return;
        this.string(attr, 'name', `${path}.customAttributes[${i}].name`);
        if (typeof attr['value'] !== 'string') this.fail(`${path}.customAttributes[${i}].value: expected a string`);
      });
    }
  }

  private multiLanguageString(value: unknown, path: string): void {
    const m = this.object(value, path);
    if (!m) return;
    this.optionalString(m, 'defaultValue', `${path}.defaultValue`);
    if (m['multiLanguageValues'] === undefined) return;
    this.array(m['multiLanguageValues'], `${path}.multiLanguageValues`)?.forEach((item, i) => {
      const entry = this.object(item, `${path}.multiLanguageValues[${i}]`);
      if (!entry) return;
      this.string(entry, 'language', `${path}.multiLanguageValues[${i}].language`);
      this.string(entry, 'value', `${path}.multiLanguageValues[${i}].value`);
    });
  }

  private users(value: unknown): void {
    const list = this.array(value, 'users');
    if (!list) return;
    if (list.length === 0) this.fail('users: at least one user is needed to log in');
    list.forEach((item, i) => {
      const path = `users[${i}]`;
      const u = this.object(item, path);
      if (!u) return;
      this.knownKeys(u, USER_KEYS, path);
      const id = this.string(u, 'userID', `${path}.userID`);
      if (id !== undefined) {
        if (this.userIds.has(lower(id))) this.fail(`${path}.userID: duplicate user "${id}"`);
        this.userIds.add(lower(id));
      }
      if (typeof u['password'] !== 'string') this.fail(`${path}.password: expected a string`);
      this.string(u, 'displayName', `${path}.displayName`);
      this.optionalString(u, 'language', `${path}.language`);
      const rights = u['clientButtonRights'];
      if (rights !== '*') {
        if (!Array.isArray(rights)) this.fail(`${path}.clientButtonRights: expected "*" or a list of button IDs`);
        else this.buttonRefs(rights, `${path}.clientButtonRights`);
      }
      if (u['deniedClientButtons'] !== undefined) {
        const denied = this.array(u['deniedClientButtons'], `${path}.deniedClientButtons`);
        if (denied) this.buttonRefs(denied, `${path}.deniedClientButtons`);
      }
    });
  }

  private buttonRefs(list: unknown[], path: string): void {
    list.forEach((id, i) => {
      if (typeof id !== 'string' || id === '') this.fail(`${path}[${i}]: expected a button ID`);
      else if (!this.buttonIds.has(lower(id))) this.fail(`${path}[${i}]: no client button "${id}" in clientButtons`);
    });
  }

  private queues(value: unknown): void {
    const queues = this.object(value, 'interactions');
    if (!queues) return;
    for (const [userId, list] of Object.entries(queues)) {
      const path = `interactions.${userId}`;
      if (!this.userIds.has(lower(userId))) this.fail(`${path}: no user "${userId}" in users`);
      this.array(list, path)?.forEach((item, i) => this.interaction(item, `${path}[${i}]`));
    }
  }

  interaction(value: unknown, path: string): string | undefined {
    const it = this.object(value, path);
    if (!it) return undefined;
    const id = this.string(it, 'interactionId', `${path}.interactionId`);
    if (id !== undefined) {
      if (this.interactionIds.has(id)) this.fail(`${path}.interactionId: duplicate interaction "${id}"`);
      this.interactionIds.add(id);
    }
    this.attributes(it['attributes'], `${path}.attributes`);
    return id;
  }

  attributes(value: unknown, path: string): void {
    const attrs = this.object(value, path);
    if (!attrs) return;
    for (const [name, v] of Object.entries(attrs)) {
      // ICWS sends every attribute value as a string, numbers included (PROTOCOL.md §3.2).
      if (typeof v !== 'string') this.fail(`${path}.${name}: attribute values must be strings (got ${JSON.stringify(v)})`);
    }
  }

  private effects(value: unknown): void {
    if (value === undefined) return;
    const effects = this.object(value, 'buttonEffects');
    if (!effects) return;
    for (const [buttonId, effect] of Object.entries(effects)) {
      const path = `buttonEffects.${buttonId}`;
      if (!this.buttonIds.has(lower(buttonId))) this.fail(`${path}: no client button "${buttonId}" in clientButtons`);
      this.effect(effect, path);
    }
  }

  effect(value: unknown, path: string): void {
    const e = this.object(value, path);
    if (!e) return;
    this.knownKeys(e, ['attributes', 'removeInteraction'], path);
    if (e['attributes'] !== undefined) this.attributes(e['attributes'], `${path}.attributes`);
    if (e['removeInteraction'] !== undefined && typeof e['removeInteraction'] !== 'boolean') {
      this.fail(`${path}.removeInteraction: expected true or false`);
    }
  }

  private timeline(value: unknown): void {
    if (value === undefined) return;
    const list = this.array(value, 'timeline');
    if (!list) return;
    // Replay the events in firing order so a change or remove must name an interaction that exists then.
    const live = new Set(this.interactionIds);
    const order = list
      .map((item, i) => ({ item, i, at: isObject(item) && typeof item['atMs'] === 'number' ? item['atMs'] : 0 }))
      .sort((a, b) => a.at - b.at || a.i - b.i);
    for (const { item, i } of order) {
      const path = `timeline[${i}]`;
      const ev = this.object(item, path);
      if (!ev) continue;
      if (typeof ev['atMs'] !== 'number' || !Number.isFinite(ev['atMs']) || ev['atMs'] < 0) {
        this.fail(`${path}.atMs: expected a number of milliseconds >= 0`);
      }
      const kinds = ['add', 'change', 'remove'].filter((k) => ev[k] !== undefined);
      if (kinds.length !== 1) {
        this.fail(`${path}: expected exactly one of "add", "change", "remove"`);
        continue;
      }
      this.knownKeys(ev, ['atMs', kinds[0]!], path);
      const body = this.object(ev[kinds[0]!], `${path}.${kinds[0]}`);
      if (!body) continue;
      if (kinds[0] === 'add') {
        const userId = this.string(body, 'userId', `${path}.add.userId`);
        if (userId !== undefined && !this.userIds.has(lower(userId))) this.fail(`${path}.add.userId: no user "${userId}" in users`);
        const id = this.interaction(body['interaction'], `${path}.add.interaction`);
        if (id !== undefined) {
          if (live.has(id)) this.fail(`${path}.add.interaction.interactionId: "${id}" is already in a queue at that time`);
          live.add(id);
        }
        continue;
      }
      const id = this.string(body, 'interactionId', `${path}.${kinds[0]}.interactionId`);
      if (id !== undefined && !live.has(id)) this.fail(`${path}.${kinds[0]}.interactionId: no interaction "${id}" is in a queue at that time`);
      if (kinds[0] === 'change') this.attributes(body['attributes'], `${path}.change.attributes`);
      else if (id !== undefined) live.delete(id);
    }
  }

  private object(value: unknown, path: string): Json | undefined {
    if (isObject(value)) return value;
    this.fail(`${path}: expected an object`);
    return undefined;
  }

  private array(value: unknown, path: string): unknown[] | undefined {
    if (Array.isArray(value)) return value;
    this.fail(`${path}: expected a list`);
    return undefined;
  }

  private string(obj: Json, key: string, path: string): string | undefined {
    const value = obj[key];
    if (typeof value === 'string' && value !== '') return value;
    this.fail(`${path}: expected a non-empty string`);
    return undefined;
  }

  private optionalString(obj: Json, key: string, path: string): void {
    if (obj[key] !== undefined && typeof obj[key] !== 'string') this.fail(`${path}: expected a string`);
  }

  private integer(value: unknown, path: string, min: number): void {
    if (!Number.isInteger(value) || (value as number) < min) this.fail(`${path}: expected an integer >= ${min}`);
  }

  private optionalEnum(value: unknown, path: string, max: number): void {
    if (value === undefined) return;
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > max) this.fail(`${path}: expected an integer 0..${max}`);
  }

  private optionalEnumList(value: unknown, path: string, max: number): void {
    if (value === undefined) return;
    this.array(value, path)?.forEach((item, i) => this.optionalEnum(item, `${path}[${i}]`, max));
  }

  private knownKeys(obj: Json, keys: string[], path: string): void {
    for (const key of Object.keys(obj)) {
      if (!keys.includes(key)) this.fail(`${path}.${key}: unknown field (expected one of ${keys.join(', ')})`);
    }
  }

  private fail(problem: string): void {
    this.problems.push(problem);
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
