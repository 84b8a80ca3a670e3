/**
 * Backup file names and retention. A backup is named `revenuepilot-<UTC time>.<format>`, with the
 * time as `YYYYMMDDTHHMMSSZ`, so names sort in time order. It is written under a `.partial` name
 * and renamed when complete, so a half-written file never counts as a backup. Retention deletes
 * only files with our names, never anything else in the directory.
 *
 * @module
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

export type BackupFormat = 'postgres' | 'pglite';

const EXTENSION: Readonly<Record<BackupFormat, string>> = {
  postgres: '.dump',
  pglite: '.pglite.tar.gz',
};

const OURS = /^revenuepilot-(\d{8}T\d{6}Z)\.(dump|pglite\.tar\.gz)$/;

/** `2026-11-25T03:38:46.123Z` → `20261125T033846Z`. */
export function backupStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

export function backupFileName(format: BackupFormat, at: Date): string {
  return `revenuepilot-${backupStamp(at)}${EXTENSION[format]}`;
}

/** The format a file name says, or undefined for a file that is not one of our backups. */
export function backupFormatOf(fileName: string): BackupFormat | undefined {
  const match = OURS.exec(fileName);
  if (!match) return undefined;
  return match[2] === 'dump' ? 'postgres' : 'pglite';
}

/** Our backups in `dir`, oldest first (names sort by time). */
export async function listBackups(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((err: unknown) => {
    if ((err as { code?: unknown }).code === 'ENOENT') return [];
    throw err;
  });
  return names.filter((name) => OURS.test(name)).sort();
}

/** Deletes our oldest backups beyond the newest `keep`; returns the paths deleted. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const ours = await listBackups(dir);
  const doomed = ours.slice(0, Math.max(0, ours.length - keep)).map((name) => join(dir, name));
  for (const path of doomed) await rm(path, { force: true });
  return doomed;
}
