/**
 * Another process's resources while the benchmark runs (Linux /proc): resident memory, `VmRSS`
 * from `/proc/<pid>/status`, the same number `process.memoryUsage().rss` gives inside it, sampled
 * every second; and CPU time used, user + system, from `/proc/<pid>/stat`.
 *
 * @module
 */
import { readFileSync } from 'node:fs';

/** Bytes, or undefined when the process is gone or /proc is not there. */
export function rssOf(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) the process has used so far, or undefined when it is gone. */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state, field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return ticks / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** USER_HZ: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

export interface RssSummary {
  readonly samples: number;
  /** Bytes. */
  readonly start: number;
  readonly median: number;
  readonly peak: number;
  readonly end: number;
}

export interface RssSampler {
  stop(): RssSummary;
}

export function sampleRss(pid: number, intervalMs = 1_000): RssSampler {
  const samples: number[] = [];
  const take = () => {
    const rss = rssOf(pid);
    if (rss !== undefined) samples.push(rss);
  };
  take();
  const timer = setInterval(take, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      take();
      const sorted = [...samples].sort((a, b) => a - b);
      return {
        samples: samples.length,
        start: samples[0] ?? Number.NaN,
        median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
        peak: sorted.at(-1) ?? Number.NaN,
        end: samples.at(-1) ?? Number.NaN,
      };
    },
  };
}
