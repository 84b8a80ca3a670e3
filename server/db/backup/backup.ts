/**
 * One backup, whichever database the configuration names: pg_dump for PostgreSQL, the data
 * directory archive for PGlite. Writes under a `.partial` name, renames when complete, then keeps
 * the newest `retention` backups. Restore reads the file's own signature to pick the method, so a
 * PostgreSQL dump is never fed to PGlite or the other way round.
 *
 * @module
 */
import { open, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AppError } from '../../errors/app-error.ts';
import { backupFileName, pruneBackups, type BackupFormat } from './backup-files.ts';
import { dumpPglite, restorePglite, type PgliteDumpSource } from './pglite-backup.ts';
import { dumpPostgres, restorePostgres } from './postgres-backup.ts';
import type { RunTool } from './pg-tools.ts';

/** What to back up: a PostgreSQL URL for pg_dump, or the open PGlite database. */
export type BackupSource =
  { readonly kind: 'postgres'; readonly url: string } | ({ readonly kind: 'pglite' } & PgliteDumpSource);

export interface CreateBackupOptions {
  readonly source: BackupSource;
  readonly dir: string;
  readonly retention: number;
  /** The time in the file name; injectable for tests. */
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
  readonly run?: RunTool;
}

export interface BackupResult {
  readonly file: string;
  readonly sizeBytes: number;
  readonly durationMs: number;
  /** Older backups deleted by retention. */
  readonly pruned: readonly string[];
}

export async function createBackup(options: CreateBackupOptions): Promise<BackupResult> {
  const started = performance.now();
  const format: BackupFormat = options.source.kind;
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const file = join(options.dir, backupFileName(format, (options.now ?? (() => new Date()))()));
  if (
    await stat(file).then(
      () => true,
      () => false,
    )
  ) {
    throw new AppError('backup_failed', `A backup named ${file} already exists; try again in a second`);
  }
  const partial = `${file}.partial`;
  try {
    // Created first, owner-only: backups hold PHI, and pg_dump keeps the mode of a file it reuses.
    await (await open(partial, 'wx', 0o600)).close();
    if (options.source.kind === 'postgres') {
      await dumpPostgres({
        url: options.source.url,
        file: partial,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.run ? { run: options.run } : {}),
      });
    } else {
      await dumpPglite(options.source, partial);
    }
    await rename(partial, file);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  const { size } = await stat(file);
  const pruned = await pruneBackups(options.dir, options.retention);
  return { file, sizeBytes: size, durationMs: Math.round(performance.now() - started), pruned };
}

/** Where to restore: an empty PostgreSQL database, or an empty PGlite data directory. */
export type RestoreTarget =
  { readonly kind: 'postgres'; readonly url: string } | { readonly kind: 'pglite'; readonly dataDir: string };

/** `PGDMP` opens a pg_dump custom-format archive; 1f 8b opens a gzip file (PGlite's archive). */
export async function formatOfFile(file: string): Promise<BackupFormat | undefined> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(5);
    const { bytesRead } = await handle.read(head, 0, 5, 0);
    if (bytesRead === 5 && head.toString('latin1') === 'PGDMP') return 'postgres';
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
    return undefined;
  } finally {
    await handle.close();
  }
}

export async function restoreBackup(options: {
  readonly file: string;
  readonly target: RestoreTarget;
  readonly run?: RunTool;
}): Promise<void> {
  const format = await formatOfFile(options.file).catch((err: unknown) => {
    const code = (err as { code?: unknown }).code;
    throw new AppError(
      'restore_refused',
      `Cannot read ${options.file}${typeof code === 'string' ? ` (${code})` : ''}`,
    );
  });
  if (format === undefined) {
    throw new AppError(
      'restore_refused',
      `${options.file} is neither a pg_dump archive nor a PGlite archive`,
    );
  }
  if (format !== options.target.kind) {
    const made = format === 'postgres' ? 'PostgreSQL (pg_dump)' : 'embedded PGlite';
    throw new AppError(
      'restore_refused',
      `${options.file} is a backup of ${made}; the target is ${options.target.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}`,
    );
  }
  if (options.target.kind === 'postgres') {
    await restorePostgres({
      url: options.target.url,
      file: options.file,
      ...(options.run ? { run: options.run } : {}),
    });
  } else {
    await restorePglite(options.file, options.target.dataDir);
  }
}
