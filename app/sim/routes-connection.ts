// Login, logout, connection state and the session-less feature and version resources (PROTOCOL.md §1).
import { IC_AUTH_TYPE, type ConnectionResponse, type ConnectionSettings, type Feature, type FeatureInfoList } from '../core/icws/wire-types.ts';
import { featureVersion, type IcwsRoute, type RequestContext, type SimState } from './context.ts';
import type { Session } from './session-registry.ts';
import { ErrorCode, icwsError, invalidProperty, invalidRepresentation, missingProperty, notFound } from './icws-errors.ts';
import { isPlainObject, parseIcwsJson } from './http-io.ts';
import { empty, json, type Reply } from './reply.ts';

const OTHER_LOGIN_TYPES = [
  'urn:inin.com:connection:singleSignOnTokenConnectionRequestSettings',
  'urn:inin.com:connection:authTokenConnectionRequestSettings',
];

/** The 201 body, plus the include-only fields this simulator can fill in. */
interface LoginResponse extends ConnectionResponse {
  serverTimeInfo?: { serverUtcTime: string };
  defaultWorkstationId?: string | null;
  effectiveStation?: null;
}

export function featureList(sim: SimState): Feature[] {
  return Object.entries(sim.scenario.features).map(([featureId, version]) => ({ featureId, version }));
}

function login(ctx: RequestContext): Reply {
  const { sim, req, url } = ctx;
  if (sim.mode === 'backup') {
    return json(503, {
      errorId: 'error.server.notAcceptingConnections',
      message: 'This server is not accepting connections. Try an alternate host.',
      alternateHostList: sim.alternateHosts,
    });
  }
  // The header fixes the session's language (PROTOCOL.md §1.1); "*" (fetch's default) names none.
  const language = req.headers['accept-language']?.split(',')[0]!.split(';')[0]!.trim();
  if (language === undefined || language === '' || language === '*') {
    return invalidRepresentation('The Accept-Language header is required and must name a language.');
  }
  const parsed = parseIcwsJson(req, ctx.body);
  if (!parsed.ok) return parsed.reply;
  const body = parsed.value;
  if (!isPlainObject(body)) return invalidRepresentation('The request body must be a JSON object.');

  // Login accepts several derived types, so __type is what picks one (PROTOCOL.md §0).
  const type = body['__type'];
  if (type === undefined) return missingProperty('__type');
  if (typeof type === 'string' && OTHER_LOGIN_TYPES.includes(type)) {
    return icwsError(400, { errorId: 'error.request.unsupported', message: 'Only IC authentication is available on this server.' });
  }
  if (type !== IC_AUTH_TYPE) return invalidProperty('__type', `Unknown connection request type ${JSON.stringify(type)}.`);

  for (const name of ['applicationName', 'userID', 'password']) {
    if (body[name] === undefined) return missingProperty(name);
    if (typeof body[name] !== 'string') return invalidProperty(name, `The property "${name}" must be a string.`);
  }
  if (body['applicationName'] === '') return invalidProperty('applicationName', 'The application name must not be empty.');
  if ((body['marketPlaceApplicationLicenseName'] === undefined) !== (body['marketPlaceApplicationCode'] === undefined)) {
    return invalidProperty('marketPlaceApplicationCode', 'Send both marketplace properties or neither.');
  }

  const user = sim.world.user(body['userID'] as string);
  if (!user || user.password !== body['password']) {
    return icwsError(400, {
      errorId: 'error.request.connection.authenticationFailure',
      message: 'The authentication process failed.',
      errorCode: ErrorCode.loginFailed,
    });
  }

  const session = sim.sessions.create({
    userId: user.userID,
    displayName: user.displayName,
    language,
    applicationName: body['applicationName'] as string,
  });
  const response: LoginResponse = {
    sessionId: session.id,
    csrfToken: session.csrfToken,
    alternateHostList: [...sim.alternateHosts],
    userID: user.userID,
    userDisplayName: user.displayName,
    icServer: sim.scenario.server.icServer,
  };
  const include = new Set(
    (url.searchParams.get('include') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== ''),
  );
  const connection = featureVersion(sim.scenario, 'connection');
  if (connection >= 3 && include.has('version')) response.version = { ...sim.scenario.server.version };
  if (connection >= 3 && include.has('features')) response.features = featureList(sim);
  if (connection >= 4 && include.has('server-time')) response.serverTimeInfo = { serverUtcTime: new Date(sim.clock()).toISOString() };
  if (connection >= 5 && include.has('default-workstation')) response.defaultWorkstationId = null;
  if (connection >= 10 && include.has('effective-station')) response.effectiveStation = null;

  return json(201, response, {
    'ININ-ICWS-Session-ID': session.id,
    'ININ-ICWS-CSRF-Token': session.csrfToken,
    'Set-Cookie': `${session.cookieName}=${session.cookieValue}; Path=/icws/${session.id}; HttpOnly`,
    Location: `/icws/${session.id}/connection`,
  });
}

