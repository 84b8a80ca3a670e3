/**
 * `npm run db:migrate`, `db:backup` and `db:restore`: the database's operations from a terminal
 * or a scheduled job (Kubernetes Job, cron). They read only the database settings (DATABASE_URL
 * or PGLITE_DATA_DIR, DB_*, BACKUP_*), never the server's secrets. Results on `out`, problems on
 * `err`; the exit code is 0 done, 1 failed or refused, 2 usage.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { describeDatabase, loadDatabaseSettings, type DatabaseSettings } from '../config/config.ts';
import { createBackup, restoreBackup, type RestoreTarget } from '../db/backup/backup.ts';
import type { RunTool } from '../db/backup/pg-tools.ts';
import { loadMigrations, type Migration } from '../db/migration-files.ts';
import { checkMigrations, migrate } from '../db/migrate.ts';
import { openDb, openDbWithBackup } from '../db/open-db.ts';
import { ConfigError, isAppError } from '../errors/app-error.ts';
import { createLogger, type Logger } from '../observability/logger.ts';

export interface DbCommandDeps {
  readonly env: NodeJS.ProcessEnv;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Defaults to the server's own migrations. */
  readonly migrations?: () => Promise<Migration[]>;
  readonly now?: () => Date;
  readonly run?: RunTool;
  readonly cwd?: string;
}

export const DB_RESTORE_USAGE = `Usage: npm run db:restore -- <backup file> [--target <DATABASE_URL | PGlite directory>]

Restores a backup made by npm run db:backup into an EMPTY database: a new PostgreSQL database
(pg_restore, in one transaction) or a new PGlite data directory. Without --target, restores into
the configured DATABASE_URL or PGLITE_DATA_DIR. A target that already has tables is refused.`;

function settingsOrReport(deps: DbCommandDeps): DatabaseSettings | undefined {
  try {
    return loadDatabaseSettings(deps.env, deps.cwd === undefined ? {} : { cwd: deps.cwd });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    deps.err('error: the database configuration is not valid:');
    for (const p of e.problems) deps.err(`  ${p.key}: ${p.problem}`);
    return undefined;
  }
}

function failed(deps: DbCommandDeps, e: unknown): number {
  deps.err(`error: ${isAppError(e) || e instanceof Error ? e.message : String(e)}`);
  return 1;
}

const label = (version: number) => String(version).padStart(4, '0');

function quietLog(deps: DbCommandDeps): Logger {
  return createLogger({ level: 'warn', write: deps.err });
}

export async function runDbMigrate(deps: DbCommandDeps): Promise<number> {
  const settings = settingsOrReport(deps);
  if (!settings) return 1;
  try {
    const migrations = await (deps.migrations ?? loadMigrations)();
    const db = await openDb(settings, quietLog(deps));
    try {
      const { applied } = await migrate(db, migrations, quietLog(deps));
      for (const version of applied) {
        deps.out(`applied ${label(version)}-${migrations.find((m) => m.version === version)?.name ?? ''}`);
      }
      const status = await checkMigrations(db, migrations);
      const at = status.applied.at(-1);
      deps.out(
        `${describeDatabase(settings.database)}: ${applied.length} applied now, ` +
          `${status.applied.length} in all${at === undefined ? '' : ` (latest ${label(at)})`}`,
      );
    } finally {
      await db.close();
    }
    return 0;
  } catch (e) {
    return failed(deps, e);
  }
}

export async function runDbBackup(deps: DbCommandDeps): Promise<number> {
  const settings = settingsOrReport(deps);
  if (!settings) return 1;
  if (settings.database.kind === 'pglite' && settings.database.dataDir === 'memory') {
    deps.err('error: PGLITE_DATA_DIR is memory: there is nothing on disk to back up');
    return 1;
  }
  try {
    // PostgreSQL needs no pool here (pg_dump connects itself), PGlite must be opened to be archived.
    const opened =
      settings.database.kind === 'postgres'
        ? {
            db: undefined,
            backupSource: {
              kind: 'postgres' as const,
              url: settings.backup.databaseUrl ?? settings.database.url,
            },
          }
        : await openDbWithBackup(settings, quietLog(deps));
    try {
      const result = await createBackup({
        source: opened.backupSource,
        dir: settings.backup.dir,
        retention: settings.backup.retention,
        ...(deps.now ? { now: deps.now } : {}),
        ...(deps.run ? { run: deps.run } : {}),
      });
      deps.out(result.file);
      deps.err(
        `backup of ${describeDatabase(settings.database)}: ${result.sizeBytes} bytes in ${result.durationMs} ms; ` +
          `${result.pruned.length} older backup(s) deleted (keeping ${settings.backup.retention})`,
      );
    } finally {
      await opened.db?.close();
    }
    return 0;
  } catch (e) {
    return failed(deps, e);
  }
}

function restoreTarget(settings: DatabaseSettings, target: string | undefined): RestoreTarget {
  if (target === undefined) {
    return settings.database.kind === 'postgres'
      ? { kind: 'postgres', url: settings.database.url }
      : { kind: 'pglite', dataDir: settings.database.dataDir };
  }
  return /^postgres(ql)?:\/\//.test(target)
    ? { kind: 'postgres', url: target }
    : { kind: 'pglite', dataDir: target };
}

export async function runDbRestore(argv: readonly string[], deps: DbCommandDeps): Promise<number> {
  let file: string | undefined;
  let target: string | undefined;
  try {
    const parsed = parseArgs({
      args: [...argv],
      options: { target: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    if (parsed.values.help) {
      deps.out(DB_RESTORE_USAGE);
      return 0;
    }
    if (parsed.positionals.length !== 1) throw new Error('name exactly one backup file');
    file = parsed.positionals[0];
    target = parsed.values.target;
  } catch (e) {
    deps.err(`error: ${(e as Error).message}`);
    deps.err(DB_RESTORE_USAGE);
    return 2;
  }
  const settings = settingsOrReport(deps);
  if (!settings || file === undefined) return 1;
  try {
    const to = restoreTarget(settings, target);
    await restoreBackup({ file, target: to, ...(deps.run ? { run: deps.run } : {}) });
    const restored: DatabaseSettings = {
      ...settings,
      database:
        to.kind === 'postgres' ? { kind: 'postgres', url: to.url } : { kind: 'pglite', dataDir: to.dataDir },
    };
    const db = await openDb(restored, quietLog(deps));
    try {
      const status = await checkMigrations(db, await (deps.migrations ?? loadMigrations)());
      deps.out(`restored ${file} into ${describeDatabase(restored.database)}`);
      deps.out(
        `migrations: ${status.applied.length} applied and matching this build, ${status.pending.length} pending` +
          (status.pending.length > 0 ? ' (applied at the next start or by npm run db:migrate)' : '') +
          (status.unknown.length > 0 ? `, ${status.unknown.length} unknown to this build (it is older)` : ''),
      );
    } finally {
      await db.close();
    }
    return 0;
  } catch (e) {
    return failed(deps, e);
  }
}
