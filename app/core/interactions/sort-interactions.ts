// The order of the interaction list: what needs the agent now first, then live work, then what has ended.
import type { InteractionView } from '../../ipc/contract.ts';

export type SortableInteraction = Pick<InteractionView, 'id' | 'alerting' | 'active' | 'startedAt'>;

function group(view: SortableInteraction): number {
  if (view.alerting) return 0;
  return view.active ? 1 : 2;
}

/** A sorted copy: alerting, then active, then disconnected; newest startedAt first (unknown last); then by id. */
export function sortInteractions<T extends SortableInteraction>(views: readonly T[]): T[] {
  return [...views].sort((a, b) => {
    const byGroup = group(a) - group(b);
    if (byGroup !== 0) return byGroup;
    const byTime = (b.startedAt ?? -Infinity) - (a.startedAt ?? -Infinity);
    if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
