/**
 * NegEx-style negation and uncertainty: a trigger ("no", "denies", "without", "negative for";
 * "possible", "rule out", "I think") governs the words after it (or, for a few, before it) up to a
 * scope terminator ("but", "however", a clause boundary) or six words. The engine uses it to read
 * answers ("No, not that I've noticed"), to file denials under the review of systems, and as a
 * guard: a rewritten sentence must keep every negation and hedge of the words it came from.
 *
 * @module
 */

export type Polarity = 'negated' | 'uncertain';

export interface TriggerScope {
  readonly polarity: Polarity;
  readonly trigger: string;
  /** Word indexes `[start, end)` the trigger governs. */
  readonly start: number;
  readonly end: number;
}

/** Triggers before the words they govern, longest first so "no evidence of" wins over "no". */
const PRE_NEGATION = [
  'no evidence of',
  'negative for',
  'free of',
  'absence of',
  'no signs of',
  'no sign of',
  'ruled out',
  'denies',
  'denied',
  'deny',
  'without',
  'never',
  'not',
  'no',
  'none',
  'nor',
  'cannot',
];
const POST_NEGATION = ['is negative', 'was negative', 'were negative', 'ruled out', 'unlikely', 'resolved'];
const PRE_UNCERTAIN = [
  'rule out',
  'r/o',
  'concern for',
  'concerning for',
  'suspicious for',
  'question of',
  'could be',
  'may be',
  'might be',
  'possible',
  'possibly',
  'probable',
  'probably',
  'likely',
  'maybe',
  'perhaps',
  'suspect',
  'suspected',
  'i think',
  'seems',
  'versus',
  'vs',
  'differential',
  'consider',
  'presumed',
];

const TERMINATORS = new Set([
  'but',
  'however',
  'although',
  'though',
  'except',
  'yet',
  'which',
  'who',
  'apart',
  'aside',
]);
const MAX_SCOPE = 6;

const WORD = /[a-z0-9/'-]+|[.,;:?!]/g;

/** Lower-cased words and clause punctuation, in order. */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

function matchAt(tokens: readonly string[], at: number, phrase: string): number {
  const parts = phrase.split(' ');
  for (let k = 0; k < parts.length; k++) if (tokens[at + k] !== parts[k]) return 0;
  return parts.length;
}

function forwardScope(tokens: readonly string[], from: number): number {
  let end = from;
  while (end < tokens.length && end - from < MAX_SCOPE) {
    const t = tokens[end]!;
    if (TERMINATORS.has(t) || /^[.;:?!]$/.test(t)) break;
    end++;
  }
  return end;
}

/** Every negation and uncertainty trigger in `text` with the words it governs. */
export function triggerScopes(text: string): TriggerScope[] {
  const tokens = words(text);
  const scopes: TriggerScope[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const post = POST_NEGATION.find((p) => matchAt(tokens, i, p) > 0);
    if (post) {
      let start = i;
      while (start > 0 && i - start < MAX_SCOPE && !/^[.;:?!,]$/.test(tokens[start - 1]!)) start--;
      scopes.push({ polarity: 'negated', trigger: post, start, end: i });
    }
    const pre =
      PRE_NEGATION.find((p) => matchAt(tokens, i, p) > 0) ??
      PRE_UNCERTAIN.find((p) => matchAt(tokens, i, p) > 0);
    if (pre) {
      const length = matchAt(tokens, i, pre);
      const polarity: Polarity = PRE_NEGATION.includes(pre) ? 'negated' : 'uncertain';
      scopes.push({ polarity, trigger: pre, start: i + length, end: forwardScope(tokens, i + length) });
      i += length - 1;
    }
  }
  return scopes;
}

/** Whether `term` (one or more words) sits inside a scope of `polarity` in `text`. */
export function isInScope(text: string, term: string, polarity: Polarity): boolean {
  const tokens = words(text);
  const termWords = words(term);
  if (termWords.length === 0) return false;
  const scopes = triggerScopes(text).filter((s) => s.polarity === polarity);
  for (let i = 0; i < tokens.length; i++) {
    if (termWords.every((w, k) => tokens[i + k] === w)) {
      if (scopes.some((s) => i >= s.start && i < s.end)) return true;
    }
  }
  return false;
}

/** How many triggers of each polarity `text` holds. */
function triggerCounts(text: string): Record<Polarity, number> {
  const counts: Record<Polarity, number> = { negated: 0, uncertain: 0 };
  for (const scope of triggerScopes(text)) counts[scope.polarity]++;
  return counts;
}

/**
 * True when `rewritten` holds at least as many negations and hedges as `source`: the guard that a
 * rewrite never turned "no chest pain" into "chest pain" or "possible pneumonia" into "pneumonia".
 */
export function keepsPolarity(source: string, rewritten: string): boolean {
  const before = triggerCounts(source);
  const after = triggerCounts(rewritten);
  return after.negated >= before.negated && after.uncertain >= before.uncertain;
}

/** A negative answer: "No.", "Nope", "Not really", "No, not that I've noticed", "Never". */
const NEGATIVE_ANSWER =
  /^\s*(?:no+|nope|nah|not really|not at all|never|none|negative|i do not|i have not|i did not|not that i (?:know|have noticed|can think of))\b/i;
const AFFIRMATIVE_ANSWER =
  /^\s*(?:yes|yeah|yep|yup|uh-huh|mm-hmm|correct|right|i do|i have|i did|i am|sometimes|a little|a bit|occasionally|definitely|absolutely|sure|it does|it is|they do)\b/i;

export type AnswerPolarity = 'yes' | 'no' | 'unclear';

/** The polarity of an answer to a yes/no question. */
export function answerPolarity(answer: string): AnswerPolarity {
  if (NEGATIVE_ANSWER.test(answer)) return 'no';
  if (AFFIRMATIVE_ANSWER.test(answer)) return 'yes';
  return 'unclear';
}
