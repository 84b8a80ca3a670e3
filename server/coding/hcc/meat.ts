/**
 * The MEAT check for one risk-adjusting diagnosis: which of Monitor, Evaluate, Assess/Address and
 * Treat this visit documents for it, read from the diagnosis's evidence. Only visit text counts
 * (input spans: the transcript, dictation or draft of this encounter). Chart evidence (a problem
 * list Condition, a medication list entry, an old result) shows the condition exists, not that it
 * was managed today: a diagnosis supported by the chart alone fails, which is the copied-forward
 * trap auditors look for.
 *
 * @module
 */
import type { HccFlag } from '../../contract/coding.ts';
import type { Evidence, InputEvidence } from '../../contract/note-draft.ts';
import { findMeatCues, MEAT_ELEMENTS, type MeatElement } from './meat-lexicon.ts';

export type MeatResult = HccFlag['meat'];

export interface MeatInputs {
  /**
   * The visit text the input spans index into. With it, a short span ("diabetes") is read in its
   * whole sentence ("So your diabetes is not controlled right now."); without it, the quote alone.
   */
  readonly inputText?: string;
}

/** How far a span is widened to its sentence, at most, on each side. */
const MAX_WIDEN = 400;

function isBoundary(text: string, at: number): boolean {
  const ch = text[at];
  if (ch === '\n' || ch === '?' || ch === '!') return true;
  // A full stop ends a sentence; the one in "8.6" does not.
  return ch === '.' && (at + 1 >= text.length || /\s/.test(text[at + 1] ?? ''));
}

/** The sentence around an input span, when `inputText` holds the span; else the quote. */
export function passageOf(evidence: InputEvidence, inputText: string | undefined): string {
  if (inputText === undefined || inputText.slice(evidence.start, evidence.end) !== evidence.quote) {
    return evidence.quote;
  }
  let start = evidence.start;
  while (start > 0 && evidence.start - start < MAX_WIDEN && !isBoundary(inputText, start - 1)) start--;
  let end = evidence.end;
  while (end < inputText.length && end - evidence.end < MAX_WIDEN && !isBoundary(inputText, end - 1)) end++;
  return inputText.slice(start, end);
}

/** The MEAT elements `evidence` documents at this visit, and the spans that document them. */
export function checkMeat(evidence: readonly Evidence[], inputs: MeatInputs = {}): MeatResult {
  const found = new Set<MeatElement>();
  const supporting: Evidence[] = [];
  for (const item of evidence) {
    if (item.kind !== 'input') continue;
    const hits = findMeatCues(passageOf(item, inputs.inputText));
    if (hits.length === 0) continue;
    for (const hit of hits) found.add(hit.element);
    supporting.push(item);
  }
  return {
    met: found.size > 0,
    elements: MEAT_ELEMENTS.filter((e) => found.has(e)),
    evidence: supporting,
  };
}
