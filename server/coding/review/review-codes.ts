/**
 * What a billing reviewer decides on: every code an encounter's suggestions report (diagnoses,
 * the E/M level, its add-ons, other services), each once with its kind, and whether the encounter
 * is reviewed (every one of them has a decision). Pure.
 *
 * @module
 */
import type { ReviewCodeKind, ReviewDecision, ReviewStatus } from '../../contract/billing-review.ts';
import type { EncounterCodeSuggestions } from '../../contract/coding.ts';

export interface ReviewCode {
  readonly code: string;
  readonly kind: ReviewCodeKind;
}

/** The codes of a suggestion set, in the order a claim lists them; a code named twice counts once. */
export function reviewCodes(
  suggestions: Pick<EncounterCodeSuggestions, 'diagnoses' | 'em' | 'services'>,
): ReviewCode[] {
  const all: ReviewCode[] = [
    ...suggestions.diagnoses.map((d) => ({ code: d.code, kind: 'diagnosis' as const })),
    { code: suggestions.em.code, kind: 'em' as const },
    ...suggestions.em.addOns.map((a) => ({ code: a.code, kind: 'add_on' as const })),
    ...(suggestions.services ?? []).map((s) => ({ code: s.code, kind: 'service' as const })),
  ];
  const seen = new Set<string>();
  return all.filter((c) => !seen.has(c.code) && seen.add(c.code));
}

/** The newest decision per code, from a history in any order. */
export function currentDecisions(history: readonly ReviewDecision[]): ReviewDecision[] {
  const newest = new Map<string, ReviewDecision>();
  for (const decision of history) {
    const seen = newest.get(decision.code);
    if (!seen || Number(decision.id) > Number(seen.id)) newest.set(decision.code, decision);
  }
  return [...newest.values()];
}

/** Decisions in the order the codes are listed; decisions on codes no longer suggested go last. */
export function inClaimOrder(
  decisions: readonly ReviewDecision[],
  codes: readonly ReviewCode[],
): ReviewDecision[] {
  const position = new Map(codes.map((c, i) => [c.code, i]));
  const at = (d: ReviewDecision) => position.get(d.code) ?? codes.length;
  return [...decisions].sort((a, b) => at(a) - at(b));
}

export interface ReviewProgress {
  readonly status: ReviewStatus;
  readonly codeCount: number;
  readonly decidedCount: number;
}

/** How far the review of these codes is, given the codes that have a decision. */
export function reviewProgress(codes: readonly string[], decided: ReadonlySet<string>): ReviewProgress {
  const unique = new Set(codes);
  const decidedCount = [...unique].filter((code) => decided.has(code)).length;
  return {
    status: decidedCount === unique.size ? 'reviewed' : 'pending',
    codeCount: unique.size,
    decidedCount,
  };
}
