// The ICWS route table. Literal paths come before templated ones that could also match them.
import type { IcwsRoute } from './context.ts';
import { configurationRoutes } from './routes-configuration.ts';
import { connectionRoutes } from './routes-connection.ts';
import { handlerActionRoutes } from './routes-handler-action.ts';
import { messagingRoutes } from './routes-messaging.ts';
import { queueRoutes } from './routes-queues.ts';

export const icwsRoutes: readonly IcwsRoute[] = [
  ...connectionRoutes,
  ...messagingRoutes,
  ...queueRoutes,
  ...configurationRoutes,
  ...handlerActionRoutes,
];
