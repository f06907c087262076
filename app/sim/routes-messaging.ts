// The session's message channel: short poll or SSE on the same URL, and the heartbeat (PROTOCOL.md §2).
import { featureVersion, type IcwsRoute } from './context.ts';
import { empty, json, TAKEN } from './reply.ts';
import { SseStream } from './sse.ts';

function acceptsEventStream(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => part.split(';')[0]!.trim().toLowerCase() === 'text/event-stream');
}

export const messagingRoutes: IcwsRoute[] = [
  {
    method: 'GET',
    path: '/icws/:sessionId/messaging/messages',
    auth: 'cookie',
    fault: 'messages',
    feature: { id: 'messaging', min: 1 },
    handle: ({ sim, req, res }, session) => {
      // SSE only where the server has it (messaging 2); older servers answer a poll whatever is asked.
      if (featureVersion(sim.scenario, 'messaging') < 2 || !acceptsEventStream(req.headers.accept)) {
        return json(200, sim.sessions.drain(session));
      }
      const stream = new SseStream(res, {
        pingIntervalMs: sim.ssePingIntervalMs,
        onPing: () => {
          const current = sim.sessions.get(session.id);
          if (!current || current.ended !== null) return false;
          sim.sessions.touch(current);
          return true;
        },
      });
      sim.sessions.attachStream(session, stream);
      return TAKEN;
    },
  },
  {
    method: 'POST',
    path: '/icws/:sessionId/messaging/heartbeat',
    auth: 'session',
    fault: 'heartbeat',
    feature: { id: 'messaging', min: 1 },
    handle: () => empty(204),
  },
];
