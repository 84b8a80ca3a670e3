import { describe, expect, it } from 'vitest';
import { cpuSecondsOf, rssOf, sampleRss } from './process-stats.ts';

describe('process stats from /proc', () => {
  it('reads the resident memory Node reports for itself', () => {
    const rss = rssOf(process.pid);
    expect(rss).toBeDefined();
    const own = process.memoryUsage().rss;
    // Two readings moments apart: the same order of magnitude, within a quarter.
    expect(Math.abs(rss! - own) / own).toBeLessThan(0.25);
  });

  it('reads the CPU time Node reports for itself', () => {
    const usage = process.cpuUsage();
    const seconds = cpuSecondsOf(process.pid);
    expect(seconds).toBeDefined();
    expect(Math.abs(seconds! - (usage.user + usage.system) / 1e6)).toBeLessThan(0.5);
  });

  it('has nothing to say about a process that is gone', () => {
    const gone = 2 ** 22 + 1; // above Linux's largest pid
    expect(rssOf(gone)).toBeUndefined();
    expect(cpuSecondsOf(gone)).toBeUndefined();
    const summary = sampleRss(gone).stop();
    expect(summary.samples).toBe(0);
    expect(summary.peak).toBeNaN();
  });

  it('summarises the samples it took', () => {
    const summary = sampleRss(process.pid, 10).stop();
    expect(summary.samples).toBeGreaterThanOrEqual(2);
    expect(summary.peak).toBeGreaterThanOrEqual(summary.median);
    expect(summary.median).toBeGreaterThan(0);
  });
});
