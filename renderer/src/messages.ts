// What the agent reads when something goes wrong (or right). Pure: the views only place these strings as text.
import type { PressProgress, UiError } from '../../app/ipc/contract.ts';

export interface Message {
  /** One sentence saying what happened, in the agent's terms. */
  title: string;
  /** The server's own words, when they add something. */
  detail: string | null;
}

const AUTH_FAILURE = /authenticationfailure/i;

export function signInErrorMessage(error: UiError, server: string): Message {
  const detail = error.message.trim() || null;
  switch (error.kind) {
    case 'network':
      return { title: `Cannot reach the server at ${server}. Check the address and your network.`, detail };
    case 'unsupported':
      return {
        title: 'This server does not offer client buttons (ICWS client-buttons version 3), so this add-on cannot work with it.',
        detail,
      };
    case 'validation':
      return { title: detail ?? 'Some of the sign-in details are not valid.', detail: null };
    case 'cancelled':
      return { title: 'Sign-in was cancelled.', detail: null };
    case 'expired':
      return { title: 'The session expired during sign-in. Please try again.', detail };
    case 'http':
      if (isBadCredentials(error)) return { title: 'The user ID or password is not correct.', detail };
      return {
        title: error.status ? `The server refused the sign-in (HTTP ${error.status}).` : 'The server refused the sign-in.',
        detail,
      };
  }
}

function isBadCredentials(error: UiError): boolean {
  if (error.errorId && AUTH_FAILURE.test(error.errorId)) return true;
  // CIC before 4.0.6 sends only the numeric code, so a bare 400 on login means the same.
  return error.status === 400 && !error.errorId;
}

export type PressTone = 'busy' | 'pending' | 'success' | 'error' | 'info';

export interface PressMessage {
  tone: PressTone;
  text: string;
}

export function pressMessage(progress: PressProgress): PressMessage {
  const label = progress.buttonLabel;
  const error = progress.error;
  switch (progress.phase) {
    case 'sending':
      return { tone: 'busy', text: `Running ${label}…` };
    case 'pending':
      return { tone: 'pending', text: `${label} will run after you sign in again.` };
    case 'succeeded':
      return { tone: 'success', text: `${label} done.` };
    case 'cancelled':
      return { tone: 'info', text: `${label} was cancelled and did not run.` };
    case 'dropped':
      return {
        tone: 'error',
        text: `${label} was not run${error?.message ? `: ${error.message}` : ' because it waited too long.'}`,
      };
    case 'failed':
      return { tone: 'error', text: failureText(label, error) };
  }
}

function failureText(label: string, error: UiError | null): string {
  if (!error) return `${label} failed.`;
  if (error.status === 403) return `You do not have permission to use ${label}.`;
  if (error.kind === 'network' && !error.retrySafe) {
    return `${label} may or may not have run: ${error.message || 'the connection was lost'}. Check before pressing it again.`;
  }
  const status = error.status ? ` (HTTP ${error.status})` : '';
  return `${label} failed${status}: ${error.message || 'no reason given'}`;
}

/** True when the press is over, one way or the other. */
export function isFinal(progress: PressProgress): boolean {
  return progress.phase !== 'sending' && progress.phase !== 'pending';
}
