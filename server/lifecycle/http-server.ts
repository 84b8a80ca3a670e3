/**
 * The HTTP listener and how it closes: stop accepting, let requests in flight finish (each
 * told to close its keep-alive connection), and after the grace period cut whatever is left.
 *
 * @module
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpListener {
  readonly server: Server;
  readonly port: number;
  /** Requests that have started and not yet finished. */
  inFlight(): number;
  /** Resolves once every connection is closed; `forced` when the grace period ran out. */
  close(graceMs: number): Promise<{ forced: boolean }>;
}

export async function listen(port: number, host: string): Promise<HttpListener> {
  const server = createServer();
  const active = new Set<ServerResponse>();
  let closing = false;

  server.on('request', (_req, res: ServerResponse) => {
    active.add(res);
    if (closing && !res.headersSent) res.setHeader('Connection', 'close');
    res.once('close', () => {
      active.delete(res);
      // Once a response is done its keep-alive socket is idle; while closing, drop it now.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  let closed: Promise<{ forced: boolean }> | undefined;
  return {
    server,
    port: (server.address() as AddressInfo).port,
    inFlight: () => active.size,
    close: (graceMs) =>
      (closed ??= new Promise((resolve) => {
        closing = true;
        let forced = false;
        for (const res of active) if (!res.headersSent) res.setHeader('Connection', 'close');
        const timer = setTimeout(() => {
          forced = true;
          server.closeAllConnections();
        }, graceMs);
        server.close(() => {
          clearTimeout(timer);
          resolve({ forced });
        });
        server.closeIdleConnections();
      })),
  };
}
