// POST /icws/{sessionId}/client-buttons/handler-action, exactly as the seed page specifies it
// (shared/icws/seed-client-buttons-handler-action.txt): 204, 400, 401, 403, 410, 500.
//
// The seed lists no 404, so every "no such thing" in the body is one of its 400 cases ("missing or
// invalid"): an unknown button ID, or an interactionId not in the user's queue. The seed gives 403 no
// body; PROTOCOL.md §4.1 has the simulator send {errorId, message} there.
import { HANDLER_REQUEST_TYPE } from '../core/icws/wire-types.ts';
import { featureVersion, type IcwsRoute, type RequestContext } from './context.ts';
import { accessDenied, gone, invalidProperty, invalidRepresentation, missingProperty } from './icws-errors.ts';
import { isPlainObject, parseIcwsJson } from './http-io.ts';
import { empty, type Reply } from './reply.ts';
import type { Session } from './session-registry.ts';

function handlerAction({ sim, req, body }: RequestContext, session: Session): Reply {
  if (featureVersion(sim.scenario, 'client-buttons') < 3) {
    return gone('client-buttons/handler-action needs feature client-buttons version 3.');
  }
  const parsed = parseIcwsJson(req, body);
  if (!parsed.ok) return parsed.reply;
  const request = parsed.value;
  if (!isPlainObject(request)) return invalidRepresentation('The request body must be a clientButtonHandlerRequest object.');

  // __type is not required here; when sent it must name this representation.
  const type = request['__type'];
  if (type !== undefined && type !== HANDLER_REQUEST_TYPE) {
    return invalidProperty('__type', `Expected __type ${HANDLER_REQUEST_TYPE}.`);
  }

  const buttonId = request['buttonId'];
  if (buttonId === undefined) return missingProperty('buttonId');
  if (typeof buttonId !== 'string') return invalidProperty('buttonId', 'buttonId must be a string.');
  if (buttonId.trim() === '') return invalidProperty('buttonId', 'buttonId must not be empty.');

  // Optional, but when present it is a string: the client omits it rather than sending null.
  const interactionId = request['interactionId'];
  if (interactionId !== undefined && typeof interactionId !== 'string') {
    return invalidProperty('interactionId', 'interactionId must be a string.');
  }

  // buttonId is case-insensitive (seed); world.button() matches configurationId.id ignoring case.
  const button = sim.world.button(buttonId);
  if (!button) return invalidProperty('buttonId', `There is no client button "${buttonId}".`);
  if (interactionId !== undefined) {
    const interaction = sim.world.interaction(interactionId);
    if (!interaction || interaction.userId !== session.userId) {
      return invalidProperty('interactionId', `Interaction ${interactionId} is not in ${session.userId}'s queue.`);
    }
  }
  if (!sim.world.canRun(session.userId, button.configurationId.id)) {
    return accessDenied(`The user ${session.userId} does not have permission to the client button ${button.configurationId.id}.`);
  }

  sim.world.runHandlerAction({
    sessionId: session.id,
    userId: session.userId,
    buttonId: button.configurationId.id,
    requestedButtonId: buttonId,
    interactionId: interactionId ?? null,
  });
  return empty(204);
}

export const handlerActionRoutes: IcwsRoute[] = [
  {
    method: 'POST',
    path: '/icws/:sessionId/client-buttons/handler-action',
    auth: 'session',
    fault: 'handler-action',
    handle: handlerAction,
  },
];
