/**
 * ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum, computed the way Google's `rouge_score` package
 * computes them with its default tokenizer and no stemmer: the configuration behind Hugging Face
 * `evaluate.load('rouge')`, which the ACI-Bench paper used for its note-generation tables. Scoring
 * the same way is what makes our numbers comparable with the paper's; written here from the
 * algorithm (Lin 2004, and the package's documented behaviour), not ported.
 *
 * - Tokens: lowercase, every run of characters outside `[a-z0-9]` becomes a space, split on
 *   whitespace, empties dropped. "BP 148/90." gives `bp`, `148`, `90`.
 * - ROUGE-N: n-gram counts on each side; overlap is the sum over n-grams of the smaller count.
 * - ROUGE-L: longest common subsequence of the two token sequences.
 * - ROUGE-Lsum: both texts split into sentences on `\n` (empty lines dropped); for each reference
 *   sentence, the union of the reference positions that an LCS with each prediction sentence
 *   uses; each unioned token counts as a hit only while that token still has unused occurrences
 *   on both sides (so no token is counted twice across sentences).
 *
 * Precision divides by the prediction's size, recall by the reference's; F1 is their harmonic
 * mean, 0 when both are 0.
 *
 * @module
 */

export interface RougeScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface RougeScores {
  readonly rouge1: RougeScore;
  readonly rouge2: RougeScore;
  readonly rougeL: RougeScore;
  readonly rougeLsum: RougeScore;
}

export type RougeType = keyof RougeScores;

export const ROUGE_TYPES: readonly RougeType[] = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'];

const ZERO: RougeScore = { precision: 0, recall: 0, f1: 0 };

/** The default `rouge_score` tokenizer without stemming. */
export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(/\s+/)
    .filter((token) => token.length > 0);
}

function score(hits: number, predictionSize: number, referenceSize: number): RougeScore {
  const precision = hits / Math.max(predictionSize, 1);
  const recall = hits / Math.max(referenceSize, 1);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function countsOf(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

function ngrams(tokens: readonly string[], n: number): string[] {
  const grams: string[] = [];
  // Tokens are [a-z0-9]+, so a space joins them without ambiguity.
  for (let i = 0; i + n <= tokens.length; i++) grams.push(tokens.slice(i, i + n).join(' '));
  return grams;
}

function ngramScore(prediction: readonly string[], reference: readonly string[], n: number): RougeScore {
  const predicted = ngrams(prediction, n);
  const referenced = ngrams(reference, n);
  const referenceCounts = countsOf(referenced);
  let overlap = 0;
  for (const [gram, count] of countsOf(predicted)) overlap += Math.min(count, referenceCounts.get(gram) ?? 0);
  return score(overlap, predicted.length, referenced.length);
}

/** The dynamic-programming table: `table[i][j]` = LCS length of `ref[0..i)` and `can[0..j)`. */
function lcsTable(ref: readonly string[], can: readonly string[]): Uint32Array[] {
  const table = Array.from({ length: ref.length + 1 }, () => new Uint32Array(can.length + 1));
  for (let i = 1; i <= ref.length; i++) {
    const row = table[i]!;
    const above = table[i - 1]!;
    for (let j = 1; j <= can.length; j++) {
      row[j] = ref[i - 1] === can[j - 1] ? above[j - 1]! + 1 : Math.max(above[j]!, row[j - 1]!);
    }
  }
  return table;
}

/**
 * Positions in `ref` of one LCS with `can`, read back from the table's corner. Which LCS is
 * chosen matters for the union in ROUGE-Lsum, so ties go the way `rouge_score`'s reading goes:
 * a match is taken as soon as the last tokens agree; otherwise step back in `can` only when that
 * keeps a strictly longer LCS, else step back in `ref`.
 */
function lcsPositions(ref: readonly string[], can: readonly string[]): number[] {
  const table = lcsTable(ref, can);
  const positions: number[] = [];
  let i = ref.length;
  let j = can.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      positions.push(i - 1);
      i--;
      j--;
    } else if (table[i]![j - 1]! > table[i - 1]![j]!) {
      j--;
    } else {
      i--;
    }
  }
  return positions.reverse();
}

function lcsScore(prediction: readonly string[], reference: readonly string[]): RougeScore {
  if (prediction.length === 0 || reference.length === 0) return ZERO;
  const length = lcsTable(reference, prediction)[reference.length]![prediction.length]!;
  return score(length, prediction.length, reference.length);
}

function sentenceTokens(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map(rougeTokens);
}

function summaryLevelLcsScore(prediction: string, reference: string): RougeScore {
  const predSentences = sentenceTokens(prediction);
  const refSentences = sentenceTokens(reference);
  const predSize = predSentences.reduce((sum, s) => sum + s.length, 0);
  const refSize = refSentences.reduce((sum, s) => sum + s.length, 0);
  if (predSize === 0 || refSize === 0) return ZERO;

  // Unused occurrences of each token on each side, so a token is never a hit twice.
  const predLeft = countsOf(predSentences.flat());
  const refLeft = countsOf(refSentences.flat());
  let hits = 0;
  for (const refSentence of refSentences) {
    const union = new Set<number>();
    for (const predSentence of predSentences) {
      for (const position of lcsPositions(refSentence, predSentence)) union.add(position);
    }
    for (const position of union) {
      const token = refSentence[position]!;
      const p = predLeft.get(token) ?? 0;
      const r = refLeft.get(token) ?? 0;
      if (p > 0 && r > 0) {
        hits++;
        predLeft.set(token, p - 1);
        refLeft.set(token, r - 1);
      }
    }
  }
  return score(hits, predSize, refSize);
}

/** All four scores of one prediction against one reference. */
export function rougeScores(prediction: string, reference: string): RougeScores {
  const pred = rougeTokens(prediction);
  const ref = rougeTokens(reference);
  return {
    rouge1: ngramScore(pred, ref, 1),
    rouge2: ngramScore(pred, ref, 2),
    rougeL: lcsScore(pred, ref),
    rougeLsum: summaryLevelLcsScore(prediction, reference),
  };
}
