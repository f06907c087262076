// A transparent HTTP proxy in front of the simulator that records every request it forwards, streams
// included: how tests see what the core really put on the wire.
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Simulator } from '../../../sim/server.ts';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface RecordingProxy {
  url: string;
  seen: RecordedRequest[];
  /** Requests whose method and path (without query) match. */
  count(method: string, path: RegExp): number;
  close(): Promise<void>;
}

export async function startRecordingProxy(sim: Simulator): Promise<RecordingProxy> {
  const seen: RecordedRequest[] = [];
  const proxy = createServer((req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    const upstream = request({ host: sim.host, port: sim.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    seen,
    count: (method, path) => seen.filter((r) => r.method === method && path.test(r.path.split('?')[0]!)).length,
    close() {
      proxy.closeAllConnections();
      return new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
