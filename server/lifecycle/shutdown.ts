/**
 * Graceful shutdown, in order: report not-ready, stop accepting and drain requests in flight (up
 * to the grace period), then close the database (pool and embedded PGlite). Runs once however
 * often it is asked (signal and `close()` together).
 *
 * @module
 */
import type { Db } from '../db/db.ts';
import { errorFields, type Logger } from '../observability/logger.ts';
import type { HealthState } from './health-state.ts';
import type { HttpListener } from './http-server.ts';

export interface ShutdownDeps {
  readonly health: HealthState;
  readonly listener: HttpListener;
  readonly db: Db;
  readonly graceMs: number;
  readonly log: Logger;
}

export function createShutdown(deps: ShutdownDeps): () => Promise<void> {
  let done: Promise<void> | undefined;
  const run = async (): Promise<void> => {
    const { health, listener, db, graceMs, log } = deps;
    health.markShuttingDown();
    log.info('shutting down', { inFlight: listener.inFlight(), graceMs });
    const { forced } = await listener.close(graceMs);
    if (forced) log.warn('grace period over: closed remaining connections', { graceMs });
    try {
      await db.close();
    } catch (err) {
      log.error('database did not close cleanly', errorFields(err));
    }
    log.info('stopped');
  };
  return () => (done ??= run());
}
