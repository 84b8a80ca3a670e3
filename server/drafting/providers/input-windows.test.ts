import { describe, expect, it } from 'vitest';
import type { InputSegment } from '../provider.ts';
import { serializeSegments } from './draft-prompt.ts';
import { splitIntoWindows } from './input-windows.ts';

const segments = (lengths: readonly number[]): InputSegment[] =>
  lengths.map((n, i) => ({ id: `u${i + 1}`, start: 0, end: n, text: 'x'.repeat(n) }));
const ids = (windows: InputSegment[][]) => windows.map((w) => w.map((s) => s.id).join(','));

describe('splitIntoWindows', () => {
  it('keeps an input that fits in one window, and an empty one', () => {
    const all = segments([10, 10, 10]);
    expect(splitIntoWindows(all, 10_000)).toEqual([all]);
    expect(splitIntoWindows([], 10)).toEqual([[]]);
  });

  it('cuts within the budget, overlaps two segments, and covers every segment in order', () => {
    const all = segments(Array.from({ length: 30 }, () => 20));
    const windows = splitIntoWindows(all, 600);
    expect(windows.length).toBeGreaterThan(3);
    for (const window of windows) expect(serializeSegments(window).length).toBeLessThanOrEqual(600);
    for (let i = 1; i < windows.length; i++) {
      expect(windows[i]!.slice(0, 2)).toEqual(windows[i - 1]!.slice(-2));
    }
    const covered = new Set(windows.flat().map((s) => s.id));
    expect(covered.size).toBe(all.length);
    expect(windows.at(-1)!.at(-1)).toBe(all.at(-1));
  });

  it('limits the overlap to a quarter of the budget, and skips it when the next segment would not fit', () => {
    // Each segment serializes to 60 characters: 4 fit in 250, one overlap (61) fits a quarter (62.5).
    const all = segments(Array.from({ length: 8 }, () => 19));
    expect(serializeSegments(all.slice(0, 1)).length).toBe(62);
    expect(ids(splitIntoWindows(all, 250))).toEqual(['u1,u2,u3,u4', 'u4,u5,u6,u7', 'u7,u8']);
    // u3 would fit as overlap, but u3 and u4 together exceed the budget: no overlap then.
    expect(ids(splitIntoWindows(segments([5, 5, 5, 150]), 200))).toEqual(['u1,u2,u3', 'u4']);
  });

  it('gives a segment larger than the budget a window of its own instead of cutting it', () => {
    expect(ids(splitIntoWindows(segments([10, 500, 10]), 100, 0))).toEqual(['u1', 'u2', 'u3']);
  });
});