export const connectionRoutes: IcwsRoute[] = [
  { method: 'POST', path: '/icws/connection', auth: 'none', fault: 'connection', handle: login },
  {
    method: 'GET',
    path: '/icws/connection/features',
    auth: 'none',
    fault: 'features',
    handle: ({ sim }) => json(200, { featureInfoList: featureList(sim) } satisfies FeatureInfoList),
  },
  {
    method: 'GET',
    path: '/icws/connection/features/:featureId',
    auth: 'none',
    fault: 'features',
    handle: ({ sim, params }) => {
      const feature = featureList(sim).find((f) => f.featureId.toLowerCase() === params['featureId']!.toLowerCase());
      return feature ? json(200, feature) : notFound(`The feature ${params['featureId']} is not supported.`);
    },
  },
  {
    method: 'GET',
    path: '/icws/connection/version',
    auth: 'none',
    fault: 'version',
    handle: ({ sim }) => json(200, { ...sim.scenario.server.version }),
  },
  {
    method: 'GET',
    path: '/icws/:sessionId/connection',
    auth: 'session',
    fault: 'session',
    handle: ({ sim }) => {
      // A session that is not up never gets here: it answers 401 instead.
      const settings: ConnectionSettings = { connectionState: 1, reason: 'Connected' };
      if (featureVersion(sim.scenario, 'connection') >= 3) settings.shouldReconnect = false;
      return json(200, settings);
    },
  },
  {
    method: 'DELETE',
    path: '/icws/:sessionId/connection',
    auth: 'session',
    fault: 'session',
    handle: ({ sim }, session) => {
      sim.sessions.end(session, 'logout');
      return empty(200);
    },
  },
  { method: 'PUT', path: '/icws/:sessionId/connection/station', auth: 'session', fault: 'session', handle: putStation },
  {
    method: 'GET',
    path: '/icws/:sessionId/connection/station',
    auth: 'session',
    fault: 'session',
    handle: (_ctx, session) =>
      session.station === null
        ? notFound('No station is connected to this session.')
        : json(200, { id: session.station, extension: session.station, stationSetting: 1 }),
  },
];

const STATION_TYPES = ['workstationSettings', 'remoteWorkstationSettings', 'remoteNumberSettings', 'stationlessSettings'].map(
  (name) => `urn:inin.com:connection:${name}`,
);

/** PUT connection/station (PROTOCOL.md §1.7): the simulator keeps the workstation name; 200 as clients expect. */
function putStation(ctx: RequestContext, session: Session): Reply {
  const parsed = parseIcwsJson(ctx.req, ctx.body);
  if (!parsed.ok) return parsed.reply;
  const body = parsed.value;
  if (!isPlainObject(body)) return invalidRepresentation('The station settings must be a JSON object.');
  if (typeof body['__type'] !== 'string' || !STATION_TYPES.includes(body['__type'])) {
    return invalidProperty('__type', `__type must be one of ${STATION_TYPES.join(', ')}.`);
  }
  const needsWorkstation = body['__type'].endsWith(':workstationSettings') || body['__type'].endsWith(':remoteWorkstationSettings');
  const workstation = body['workstation'];
  if (needsWorkstation && (typeof workstation !== 'string' || workstation.trim() === '')) return missingProperty('workstation');
  session.station = typeof workstation === 'string' ? workstation : 'stationless';
  return empty(200);
}
