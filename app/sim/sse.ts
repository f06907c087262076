// One server-sent-events response: each ICWS message is one `data:` event (PROTOCOL.md §2), with
// `:ping` comments so clients and proxies can tell an idle stream from a dead one.
import type { ServerResponse } from 'node:http';

export interface SseStreamOptions {
  /** 0: never ping, like a server that does not (whether ICWS pings is unconfirmed). */
  pingIntervalMs: number;
  /** Called before each ping; returning false ends the stream (its session died meanwhile). */
  onPing?: () => boolean;
}

export class SseStream {
  private readonly res: ServerResponse;
  private readonly pingTimer: NodeJS.Timeout | null;
  private readonly closeListeners = new Set<() => void>();
  private isClosed = false;

  constructor(res: ServerResponse, options: SseStreamOptions) {
    this.res = res;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
      // Tells buffering proxies to pass events through at once.
      'X-Accel-Buffering': 'no',
    });
    res.socket?.setNoDelay(true);
    if (options.pingIntervalMs > 0) {
      res.write(':ping\n\n');
      this.pingTimer = setInterval(() => {
        if (options.onPing && !options.onPing()) this.end();
        else this.write(':ping\n\n');
      }, options.pingIntervalMs);
      this.pingTimer.unref();
    } else {
      res.flushHeaders();
      this.pingTimer = null;
    }
    res.on('close', () => this.markClosed());
  }

  get closed(): boolean {
    return this.isClosed;
  }

  onClose(listener: () => void): void {
    this.closeListeners.add(listener);
  }

  send(message: unknown): void {
    this.write(formatEvent(message));
  }

  /** Sends `data` as one event exactly as given, valid JSON or not: how tests feed a client garbage. */
  sendRaw(data: string): void {
    this.write(`${data.split(/\r?\n/).map((line) => `data: ${line}`).join('\n')}\n\n`);
  }

  /** Ends the response cleanly (the client sees end of stream). */
  end(): void {
    if (this.isClosed) return;
    this.res.end();
    this.markClosed();
  }

  /** Kills the socket; with midMessage, first sends half an event so clients must discard a partial one. */
  cut(midMessage: boolean, sample: unknown): void {
    if (this.isClosed) return;
    const socket = this.res.socket;
    this.markClosed();
    if (!midMessage || !socket) {
      this.res.destroy();
      return;
    }
    const bytes = Buffer.from(formatEvent(sample), 'utf8');
    this.res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => socket.destroy());
  }

  private write(chunk: string): void {
    if (!this.isClosed && !this.res.destroyed) this.res.write(chunk);
  }

  private markClosed(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    if (this.pingTimer) clearInterval(this.pingTimer);
    for (const listener of this.closeListeners) listener();
    this.closeListeners.clear();
  }
}

export function formatEvent(message: unknown): string {
  return `data: ${JSON.stringify(message)}\n\n`;
}
