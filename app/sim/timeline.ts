// Demo liveliness: scenario events that fire at fixed offsets after start. Time comes from the
// simulator's clock, so a test with a fake clock advances it and calls tick() itself.
import type { TimelineEvent } from './scenario.ts';
import { WorldError, type World } from './world.ts';

const TICK_MS = 250;

export class TimelineRunner {
  private readonly pendingEvents: TimelineEvent[];
  private readonly world: World;
  private readonly clock: () => number;
  private startedAt = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(events: readonly TimelineEvent[], world: World, clock: () => number) {
    this.pendingEvents = [...events].sort((a, b) => a.atMs - b.atMs);
    this.world = world;
    this.clock = clock;
  }

  start(): void {
    this.startedAt = this.clock();
    if (this.pendingEvents.length === 0) return;
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  /** Fires every event that is due; returns how many fired. */
  tick(): number {
    const elapsed = this.clock() - this.startedAt;
    let fired = 0;
    while (this.pendingEvents.length > 0 && this.pendingEvents[0]!.atMs <= elapsed) {
      this.apply(this.pendingEvents.shift()!);
      fired++;
    }
    if (this.pendingEvents.length === 0) this.stop();
    return fired;
  }

  pending(): number {
    return this.pendingEvents.length;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private apply(event: TimelineEvent): void {
    try {
      if ('add' in event) this.world.addInteraction(event.add.userId, event.add.interaction);
      else if ('change' in event) this.world.changeInteraction(event.change.interactionId, event.change.attributes);
      else this.world.removeInteraction(event.remove.interactionId);
    } catch (error) {
      // An admin call may have removed or re-added the interaction already; the demo just moves on.
      if (!(error instanceof WorldError)) throw error;
    }
  }
}
