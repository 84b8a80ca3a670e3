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
