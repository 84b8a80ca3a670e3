/**
 * Probes for orchestrators and load balancers. `/healthz`: the process is alive (no database).
 * `/readyz`: the database answers `select 1` within a short timeout and the server is not
 * shutting down; otherwise 503, so traffic moves elsewhere.
 *
 * @module
 */
import { Router } from 'express';
import type { Db } from '../db/db.ts';
import { AppError } from '../errors/app-error.ts';
import type { HealthState } from '../lifecycle/health-state.ts';

export interface HealthRoutesOptions {
  readonly db: Db;
  readonly health: HealthState;
  readonly readyTimeoutMs?: number;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function healthRoutes(options: HealthRoutesOptions): Router {
  const readyTimeoutMs = options.readyTimeoutMs ?? 2_000;
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    if (options.health.shuttingDown) throw new AppError('not_ready', 'The server is shutting down.');
    try {
      await withTimeout(options.db.query('select 1'), readyTimeoutMs);
    } catch (err) {
      throw new AppError('not_ready', 'The database is not reachable.', { cause: err });
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ready' });
  });

  return router;
}
