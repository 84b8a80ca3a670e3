/**
 * Cuts a long input into consecutive windows a model's context can hold, so nothing is ever cut
 * off silently: every segment lands in at least one window, in order. Each window after the first
 * repeats the last few segments of the one before (at most a quarter of the budget), so a sentence
 * that needs a little context keeps it; the merge drops the duplicates this produces.
 *
 * @module
 */
import type { InputSegment } from '../provider.ts';
import { serializeSegments } from './draft-prompt.ts';

/** Serialized length of each segment as it appears in `serializeSegments` (without the comma). */
function segmentSizes(segments: readonly InputSegment[]): number[] {
  return segments.map((s) => serializeSegments([s]).length - 2);
}

/**
 * Windows whose serialized segments fit `maxChars`. A single segment larger than the budget gets a
 * window of its own (segments are already sentence-sized, and cutting one would break citations).
 */
export function splitIntoWindows(
  segments: readonly InputSegment[],
  maxChars: number,
  overlapSegments = 2,
): InputSegment[][] {
  if (segments.length === 0 || serializeSegments(segments).length <= maxChars) return [[...segments]];
  const sizes = segmentSizes(segments);
  const size = (i: number) => sizes[i] ?? 0;
  const windows: InputSegment[][] = [];
  let nextNew = 0;
  while (nextNew < segments.length) {
    let start = nextNew;
    let used = 2;
    // Overlap: up to `overlapSegments` earlier segments, within a quarter of the budget.
    if (windows.length > 0) {
      let k = 0;
      let overlapChars = 0;
      while (k < overlapSegments && nextNew - k - 1 >= 0) {
        const add = size(nextNew - k - 1) + 1;
        if (overlapChars + add > maxChars / 4) break;
        overlapChars += add;
        k++;
      }
      if (2 + overlapChars + size(nextNew) > maxChars) k = 0;
      start = nextNew - k;
      for (let i = start; i < nextNew; i++) used += size(i) + (i > start ? 1 : 0);
    }
    let end = nextNew;
    while (end < segments.length) {
      const add = size(end) + (end > start ? 1 : 0);
      if (end > nextNew && used + add > maxChars) break;
      used += add;
      end++;
    }
    windows.push(segments.slice(start, end));
    nextNew = end;
  }
  return windows;
}
