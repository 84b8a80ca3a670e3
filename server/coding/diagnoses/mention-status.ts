/**
 * How a condition is spoken of in one sentence: affirmed, denied ("denies chest pain"), uncertain
 * ("possible angina", "rule out pneumonia") or a question ("Any fever?"). Outpatient coding reports
 * only the affirmed: a denied finding is never coded and an uncertain diagnosis gives way to its
 * symptoms. Uses the same NegEx-style scopes the drafting engine uses.
 *
 * @module
 */
import { triggerScopes, words } from '../../drafting/builtin/negation.ts';
import type { CodingSentence } from '../document/coding-document.ts';

export type MentionStatus = 'affirmed' | 'negated' | 'uncertain' | 'question';

/** Hedges a clinician uses about a diagnosis that the negation triggers do not cover. */
const EXTRA_UNCERTAIN =
  /\b(?:not (?:yet )?(?:confirmed|sure|certain)|can(?:no|')t say (?:you have|it is)|have not confirmed|haven't confirmed|real possibility|need to (?:rule|prove)|to see if|whether (?:you|she|he|it) (?:have|has|is)|can(?:no|')t (?:completely )?(?:exclude|rule out))\b/i;

/** "If the X-ray shows pneumonia": a hypothetical in the mention's own clause. */
const HYPOTHETICAL = /\b(?:if|unless|in case|whether|in case of)\b/i;

/**
 * Words before a diagnosis that pin it on this patient ("you have", "your", "this is"), as
 * opposed to teaching ("people with angina", "the classic pattern of angina").
 */
const ATTRIBUTIVE =
  /\b(?:you have|you've got|you do have|(?:she|he) has|this is|it's|it is|your|her|his|diagnos(?:ed|is) (?:of|with)|consistent with|fits|assessment)\b[^.;]{0,40}$/i;

export function isAttributive(sentence: CodingSentence, index: number): boolean {
  return ATTRIBUTIVE.test(sentence.text.slice(0, index));
}

/** The status of the words at `index` (a character offset into `sentence.text`). */
export function mentionStatus(sentence: CodingSentence, index: number): MentionStatus {
  if (sentence.question) return 'question';
  const wordIndex = words(sentence.text.slice(0, index)).length;
  for (const scope of triggerScopes(sentence.text)) {
    if (wordIndex >= scope.start && wordIndex < scope.end) {
      return scope.polarity === 'negated' ? 'negated' : 'uncertain';
    }
  }
  // A hedge counts in the mention's own clause: "your hyperlipidemia …, it's a real possibility,
  // so … possible angina" hedges the angina, not the hyperlipidemia.
  const before =
    sentence.text
      .slice(0, index)
      .split(/[,;:.]/)
      .pop() ?? '';
  const after = sentence.text.slice(index).split(/[,;:.]/)[0] ?? '';
  return EXTRA_UNCERTAIN.test(before + after) || HYPOTHETICAL.test(before) ? 'uncertain' : 'affirmed';
}
