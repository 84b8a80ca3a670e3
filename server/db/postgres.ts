/**
 * Opens the `Db` against a managed PostgreSQL given by `DATABASE_URL`, with the pool sized and
 * timed from configuration. Every connection starts with `statement_timeout` as a startup
 * parameter (part of the connection request, not a `SET` the session must remember), so a
 * runaway query cannot hold a connection for ever. Behind PgBouncer, which refuses startup
 * parameters, none is sent: the role's own `statement_timeout` applies (see
 * `checkStatementTimeout` and docs/ops/backup-restore.md).
 *
 * @module
 */
import pg from 'pg';
import type { Logger } from '../observability/logger.ts';
import { errorFields } from '../observability/logger.ts';
import type { Db, Queryable } from './db.ts';
import { createPoolDb } from './pool-db.ts';

export interface PostgresOptions {
  readonly url: string;
  readonly statementTimeoutMs: number;
  readonly log: Logger;
  /** Most connections this pool opens. Default 10. */
  readonly maxConnections?: number;
  /** How long an idle connection is kept, in ms (0: until close). Default 30000. */
  readonly idleTimeoutMs?: number;
  /** How long to wait for a new connection, in ms. Default 10000. */
  readonly connectTimeoutMs?: number;
  /** DATABASE_URL is PgBouncer in transaction pooling: send no startup parameters. */
  readonly pgbouncer?: boolean;
}

/** The `pg.Pool` settings for these options; exported so the choice is tested as it is made. */
export function poolConfig(options: Omit<PostgresOptions, 'log'>): pg.PoolConfig {
  return {
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    idleTimeoutMillis: options.idleTimeoutMs ?? 30_000,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    // PgBouncer tracks application_name itself; statement_timeout it would refuse.
    ...(options.pgbouncer ? {} : { statement_timeout: options.statementTimeoutMs }),
    application_name: 'revenuepilot',
    keepAlive: true,
  };
}

export function openPostgresDb(options: PostgresOptions): Db {
  const pool = new pg.Pool(poolConfig(options));
  // An idle connection dropped by the server (failover, restart) must not crash the process.
  pool.on('error', (err) => options.log.warn('database connection lost', errorFields(err)));
  return createPoolDb(pool, { kind: 'postgres' });
}

/**
 * Reads the `statement_timeout` a connection actually has and warns when it is not the
 * configured one (behind PgBouncer: the role's default was not set). Returns the value in ms.
 */
export async function checkStatementTimeout(db: Queryable, expectedMs: number, log: Logger): Promise<number> {
  const { rows } = await db.query<{ ms: number }>(
    "select setting::int as ms from pg_settings where name = 'statement_timeout'",
  );
  const actualMs = rows[0]?.ms ?? 0;
  if (actualMs !== expectedMs) {
    log.warn('statement_timeout differs from DB_STATEMENT_TIMEOUT_MS', {
      actualMs,
      expectedMs,
      fix: 'behind PgBouncer: ALTER ROLE <app role> SET statement_timeout = <ms>',
    });
  }
  return actualMs;
}
