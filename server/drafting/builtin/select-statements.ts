/**
 * How much of the visit goes into the note. A note is a summary: reference notes run about a
 * third of the words of their visit, so statements are kept best-first until a word budget that
 * grows with the input (and never falls below a short visit's note), then put back in the order
 * they were said. Ties keep input order, so the choice is deterministic.
 *
 * @module
 */
import type { Statement } from './build-statements.ts';

/** The note's words as a share of the input's, and the least a note may use: tuned on ACI-bench train. */
export const BUDGET_RATIO = 1.2;
export const MIN_BUDGET_WORDS = 450;
/** Statements this dense (numbers, drugs, findings) are kept whatever the budget. */
export const ALWAYS_KEEP_SCORE = 2.5;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function selectStatements(statements: readonly Statement[], inputWords: number): Statement[] {
  const budget = Math.max(MIN_BUDGET_WORDS, Math.round(inputWords * BUDGET_RATIO));
  const ranked = statements.map((s, i) => ({ s, i })).sort((a, b) => b.s.score - a.s.score || a.i - b.i);
  const kept = new Set<number>();
  let used = 0;
  for (const { s, i } of ranked) {
    if (used >= budget && s.score < ALWAYS_KEEP_SCORE) continue;
    kept.add(i);
    used += wordCount(s.text);
  }
  return statements.filter((_, i) => kept.has(i));
}
