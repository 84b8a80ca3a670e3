/**
 * The scheduled backup as two server replicas run it: two jobs, each with its own connection
 * pool on one database, woken by the same slot. Exactly one takes a real backup (pg_dump on
 * PostgreSQL, PGlite's archive otherwise), the `backup_run` row records its size and outcome,
 * and the other leaves the slot. Time is driven by hand; the backup is real.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup, type BackupSource } from '../../server/db/backup/backup.ts';
import type { Db } from '../../server/db/db.ts';
import { loadMigrations } from '../../server/db/migration-files.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openPgliteDb } from '../../server/db/pglite.ts';
import { openPostgresDb } from '../../server/db/postgres.ts';
import { startBackupJob, type Timers } from '../../server/jobs/backup-job.ts';
import { createBackupLease } from '../../server/jobs/backup-lease.ts';
import { createLogger } from '../../server/observability/logger.ts';
import { createMemoryLog } from '../../server/observability/memory-log.ts';
import { createScratchDatabase, type ScratchDatabase } from '../support/test-db.ts';

const HOUR = 60 * 60 * 1000;
const quiet = createLogger({ level: 'error', write: () => undefined });

/** One clock for both replicas; `advanceTo` fires due timers and waits for their work. */
function sharedTime(start: number) {
  let now = start;
  let pending: { at: number; fn: () => void }[] = [];
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      const handle = { at: now + ms, fn };
      pending.push(handle);
      return handle;
    },
    clearTimeout: (handle) => {
      pending = pending.filter((p) => p !== handle);
    },
  };
  return {
    now: () => now,
    timers,
    async advanceTo(to: number, settled: () => Promise<void>) {
      const due = pending.filter((p) => p.at <= to);
      pending = pending.filter((p) => p.at > to);
      now = to;
      for (const p of due) p.fn();
      await settled();
    },
  };
}

let dir: string;
let scratch: ScratchDatabase | undefined;
const dbs: Db[] = [];
let sources: BackupSource[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rp-scheduled-'));
  if (process.env.DATABASE_URL) {
    scratch = await createScratchDatabase(process.env.DATABASE_URL, 'rp_scheduled');
    for (let i = 0; i < 2; i++)
      dbs.push(openPostgresDb({ url: scratch.url, statementTimeoutMs: 60_000, log: quiet }));
    sources = [0, 1].map(() => ({ kind: 'postgres', url: scratch!.url }));
  } else {
    // PGlite: one process per data directory, so both "replicas" share its one database.
    const db = await openPgliteDb({ dataDir: join(dir, 'pglite'), statementTimeoutMs: 60_000, log: quiet });
    dbs.push(db, db);
    sources = [0, 1].map(() => ({ kind: 'pglite', dumpDataDir: () => db.dumpDataDir() }));
  }
  await migrate(dbs[0]!, await loadMigrations(), quiet);
}, 120_000);

afterAll(async () => {
  await Promise.all([...new Set(dbs)].map((db) => db.close()));
  await scratch?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe(`scheduled backup across two replicas (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('takes one real backup per slot and records it', async () => {
    const backupDir = join(dir, 'backups');
    const slot = Date.UTC(2026, 10, 26);
    const time = sharedTime(slot - 5 * 60 * 1000);
    const logs = [createMemoryLog(), createMemoryLog()];
    const finished: Promise<void>[] = [];
    const jobs = [0, 1].map((i) =>
      startBackupJob({
        intervalMs: 24 * HOUR,
        now: time.now,
        timers: time.timers,
        lease: createBackupLease(dbs[i]!, { holder: `replica-${i}`, leaseMs: 24 * HOUR }),
        backup: (signal) => {
          const run = createBackup({
            source: sources[i]!,
            dir: backupDir,
            retention: 3,
            now: () => new Date(time.now()),
            signal,
          });
          finished.push(run.then(() => undefined));
          return run;
        },
        log: logs[i]!.log,
      }),
    );
    const settled = async () => {
      // Both replicas have either logged an outcome or left the slot.
      for (let i = 0; i < 600; i++) {
        const outcomes = logs.flatMap((l) =>
          l.lines.filter((x) =>
            /scheduled backup (done|failed)|slot taken by another server/.test(String(x.msg)),
          ),
        );
        if (outcomes.length >= 2) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the replicas did not finish the slot');
    };
    try {
      await time.advanceTo(slot, settled);
      await Promise.all(finished);

      const done = logs.flatMap((l) => l.lines.filter((x) => x.msg === 'scheduled backup done'));
      expect(done).toHaveLength(1);
      const files = await readdir(backupDir);
      expect(files).toEqual([
        `revenuepilot-20261126T000000Z.${process.env.DATABASE_URL ? 'dump' : 'pglite.tar.gz'}`,
      ]);
      const { size } = await stat(join(backupDir, files[0]!));
      expect(done[0]!.sizeBytes).toBe(size);

      const { rows } = await dbs[0]!.query<{ slot_start: Date; outcome: string; size_bytes: string }>(
        'select slot_start, outcome, size_bytes from backup_run',
      );
      expect(rows).toEqual([{ slot_start: new Date(slot), outcome: 'success', size_bytes: String(size) }]);
    } finally {
      await Promise.all(jobs.map((job) => job.stop()));
    }
  }, 120_000);
});
