/**
 * Serves a sandbox app over HTTP and records where it answers in `state.baseUrl`: used by the
 * whole sandbox and by tests that mount only part of it.
 *
 * @module
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxState } from './state.ts';

export interface Listening {
  readonly url: string;
  /** Ends open connections too (held requests, keep-alive), so tests never hang on close. */
  readonly close: () => Promise<void>;
}

export interface ListenOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** `127.0.0.1` listens there only; otherwise all interfaces, answering at `localhost`. */
  readonly host?: '127.0.0.1';
}

export async function listenSandbox(
  state: SandboxState,
  app: RequestListener,
  options: ListenOptions = {},
): Promise<Listening> {
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject); // e.g. EADDRINUSE: the caller decides what to tell the person
    const done = () => {
      server.off('error', reject);
      resolve();
    };
    if (options.host) server.listen(options.port ?? 0, options.host, done);
    else server.listen(options.port ?? 0, done);
  });
  const { port } = server.address() as AddressInfo;
  state.baseUrl = `http://${options.host ?? 'localhost'}:${port}`;
  return {
    url: state.baseUrl,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
