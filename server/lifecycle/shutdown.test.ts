import { describe, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import { createPipeline } from '../http/pipeline.ts';
import { anyFrameAncestor } from '../http/security-headers.ts';
import { createMemoryLog } from '../observability/memory-log.ts';
import { createHealthState } from './health-state.ts';
import { listen } from './http-server.ts';
import { createShutdown } from './shutdown.ts';

function fakeDb(): Db & { closed: number } {
  const db = {
    kind: 'pglite' as const,
    closed: 0,
    query: () => Promise.reject(new Error('unused')),
    transaction: () => Promise.reject(new Error('unused')),
    close: () => {
      db.closed++;
      return Promise.resolve();
    },
  };
  return db;
}

/** A server with one route that answers only when the test says so. */
async function slowServer(graceMs: number) {
  const memory = createMemoryLog();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const arrival = new Promise<void>((resolve) => (arrived = resolve));
  const app = createPipeline({ log: memory.log, frameAncestors: anyFrameAncestor, hsts: false }, (app) =>
    app.get('/slow', async (_req, res) => {
      arrived();
      await released;
      res.json({ finished: true });
    }),
  );
  const listener = await listen(0, '127.0.0.1');
  listener.server.on('request', app);
  const health = createHealthState();
  const db = fakeDb();
  const shutdown = createShutdown({ health, listener, db, graceMs, log: memory.log });
  return { url: `http://127.0.0.1:${listener.port}`, memory, release, arrival, health, db, shutdown };
}

describe('graceful shutdown', () => {
  it('lets a request in flight finish, then closes the database, once', async () => {
    const s = await slowServer(60_000);
    const inFlight = fetch(`${s.url}/slow`);
    await s.arrival;

    const first = s.shutdown();
    const second = s.shutdown();
    expect(s.health.shuttingDown).toBe(true);
    expect(s.db.closed).toBe(0);
    await expect(fetch(`${s.url}/slow`)).rejects.toThrow(); // no new connections

    s.release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.headers.get('connection')).toBe('close');
    expect(await res.json()).toEqual({ finished: true });

    await Promise.all([first, second]);
    expect(s.db.closed).toBe(1);
    expect(s.memory.lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['shutting down', 'request', 'stopped']),
    );
    expect(s.memory.lines.find((l) => l.msg === 'shutting down')).toMatchObject({ inFlight: 1 });
  });

  it('cuts requests still running when the grace period ends', async () => {
    const s = await slowServer(0);
    const inFlight = fetch(`${s.url}/slow`);
    await s.arrival;
    await s.shutdown();
    await expect(inFlight).rejects.toThrow();
    expect(s.db.closed).toBe(1);
    expect(s.memory.lines.some((l) => l.msg === 'grace period over: closed remaining connections')).toBe(
      true,
    );
    s.release();
  });
});
