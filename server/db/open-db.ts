/**
 * Opens the database the configuration names: PostgreSQL when `DATABASE_URL` is set, otherwise
 * embedded PGlite.
 *
 * @module
 */
import type { Config } from '../config/config.ts';
import type { Logger } from '../observability/logger.ts';
import type { Db } from './db.ts';
import { openPgliteDb } from './pglite.ts';
import { openPostgresDb } from './postgres.ts';

export async function openDb(config: Config, log: Logger): Promise<Db> {
  const statementTimeoutMs = config.dbStatementTimeoutMs;
  switch (config.database.kind) {
    case 'postgres':
      return openPostgresDb({ url: config.database.url, statementTimeoutMs, log });
    case 'pglite':
      return openPgliteDb({ dataDir: config.database.dataDir, statementTimeoutMs, log });
  }
}
