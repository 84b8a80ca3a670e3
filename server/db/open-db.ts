/**
 * Opens the database the configuration names: PostgreSQL when `DATABASE_URL` is set (a pool
 * sized and timed by DB_*), otherwise embedded PGlite; and says how to back it up.
 *
 * @module
 */
import type { DatabaseSettings } from '../config/config.ts';
import type { Logger } from '../observability/logger.ts';
import type { BackupSource } from './backup/backup.ts';
import type { Db } from './db.ts';
import { openPgliteDb } from './pglite.ts';
import { openPostgresDb } from './postgres.ts';

export interface OpenedDb {
  readonly db: Db;
  /** pg_dump's URL (BACKUP_DATABASE_URL or DATABASE_URL), or this process's PGlite. */
  readonly backupSource: BackupSource;
}

export async function openDbWithBackup(settings: DatabaseSettings, log: Logger): Promise<OpenedDb> {
  const { database, dbPool, backup } = settings;
  switch (database.kind) {
    case 'postgres': {
      const db = openPostgresDb({
        url: database.url,
        statementTimeoutMs: dbPool.statementTimeoutMs,
        maxConnections: dbPool.max,
        idleTimeoutMs: dbPool.idleTimeoutMs,
        connectTimeoutMs: dbPool.connectTimeoutMs,
        pgbouncer: dbPool.pgbouncer,
        log,
      });
      return { db, backupSource: { kind: 'postgres', url: backup.databaseUrl ?? database.url } };
    }
    case 'pglite': {
      const db = await openPgliteDb({
        dataDir: database.dataDir,
        statementTimeoutMs: dbPool.statementTimeoutMs,
        log,
      });
      return { db, backupSource: { kind: 'pglite', dumpDataDir: () => db.dumpDataDir() } };
    }
  }
}

export async function openDb(settings: DatabaseSettings, log: Logger): Promise<Db> {
  return (await openDbWithBackup(settings, log)).db;
}
