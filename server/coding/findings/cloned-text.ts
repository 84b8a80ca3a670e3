/**
 * Cloned text: a note that repeats a large share of an earlier note of the same patient (copied
 * forward) is an audit risk and often hides what changed. Compared as sets of five-word shingles
 * (Jaccard similarity), which is insensitive to reordering paragraphs and cheap for note-sized
 * texts.
 *
 * @module
 */

const SHINGLE = 5;
/** Above this share of shared shingles a note reads as copied. */
export const CLONED_SIMILARITY = 0.5;

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '));
  return out;
}

/** Jaccard similarity of the two texts' five-word shingles, 0 when either is shorter than five words. */
export function textSimilarity(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  return shared / (x.size + y.size - shared);
}

export interface PriorNote {
  /** What the reviewer can recognise it by ("note of 2026-08-22"). */
  readonly label: string;
  readonly text: string;
}

/** The most similar prior note at or above the threshold, with its similarity. */
export function mostSimilarPrior(
  text: string,
  priors: readonly PriorNote[],
): { readonly prior: PriorNote; readonly similarity: number } | undefined {
  let best: { prior: PriorNote; similarity: number } | undefined;
  for (const prior of priors) {
    const similarity = textSimilarity(text, prior.text);
    if (similarity >= CLONED_SIMILARITY && (!best || similarity > best.similarity))
      best = { prior, similarity };
  }
  return best;
}
