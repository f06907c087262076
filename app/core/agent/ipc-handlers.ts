// The table behind every invoke channel: validates the renderer's payload (it is untrusted input), then calls
// the Agent. Electron's ipcMain and the browser e2e suite's Playwright binding both serve this same table.
import type { InvokeChannel, InvokeMap, PressRequest, SignInRequest } from '../../ipc/contract.ts';
import { normaliseServerUrl } from '../icws/server-url.ts';
import { parseLanguage, parseSettingsPatch } from '../settings/settings.ts';
import type { Agent } from './agent-api.ts';
import { ValidationError, args, object, optionalBoolean, optionalString, string } from './validate.ts';

export type IpcHandlers = { [C in InvokeChannel]: (...args: unknown[]) => Promise<InvokeMap[C]['result']> };

const ID = { max: 256 };

function serverUrl(value: unknown, path: string): string {
  const text = string(value, path, { max: 2048 });
  try {
    normaliseServerUrl(text);
  } catch (error) {
    throw new ValidationError(error instanceof Error ? error.message : `${path} is not a valid server address.`);
  }
  return text.trim();
}

export function parseSignInRequest(value: unknown): SignInRequest {
  const fields = ['server', 'userId', 'password', 'station', 'applicationName', 'language', 'remember'];
  const raw = object(value, 'sign-in request', fields, ['server', 'userId', 'password']);
  const request: SignInRequest = {
    server: serverUrl(raw.server, 'server'),
    userId: string(raw.userId, 'userId', ID),
    // A password may be all spaces, but never empty and never unbounded.
    password: string(raw.password, 'password', { max: 1024, min: 0 }),
  };
  if (request.password.length === 0) throw new ValidationError('password is required.');
  const station = optionalString(raw.station, 'station', ID);
  const applicationName = optionalString(raw.applicationName, 'applicationName', { max: 128 });
  const language = raw.language === undefined ? undefined : parseLanguage(raw.language, 'language');
  const remember = optionalBoolean(raw.remember, 'remember');
  if (station !== undefined) request.station = station;
  if (applicationName !== undefined) request.applicationName = applicationName;
  if (language !== undefined) request.language = language;
  if (remember !== undefined) request.remember = remember;
  return request;
}

export function parsePressRequest(value: unknown): PressRequest {
  const raw = object(value, 'press request', ['buttonId', 'interactionId'], ['buttonId']);
  const request: PressRequest = { buttonId: string(raw.buttonId, 'buttonId', ID) };
  const interactionId = optionalString(raw.interactionId, 'interactionId', ID);
  if (interactionId !== undefined) request.interactionId = interactionId;
  return request;
}

export function createIpcHandlers(agent: Agent): IpcHandlers {
  return {
    'app:snapshot': async (...a) => {
      args(a, 0, 'app:snapshot');
      return agent.snapshot();
    },
    'session:sign-in': async (...a) => {
      args(a, 1, 'session:sign-in');
      return agent.signIn(parseSignInRequest(a[0]));
    },
    'session:sign-out': async (...a) => {
      args(a, 0, 'session:sign-out');
      return agent.signOut();
    },
    'press:run': async (...a) => {
      args(a, 1, 'press:run');
      return agent.press(parsePressRequest(a[0]), 'click');
    },
    'press:cancel': async (...a) => {
      args(a, 1, 'press:cancel');
      return agent.cancelPending(string(a[0], 'pressId', ID));
    },
    'settings:set': async (...a) => {
      args(a, 1, 'settings:set');
      return agent.updateSettings(parseSettingsPatch(a[0]));
    },
    'audit:list': async (...a) => {
      args(a, 0, 'audit:list');
      return agent.auditLog();
    },
    'selection:set': async (...a) => {
      args(a, 1, 'selection:set');
      agent.setFocusedInteraction(a[0] === null ? null : string(a[0], 'interactionId', ID));
      return null;
    },
  };
}
