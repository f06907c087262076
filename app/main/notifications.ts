// Desktop notifications for the Agent's `notify` events (a new alerting interaction). Always silent and never
// focus-stealing: the ringing phone is alert enough, and the agent may be typing elsewhere. Clicking one is the
// agent's own act, so then the window comes forward on that interaction. Whether to show them at all is the
// core's setting (it emits no `notify` when they are off).
import type { Notification, NotificationConstructorOptions } from 'electron';
import type { Agent } from '../core/agent/agent-api.ts';

export interface NotificationDeps {
  agent: Pick<Agent, 'on'>;
  createNotification(options: NotificationConstructorOptions): Notification;
  isSupported(): boolean;
  onClick(interactionId: string): void;
}

export function showAgentNotifications(deps: NotificationDeps): () => void {
  // Held until closed: a notification that is garbage-collected loses its click handler.
  const shown = new Set<Notification>();
  const stop = deps.agent.on('notify', (notice) => {
    if (!deps.isSupported()) return;
    const notification = deps.createNotification({ title: notice.title, body: notice.body, silent: true });
    shown.add(notification);
    notification.on('click', () => {
      shown.delete(notification);
      deps.onClick(notice.interactionId);
    });
    notification.on('close', () => shown.delete(notification));
    notification.show();
  });
  return () => {
    stop();
    for (const notification of shown) notification.close();
    shown.clear();
  };
}
