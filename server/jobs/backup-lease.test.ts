import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/test-db.ts';
import type { Db } from '../db/db.ts';
import { createBackupLease } from './backup-lease.ts';

const HOUR = 60 * 60 * 1000;
const slot = (h: number) => new Date(Date.UTC(2026, 10, 25, h));

let db: TestDb;
let other: Db;
beforeAll(async () => {
  db = await openTestDb();
  other = await db.another();
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.query('delete from backup_run');
});

describe(`backup lease (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('gives each slot to exactly one of two servers claiming it at once', async () => {
    const a = createBackupLease(db, { holder: 'a:1', leaseMs: 6 * HOUR });
    const b = createBackupLease(other, { holder: 'b:2', leaseMs: 6 * HOUR });
    const won = await Promise.all([a.claim(slot(6)), b.claim(slot(6))]);
    expect(won.filter(Boolean)).toHaveLength(1);
    const { rows } = await db.query<{ holder: string }>('select holder from backup_run');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.holder).toBe(won[0] ? 'a:1' : 'b:2');
  });

  it('refuses a new slot while a run is unfinished, and frees it when the run finishes', async () => {
    const a = createBackupLease(db, { holder: 'a:1', leaseMs: 6 * HOUR });
    const b = createBackupLease(other, { holder: 'b:2', leaseMs: 6 * HOUR });
    expect(await a.claim(slot(0))).toBe(true);
    expect(await b.claim(slot(6))).toBe(false);
    await a.finish(slot(0), 'success', { sizeBytes: 123_456, durationMs: 2_500 });
    expect(await b.claim(slot(6))).toBe(true);
    const { rows } = await db.query<{
      outcome: string | null;
      size_bytes: string | null;
      duration_ms: number | null;
    }>('select outcome, size_bytes, duration_ms from backup_run order by slot_start');
    expect(rows).toEqual([
      { outcome: 'success', size_bytes: '123456', duration_ms: 2500 },
      { outcome: null, size_bytes: null, duration_ms: null },
    ]);
  });

  it('stops honouring an unfinished run once its lease is over (its server died)', async () => {
    const a = createBackupLease(db, { holder: 'a:1', leaseMs: HOUR });
    expect(await a.claim(slot(0))).toBe(true);
    await db.query("update backup_run set started_at = now() - interval '2 hours'");
    const b = createBackupLease(other, { holder: 'b:2', leaseMs: HOUR });
    expect(await b.claim(slot(6))).toBe(true);
  });

  it('records a finish only for the holder of the slot', async () => {
    const a = createBackupLease(db, { holder: 'a:1', leaseMs: HOUR });
    const b = createBackupLease(other, { holder: 'b:2', leaseMs: HOUR });
    expect(await a.claim(slot(0))).toBe(true);
    await b.finish(slot(0), 'failure', { durationMs: 1 });
    const { rows } = await db.query<{ finished: boolean }>(
      'select finished_at is not null as finished from backup_run',
    );
    expect(rows).toEqual([{ finished: false }]);
  });
});
