/**
 * A migrated, isolated database for one test file. With `DATABASE_URL` set (CI: a real
 * PostgreSQL) each call creates a uniquely named database and drops it on close, so parallel
 * vitest workers never collide; otherwise an in-memory PGlite. Tests read the environment only
 * here (and through `main`).
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../server/db/db.ts';
import { loadMigrations, type Migration } from '../../server/db/migration-files.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openPgliteDb } from '../../server/db/pglite.ts';
import { openPostgresDb } from '../../server/db/postgres.ts';
import { createLogger, type Logger } from '../../server/observability/logger.ts';

export interface TestDb extends Db {
  /**
   * Another `Db` on the same database, for concurrency tests. On PostgreSQL it has its own pool;
   * on PGlite (one connection by design) it shares this one's, and closing it does nothing.
   */
  another(): Promise<Db>;
}

export interface TestDbOptions {
  /** Migrations to apply; defaults to the server's own. `[]` gives an empty database. */
  readonly migrations?: readonly Migration[];
  readonly log?: Logger;
}

const STATEMENT_TIMEOUT_MS = 15_000;
const silent = createLogger({ level: 'error', write: () => undefined });

export async function openTestDb(options: TestDbOptions = {}): Promise<TestDb> {
  const log = options.log ?? silent;
  const baseUrl = process.env.DATABASE_URL;
  const db = baseUrl ? await openPostgresTestDb(baseUrl, log) : await openPgliteTestDb(log);
  try {
    await migrate(db, options.migrations ?? (await loadMigrations()), log);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}

async function openPgliteTestDb(log: Logger): Promise<TestDb> {
  const db = await openPgliteDb({ dataDir: 'memory', statementTimeoutMs: STATEMENT_TIMEOUT_MS, log });
  const shared: Db = { ...db, close: () => Promise.resolve() };
  return { ...db, another: () => Promise.resolve(shared) };
}

async function adminQuery(baseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the server of `baseUrl`, dropped by `drop()`. */
export interface ScratchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

export async function createScratchDatabase(baseUrl: string, prefix = 'rp_test'): Promise<ScratchDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(6).toString('hex')}`;
  await adminQuery(baseUrl, `create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => adminQuery(baseUrl, `drop database if exists ${name} with (force)`) };
}

async function openPostgresTestDb(baseUrl: string, log: Logger): Promise<TestDb> {
  const scratch = await createScratchDatabase(baseUrl);
  const open = () => openPostgresDb({ url: scratch.url, statementTimeoutMs: STATEMENT_TIMEOUT_MS, log });
  const db = open();
  const others: Db[] = [];
  return {
    ...db,
    another: () => {
      const other = open();
      others.push(other);
      return Promise.resolve(other);
    },
    close: async () => {
      await Promise.all([db, ...others].map((d) => d.close()));
      await scratch.drop();
    },
  };
}
