/**
 * Opens the `Db` against a managed PostgreSQL given by `DATABASE_URL`. Every connection starts
 * with `statement_timeout`, so a runaway query cannot hold a connection for ever.
 *
 * @module
 */
import pg from 'pg';
import type { Logger } from '../observability/logger.ts';
import { errorFields } from '../observability/logger.ts';
import type { Db } from './db.ts';
import { createPoolDb } from './pool-db.ts';

export interface PostgresOptions {
  readonly url: string;
  readonly statementTimeoutMs: number;
  readonly log: Logger;
  readonly maxConnections?: number;
}

export function openPostgresDb(options: PostgresOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    // Sent as a startup parameter: applies to every connection the pool opens.
    statement_timeout: options.statementTimeoutMs,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'revenuepilot',
  });
  // An idle connection dropped by the server (failover, restart) must not crash the process.
  pool.on('error', (err) => options.log.warn('database connection lost', errorFields(err)));
  return createPoolDb(pool, { kind: 'postgres' });
}
