// ICWS error bodies (PROTOCOL.md §5). errorIds and errorCodes are the documented or observed ones;
// where none is documented (404, 410) the body carries only the required message.
import type { IcwsErrorBody } from '../core/icws/wire-types.ts';
import { json, type Reply } from './reply.ts';

export const WWW_AUTHENTICATE = 'ICWS realm="ICWS" location="/ICWS/connection"';
export const AUTH_FAILURE = 'error.request.connection.authenticationFailure';

export const ErrorCode = {
  loginFailed: -2147221503,
  invalidSession: -2147221499,
  csrfMissing: 2,
  cookieMissing: 4,
  generic: -2147467259,
} as const;

export function icwsError(status: number, body: IcwsErrorBody & Record<string, unknown>): Reply {
  return json(status, body);
}

export function unauthorized(errorCode: number, message: string): Reply {
  return json(401, { errorId: AUTH_FAILURE, message, errorCode }, { 'WWW-Authenticate': WWW_AUTHENTICATE });
}

export function invalidRepresentation(message: string): Reply {
  return icwsError(400, { errorId: 'error.request.invalidRepresentation', message });
}

export function missingProperty(propertyName: string): Reply {
  return icwsError(400, {
    __type: 'urn:inin.com:common:missingPropertyError',
    errorId: 'error.request.invalidRepresentation.missingProperty',
    message: `The required property "${propertyName}" is missing.`,
    propertyName,
  });
}

export function invalidProperty(propertyName: string, message: string): Reply {
  return icwsError(400, {
    __type: 'urn:inin.com:common:invalidPropertyError',
    errorId: 'error.request.invalidRepresentation.invalidProperty',
    message,
    propertyName,
  });
}

export function accessDenied(message: string): Reply {
  return icwsError(403, { errorId: 'error.request.accessDenied', message });
}

export function notFound(message: string): Reply {
  return icwsError(404, { message });
}

export function gone(message: string): Reply {
  return icwsError(410, { message });
}

export function serverError(status: number, message: string): Reply {
  return icwsError(status, { message, errorCode: ErrorCode.generic });
}
