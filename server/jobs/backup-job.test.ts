import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { createMemoryLog } from '../observability/memory-log.ts';
import { nextSlotAfter, startBackupJob, type Timers } from './backup-job.ts';
import type { BackupLease, BackupOutcome } from './backup-lease.ts';

const HOUR = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 10, 25, 3, 38, 46); // 2026-11-25 03:38:46 UTC

/** A clock and timers driven by hand. */
function manualTime(start: number) {
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
  const settle = async () => {
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  return {
    now: () => now,
    timers,
    pending: () => pending.map((p) => p.at),
    /** Moves the clock to `to`, firing due timers in order and letting their work settle. */
    async advanceTo(to: number) {
      for (;;) {
        const due = pending.filter((p) => p.at <= to).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        pending = pending.filter((p) => p !== due);
        now = due.at;
        due.fn();
        await settle();
      }
      now = to;
      await settle();
    },
  };
}

function recordingLease(claimable: (slot: Date) => boolean = () => true) {
  const claims: string[] = [];
  const finished: { slot: string; outcome: BackupOutcome; sizeBytes?: number; durationMs: number }[] = [];
  const lease: BackupLease = {
    claim: (slot) => {
      claims.push(slot.toISOString());
      return Promise.resolve(claimable(slot));
    },
    finish: (slot, outcome, measures) => {
      finished.push({ slot: slot.toISOString(), outcome, ...measures });
      return Promise.resolve();
    },
  };
  return { lease, claims, finished };
}

describe('nextSlotAfter', () => {
  it('is the next UTC multiple of the interval, strictly after now', () => {
    expect(new Date(nextSlotAfter(T0, 24 * HOUR)).toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(new Date(nextSlotAfter(T0, 6 * HOUR)).toISOString()).toBe('2026-11-25T06:00:00.000Z');
    expect(nextSlotAfter(Date.UTC(2026, 0, 1, 6), 6 * HOUR)).toBe(Date.UTC(2026, 0, 1, 12));
  });
});

describe('startBackupJob', () => {
  it('backs up at each slot it claims, logging duration and size only', async () => {
    const time = manualTime(T0);
    const { lease, claims, finished } = recordingLease();
    const memory = createMemoryLog();
    let runs = 0;
    const job = startBackupJob({
      intervalMs: 6 * HOUR,
      now: time.now,
      timers: time.timers,
      lease,
      backup: () => {
        runs++;
        return Promise.resolve({ sizeBytes: 4096 });
      },
      log: memory.log,
    });
    expect(job.nextRunAt()).toBe(Date.UTC(2026, 10, 25, 6));
    await time.advanceTo(Date.UTC(2026, 10, 25, 5, 59));
    expect(runs).toBe(0);
    await time.advanceTo(Date.UTC(2026, 10, 25, 12, 0, 1));
    expect(runs).toBe(2);
    expect(claims).toEqual(['2026-11-25T06:00:00.000Z', '2026-11-25T12:00:00.000Z']);
    expect(finished.map((f) => [f.slot, f.outcome, f.sizeBytes])).toEqual([
      ['2026-11-25T06:00:00.000Z', 'success', 4096],
      ['2026-11-25T12:00:00.000Z', 'success', 4096],
    ]);
    const done = memory.lines.filter((l) => l.msg === 'scheduled backup done');
    expect(done).toHaveLength(2);
    expect(
      Object.keys(done[0]!)
        .filter((k) => !['level', 'msg', 'time'].includes(k))
        .sort(),
    ).toEqual(['durationMs', 'sizeBytes', 'slot']);
    expect(job.nextRunAt()).toBe(Date.UTC(2026, 10, 25, 18));
    await job.stop();
  });

  it('leaves a slot another server claimed', async () => {
    const time = manualTime(T0);
    const { lease, finished } = recordingLease((slot) => slot.getUTCHours() !== 6);
    const memory = createMemoryLog();
    let runs = 0;
    const job = startBackupJob({
      intervalMs: 6 * HOUR,
      now: time.now,
      timers: time.timers,
      lease,
      backup: () => Promise.resolve({ sizeBytes: runs++ }),
      log: memory.log,
    });
    await time.advanceTo(Date.UTC(2026, 10, 25, 12));
    expect(finished.map((f) => f.slot)).toEqual(['2026-11-25T12:00:00.000Z']);
    expect(memory.lines.some((l) => l.msg === 'scheduled backup: slot taken by another server')).toBe(true);
    await job.stop();
  });

  it('records and logs a failure, then keeps to the schedule', async () => {
    const time = manualTime(T0);
    const { lease, finished } = recordingLease();
    const memory = createMemoryLog();
    let fail = true;
    const job = startBackupJob({
      intervalMs: 24 * HOUR,
      now: time.now,
      timers: time.timers,
      lease,
      backup: () => {
        if (!fail) return Promise.resolve({ sizeBytes: 1 });
        fail = false;
        return Promise.reject(
          new AppError('backup_failed', 'pg_dump failed (exit code 1): FATAL: role "…" does not exist'),
        );
      },
      log: memory.log,
    });
    await time.advanceTo(Date.UTC(2026, 10, 27, 0, 0, 1));
    expect(finished.map((f) => [f.slot, f.outcome])).toEqual([
      ['2026-11-26T00:00:00.000Z', 'failure'],
      ['2026-11-27T00:00:00.000Z', 'success'],
    ]);
    const failure = memory.lines.find((l) => l.msg === 'scheduled backup failed');
    expect(failure?.level).toBe('error');
    expect(String(failure?.reason)).toContain('pg_dump failed (exit code 1)');
    await job.stop();
  });

  it('waits for a far slot in steps the platform timers can take', async () => {
    const time = manualTime(T0);
    const { lease, claims } = recordingLease();
    const job = startBackupJob({
      intervalMs: 60 * 24 * HOUR, // 60 days: longer than one setTimeout can wait
      now: time.now,
      timers: time.timers,
      lease,
      backup: () => Promise.resolve({ sizeBytes: 1 }),
      log: createMemoryLog().log,
    });
    const slot = job.nextRunAt()!;
    expect(slot % (60 * 24 * HOUR)).toBe(0);
    expect(time.pending()[0]! - T0).toBeLessThanOrEqual(6 * HOUR);
    await time.advanceTo(slot - 1);
    expect(claims).toEqual([]);
    await time.advanceTo(slot);
    expect(claims).toEqual([new Date(slot).toISOString()]);
    await job.stop();
  });

  it('skips slots that pass while a backup runs', async () => {
    const time = manualTime(T0);
    const { lease, claims } = recordingLease();
    let finish!: () => void;
    let calls = 0;
    const job = startBackupJob({
      intervalMs: HOUR,
      now: time.now,
      timers: time.timers,
      lease,
      backup: () => {
        calls++;
        return calls === 1
          ? new Promise((resolve) => (finish = () => resolve({ sizeBytes: 1 })))
          : Promise.resolve({ sizeBytes: 1 });
      },
      log: createMemoryLog().log,
    });
    await time.advanceTo(Date.UTC(2026, 10, 25, 4));
    await time.advanceTo(Date.UTC(2026, 10, 25, 6, 30)); // the 05:00 and 06:00 slots pass
    finish();
    await time.advanceTo(Date.UTC(2026, 10, 25, 6, 30)); // it ends at 06:30
    await time.advanceTo(Date.UTC(2026, 10, 25, 7));
    expect(claims).toEqual(['2026-11-25T04:00:00.000Z', '2026-11-25T07:00:00.000Z']);
    await job.stop();
  });

  it('stops: aborts the backup in flight, waits for it, and arms nothing more', async () => {
    const time = manualTime(T0);
    const { lease, finished } = recordingLease();
    let aborted = false;
    const job = startBackupJob({
      intervalMs: HOUR,
      now: time.now,
      timers: time.timers,
      lease,
      backup: (signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('aborted'));
          });
        }),
      log: createMemoryLog().log,
    });
    await time.advanceTo(Date.UTC(2026, 10, 25, 4));
    expect(time.pending()).toEqual([]); // the backup is running; nothing armed meanwhile
    await job.stop();
    expect(aborted).toBe(true);
    expect(finished.map((f) => f.outcome)).toEqual(['failure']);
    expect(time.pending()).toEqual([]);
    expect(job.nextRunAt()).toBeUndefined();
  });
});
