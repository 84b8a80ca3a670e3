/**
 * Backup and restore of a PostgreSQL database with pg_dump and pg_restore: custom format (`-Fc`:
 * compressed, restorable table by table), written by a pg_dump no older than the server.
 * Restore goes only into an empty database, in one transaction: it either completes or leaves
 * the target as it was.
 *
 * @module
 */
import pg from 'pg';
import { AppError } from '../../errors/app-error.ts';
import { describeToolFailure, libpqTarget, runTool, toolMajorVersion, type RunTool } from './pg-tools.ts';

export interface PgToolDeps {
  readonly run?: RunTool;
}

async function withClient<R>(url: string, fn: (client: pg.Client) => Promise<R>): Promise<R> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function serverMajorVersion(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version_num') as v");
    return Math.floor(Number(rows[0]?.v) / 10_000);
  });
}

/** Tables in any schema but the system's: a restore target must have none. */
export async function userTableCount(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
         and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'`,
    );
    return rows[0]?.n ?? 0;
  });
}

export interface DumpPostgresOptions extends PgToolDeps {
  readonly url: string;
  readonly file: string;
  /** Kills pg_dump (server shutdown). */
  readonly signal?: AbortSignal;
}

export async function dumpPostgres(options: DumpPostgresOptions): Promise<void> {
  const run = options.run ?? runTool;
  const [tool, server] = await Promise.all([
    toolMajorVersion('pg_dump', run),
    serverMajorVersion(options.url),
  ]);
  if (tool < server) {
    throw new AppError(
      'backup_failed',
      `pg_dump ${tool} is older than the PostgreSQL ${server} server and cannot dump it: ` +
        `install postgresql-client-${server} (or newer) and put its pg_dump first on PATH`,
    );
  }
  const target = libpqTarget(options.url);
  const result = await run(
    'pg_dump',
    ['--format=custom', '--no-password', '--file', options.file, ...target.args],
    target.env,
    options.signal,
  );
  if (result.code !== 0) throw new AppError('backup_failed', describeToolFailure('pg_dump', result));
}

export interface RestorePostgresOptions extends PgToolDeps {
  readonly url: string;
  readonly file: string;
}

export async function restorePostgres(options: RestorePostgresOptions): Promise<void> {
  const run = options.run ?? runTool;
  const tables = await userTableCount(options.url);
  if (tables > 0) {
    throw new AppError(
      'restore_refused',
      `The target database is not empty (${tables} table${tables === 1 ? '' : 's'}): restore only into a ` +
        'new, empty database (createdb, or your provider’s console), then point DATABASE_URL at it',
    );
  }
  const target = libpqTarget(options.url);
  const result = await run(
    'pg_restore',
    [
      '--exit-on-error',
      '--single-transaction',
      // Objects belong to whoever restores: managed databases rarely have the original roles.
      '--no-owner',
      '--no-privileges',
      '--no-password',
      ...target.args,
      options.file,
    ],
    target.env,
  );
  if (result.code !== 0) throw new AppError('backup_failed', describeToolFailure('pg_restore', result));
}
