/**
 * Backup and restore of embedded PGlite: its own data-directory archive (a gzipped tar from
 * `dumpDataDir`), loaded back with `loadDataDir` into an empty directory. The archive is taken
 * between two statements after a CHECKPOINT, so it holds every committed transaction.
 *
 * @module
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { AppError } from '../../errors/app-error.ts';

/** What can archive a live PGlite: the `Db` from `openPgliteDb`. */
export interface PgliteDumpSource {
  dumpDataDir(): Promise<Blob>;
}

export async function dumpPglite(source: PgliteDumpSource, file: string): Promise<void> {
  const archive = await source.dumpDataDir();
  await writeFile(file, Buffer.from(await archive.arrayBuffer()), { mode: 0o600 });
}

async function isEmptyDirectory(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') return true;
    throw err;
  }
}

export async function restorePglite(file: string, dataDir: string): Promise<void> {
  if (dataDir === 'memory') {
    throw new AppError('restore_refused', 'PGLITE_DATA_DIR is memory: restore needs a data directory');
  }
  if (!(await isEmptyDirectory(dataDir))) {
    throw new AppError(
      'restore_refused',
      `The target data directory ${dataDir} is not empty: restore only into a new directory ` +
        '(--target <dir>), then point PGLITE_DATA_DIR at it',
    );
  }
  const archive = new Blob([await readFile(file)]);
  const db = await PGlite.create({ dataDir, loadDataDir: archive });
  await db.close();
}
