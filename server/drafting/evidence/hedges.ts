/**
 * Whether a sentence drops a hedge its evidence puts on the same subject: the evidence says
 * "probably an ankle sprain", the sentence says "Ankle sprain." NegEx-style: a list of uncertainty
 * triggers, a short scope around each (ended by terminators such as "but"), and a sentence that
 * keeps any hedge of its own is left alone.
 *
 * @module
 */

/** NegEx-style uncertainty triggers: evidence that says these is not a finding yet. */
const HEDGES = [
  'probably',
  'probable',
  'possible',
  'possibly',
  'likely',
  'might be',
  'may be',
  'could be',
  'rule out',
  'ruling out',
  'r/o',
  'suspect',
  'suspected',
  'suspicious for',
  'concern for',
  'concerning for',
  'versus',
  'vs',
  'i think',
  'not sure',
  'cannot exclude',
  "can't exclude",
  'question of',
  'presumed',
  'differential',
];
/** Words that keep a sentence hedged, beyond the triggers themselves. */
const SENTENCE_HEDGES = [
  ...HEDGES,
  'may',
  'might',
  'could',
  'uncertain',
  'unclear',
  'unlikely',
  'not confirmed',
  'unconfirmed',
  'doubt',
  'consider',
  'query',
  'if',
  'unless',
  'whether',
  '?',
];

const STOP = new Set(
  (
    'the and for with that this from have has had was were are is be been being not but you your she her ' +
    "his him they them their our its it’s it's what which who when where how there here then than also just " +
    'some any all one out about into over after before more less very really think going get got well okay ' +
    'patient doctor today said says she’s he’s i’m we’re can will would should could might may'
  ).split(' '),
);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function hedgePattern(words: readonly string[], flags: string): RegExp {
  const alternatives = words.map((w) => (/^\w/.test(w) ? `\\b${escape(w)}\\b` : escape(w)));
  return new RegExp(alternatives.join('|'), flags);
}

const EVIDENCE_HEDGE = hedgePattern(HEDGES, 'gi');
const SENTENCE_HEDGE = hedgePattern(SENTENCE_HEDGES, 'i');

/** Content words of `text`, lower case, plural "s" dropped, so "ankles" meets "ankle". */
function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z][a-z'’-]+/g) ?? [];
  return new Set(words.filter((w) => w.length >= 3 && !STOP.has(w)).map((w) => w.replace(/(?<=\w\w)s$/, '')));
}

// NegEx termination: a hedge's scope ends at these ("probably not pneumonia, but you've had fever").
const TERMINATION = /,?\s+\b(?:but|however|although|though|except|because|so)\b|[,:]\s+(?=and\b)/i;

/** The content words a hedge covers: up to 3 before it in its clause, and the first 4 after it. */
function hedgeScope(clause: string, index: number, length: number): { before: string[]; after: string[] } {
  const beforeText = clause.slice(0, index).split(TERMINATION).at(-1) ?? '';
  const afterText = clause.slice(index + length).split(TERMINATION)[0] ?? '';
  return {
    before: [...contentWords(beforeText.split(/\s+/).slice(-3).join(' '))],
    after: [...contentWords(afterText.split(/\s+/).slice(0, 8).join(' '))].slice(0, 4),
  };
}

/**
 * The hedge the evidence puts on the sentence's subject, when the sentence drops it. The subject
 * counts as the same when the sentence shares two of the hedge's words (one when the hedge is
 * followed by one word), so "probably knee X-rays" does not hedge "left knee pain".
 */
export function droppedHedge(sentence: string, evidence: string): string | undefined {
  if (SENTENCE_HEDGE.test(sentence)) return undefined;
  const subject = contentWords(sentence);
  for (const clause of evidence.split(/[.;!?\n]+/)) {
    for (const match of clause.matchAll(EVIDENCE_HEDGE)) {
      const { before, after } = hedgeScope(clause, match.index, match[0].length);
      const shared = new Set([...before, ...after].filter((w) => subject.has(w))).size;
      if (shared > 0 && shared >= Math.min(2, after.length || before.length)) return match[0];
    }
  }
  return undefined;
}
