/**
 * The scheduled backup: wakes at each UTC multiple of the interval (24 h: 00:00 UTC; 6 h: 00:00,
 * 06:00, …), lets one replica claim the slot, runs the backup, and logs the outcome with its
 * duration and size only. A slot missed while a backup ran is skipped, not queued. `stop()`
 * cancels the timer, aborts a backup in flight and waits for it to be recorded. Clock and timers
 * are passed in, so tests drive time by hand.
 *
 * @module
 */
import { AppError } from '../errors/app-error.ts';
import type { Logger } from '../observability/logger.ts';
import type { BackupLease } from './backup-lease.ts';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface BackupJobDeps {
  readonly intervalMs: number;
  /** Epoch milliseconds. */
  readonly now: () => number;
  readonly timers: Timers;
  readonly lease: BackupLease;
  /** Runs one backup; `signal` aborts it. */
  readonly backup: (signal: AbortSignal) => Promise<{ readonly sizeBytes: number }>;
  readonly log: Logger;
}

export interface BackupJob {
  /** When the next slot starts (epoch ms), or undefined once stopped. */
  nextRunAt(): number | undefined;
  stop(): Promise<void>;
}

/** Node's timers take at most 2^31-1 ms; a longer wait is taken in steps of this. */
const LONGEST_WAIT_MS = 6 * 60 * 60 * 1000;

/** The first slot boundary strictly after `now`. */
export function nextSlotAfter(now: number, intervalMs: number): number {
  return (Math.floor(now / intervalMs) + 1) * intervalMs;
}

function reasonOf(err: unknown): string {
  // Our own messages carry no data (tool output is masked); anything else by name and code only.
  if (err instanceof AppError) return err.message;
  const code = (err as { code?: unknown }).code;
  return `${err instanceof Error ? err.name : 'error'}${typeof code === 'string' ? ` ${code}` : ''}`;
}

export function startBackupJob(deps: BackupJobDeps): BackupJob {
  const { timers, log } = deps;
  let stopped = false;
  let timer: unknown;
  let target: number | undefined;
  let running: Promise<void> | undefined;
  const abort = new AbortController();

  const runSlot = async (slotStart: number): Promise<void> => {
    const slot = new Date(slotStart);
    let claimed: boolean;
    try {
      claimed = await deps.lease.claim(slot);
    } catch (err) {
      log.error('scheduled backup: could not claim the slot', {
        slot: slot.toISOString(),
        reason: reasonOf(err),
      });
      return;
    }
    if (!claimed) {
      log.debug('scheduled backup: slot taken by another server', { slot: slot.toISOString() });
      return;
    }
    const started = deps.now();
    try {
      const { sizeBytes } = await deps.backup(abort.signal);
      const durationMs = deps.now() - started;
      await deps.lease.finish(slot, 'success', { sizeBytes, durationMs });
      log.info('scheduled backup done', { slot: slot.toISOString(), durationMs, sizeBytes });
    } catch (err) {
      const durationMs = deps.now() - started;
      log.error('scheduled backup failed', { slot: slot.toISOString(), durationMs, reason: reasonOf(err) });
      await deps.lease.finish(slot, 'failure', { durationMs }).catch(() => undefined);
    }
  };

  const arm = (): void => {
    if (stopped) return;
    const now = deps.now();
    target ??= nextSlotAfter(now, deps.intervalMs);
    const wait = target - now;
    if (wait > 0) {
      timer = timers.setTimeout(arm, Math.min(wait, LONGEST_WAIT_MS));
      return;
    }
    const slotStart = target;
    target = undefined;
    running = runSlot(slotStart).finally(() => {
      running = undefined;
      arm();
    });
  };

  arm();
  return {
    nextRunAt: () => (stopped ? undefined : target),
    stop: async () => {
      stopped = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      abort.abort();
      await running;
    },
  };
}
