/**
 * Applies migrations in order, each in its own transaction, recorded in `schema_migrations`.
 * Every transaction first takes one transaction-scoped advisory lock, so servers starting
 * together serialise and each migration is applied exactly once; the lock is released with the
 * transaction and cannot stay behind on a pooled connection. An applied migration whose file
 * has since changed stops start-up: the database and the code would disagree. `checkMigrations`
 * makes the same comparison without changing anything (after a restore, `npm run db:migrate`).
 *
 * @module
 */
import { AppError } from '../errors/app-error.ts';
import type { Logger } from '../observability/logger.ts';
import type { Db, Queryable } from './db.ts';
import type { Migration } from './migration-files.ts';

/** Arbitrary but fixed: every RevenuePilot server must use the same key. */
const MIGRATION_LOCK_KEY = 0x52_50_4d_49_47; // "RPMIG"

export interface MigrateResult {
  /** Versions this call applied (others may have been applied by a concurrent server). */
  readonly applied: readonly number[];
}

async function lockedTransaction<R>(db: Db, fn: (tx: Queryable) => Promise<R>): Promise<R> {
  return db.transaction(async (tx) => {
    // Migrations may legitimately outlast the per-connection statement timeout (index builds),
    // and so may the wait for another server's migration.
    await tx.query('set local statement_timeout = 0');
    await tx.query(`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    return fn(tx);
  });
}

function label(m: Pick<Migration, 'version' | 'name'>): string {
  return `${String(m.version).padStart(4, '0')}-${m.name}`;
}

function checksumError(m: Migration): AppError {
  return new AppError(
    'migration_invalid',
    `Migration ${label(m)} was changed after it was applied to this database. ` +
      'Restore the original file and put the change in a new migration.',
  );
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

export interface MigrationStatus {
  /** Applied and matching this build's files. */
  readonly applied: readonly number[];
  /** In this build, not yet applied (the next start or `db:migrate` applies them). */
  readonly pending: readonly number[];
  /** Applied, but unknown to this build (the database is newer than the code). */
  readonly unknown: readonly number[];
}

/** Compares the database with `migrations`, read-only; a changed migration is an error. */
export async function checkMigrations(
  db: Queryable,
  migrations: readonly Migration[],
): Promise<MigrationStatus> {
  const { rows: exists } = await db.query<{ found: boolean }>(
    "select to_regclass('schema_migrations') is not null as found",
  );
  const { rows } = exists[0]?.found
    ? await db.query<AppliedRow>('select version, name, checksum from schema_migrations order by version')
    : { rows: [] as AppliedRow[] };
  const applied: number[] = [];
  const unknown: number[] = [];
  for (const row of rows) {
    const known = migrations.find((m) => m.version === row.version);
    if (known && known.checksum !== row.checksum) throw checksumError(known);
    (known ? applied : unknown).push(row.version);
  }
  const pending = migrations
    .map((m) => m.version)
    .filter((v) => !applied.includes(v))
    .sort((a, b) => a - b);
  return { applied, pending, unknown };
}

export async function migrate(db: Db, migrations: readonly Migration[], log: Logger): Promise<MigrateResult> {
  await lockedTransaction(db, async (tx) => {
    await tx.query(`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
    // Check everything already applied before applying anything new.
    const { rows } = await tx.query<AppliedRow>('select version, name, checksum from schema_migrations');
    for (const row of rows) {
      const known = migrations.find((m) => m.version === row.version);
      if (known && known.checksum !== row.checksum) throw checksumError(known);
      if (!known) log.warn('database has a migration this build does not know', { migration: label(row) });
    }
  });

  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const outcome = await lockedTransaction(db, async (tx): Promise<'applied' | 'present'> => {
      const { rows } = await tx.query<AppliedRow>(
        'select version, name, checksum from schema_migrations where version = $1',
        [migration.version],
      );
      const existing = rows[0];
      if (existing) {
        if (existing.checksum !== migration.checksum) throw checksumError(migration);
        return 'present';
      }
      try {
        await tx.query(migration.sql);
      } catch (err) {
        // DDL errors name objects, not data: safe and useful in the start-up log.
        const reason = err instanceof Error ? err.message : String(err);
        throw new AppError('migration_invalid', `Migration ${label(migration)} failed: ${reason}`, {
          cause: err,
        });
      }
      await tx.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      return 'applied';
    });
    if (outcome === 'applied') {
      applied.push(migration.version);
      log.info('migration applied', { migration: label(migration) });
    }
  }
  return { applied };
}
