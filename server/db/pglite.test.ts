import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLog } from '../observability/memory-log.ts';
import { openPgliteDb } from './pglite.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rp-pglite-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('openPgliteDb', () => {
  it('keeps its data across restarts in a data directory', async () => {
    const { log } = createMemoryLog();
    const dataDir = join(dir, 'nested', 'pglite');
    const first = await openPgliteDb({ dataDir, statementTimeoutMs: 15_000, log });
    await first.query('create table kept (n int)');
    await first.query('insert into kept values (42)');
    await first.close();

    const second = await openPgliteDb({ dataDir, statementTimeoutMs: 15_000, log });
    try {
      expect((await second.query<{ n: number }>('select n from kept')).rows).toEqual([{ n: 42 }]);
    } finally {
      await second.close();
    }
  });

  it('archives its data directory while open, committed rows included', async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const { log } = createMemoryLog();
    const db = await openPgliteDb({ dataDir: join(dir, 'live'), statementTimeoutMs: 15_000, log });
    let archive: Blob;
    try {
      await db.query('create table kept (n int)');
      await db.transaction(async (tx) => {
        await tx.query('insert into kept select generate_series(1, 500)');
      });
      archive = await db.dumpDataDir();
      await db.query('insert into kept values (-1)'); // after the archive: not in it
    } finally {
      await db.close();
    }
    const copy = await PGlite.create({ dataDir: join(dir, 'copy'), loadDataDir: archive });
    try {
      const { rows } = await copy.query<{ n: number; low: number }>(
        'select count(*)::int as n, min(n) as low from kept',
      );
      expect(rows).toEqual([{ n: 500, low: 1 }]);
    } finally {
      await copy.close();
    }
  });

  it('sets statement_timeout on its connection', async () => {
    const { log } = createMemoryLog();
    const db = await openPgliteDb({ dataDir: 'memory', statementTimeoutMs: 1234, log });
    try {
      const { rows } = await db.query<{ statement_timeout: string }>('show statement_timeout');
      expect(rows).toEqual([{ statement_timeout: '1234ms' }]);
      expect(db.kind).toBe('pglite');
    } finally {
      await db.close();
    }
  });
});
