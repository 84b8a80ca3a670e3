/**
 * Opens the `Db` on embedded PGlite: the database runs in this process (WebAssembly), served on
 * 127.0.0.1 by pglite-socket so the same `pg.Pool` code path runs as against PostgreSQL.
 * pglite-socket serves one connection at a time, so the pool holds exactly one. The `Db` can also
 * archive its data directory (backups, see backup/pglite-backup.ts).
 *
 * @module
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import type { Logger } from '../observability/logger.ts';
import { errorFields } from '../observability/logger.ts';
import type { Db } from './db.ts';
import { createPoolDb } from './pool-db.ts';

export interface PgliteOptions {
  /** A directory (created when missing; persists across restarts), or `memory`. */
  readonly dataDir: string;
  readonly statementTimeoutMs: number;
  readonly log: Logger;
}

export interface PgliteDb extends Db {
  readonly kind: 'pglite';
  /** A gzipped tar of the data directory, taken after a CHECKPOINT between two statements. */
  dumpDataDir(): Promise<Blob>;
}

export async function openPgliteDb(options: PgliteOptions): Promise<PgliteDb> {
  if (options.dataDir !== 'memory') await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir === 'memory' ? 'memory://' : options.dataDir);
  // One slot for the pool's connection, one spare so a replacement can connect while the socket
  // of a destroyed one is still being torn down (otherwise the new one is refused).
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 2 });
  try {
    await server.start();
  } catch (err) {
    await pglite.close();
    throw err;
  }
  const address = server.getServerConn();
  const port = Number(address.slice(address.lastIndexOf(':') + 1));

  const pool = new pg.Pool({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    idleTimeoutMillis: 0,
  });
  pool.on('error', (err) => options.log.warn('embedded database connection lost', errorFields(err)));
  // PGlite ignores startup parameters, so the timeout is set with the connection's first statement.
  pool.on('connect', (client) => {
    client
      .query(`set statement_timeout = ${Math.trunc(options.statementTimeoutMs)}`)
      .catch((err: unknown) => options.log.warn('could not set statement_timeout', errorFields(err)));
  });

  const db = createPoolDb(pool, {
    kind: 'pglite',
    onClose: async () => {
      await server.stop();
      await pglite.close();
    },
  });
  return {
    ...db,
    kind: 'pglite',
    dumpDataDir: async () => {
      // Flushes every committed change into the data files; the archive then needs no WAL replay.
      await db.query('checkpoint');
      return pglite.dumpDataDir('gzip');
    },
  };
}
