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

interface Trigger {
  readonly phrase: string;
  readonly words: readonly string[];
  readonly polarity: Polarity;
  readonly post: boolean;
}

/** Every trigger, indexed by its first word, longest first within each, so lookup is one map read. */
const TRIGGERS_BY_FIRST = new Map<string, Trigger[]>();
for (const [phrases, polarity, post] of [
  [POST_NEGATION, 'negated', true],
  [PRE_NEGATION, 'negated', false],
  [PRE_UNCERTAIN, 'uncertain', false],
] as const) {
  for (const phrase of phrases) {
    const words = phrase.split(' ');
    const list = TRIGGERS_BY_FIRST.get(words[0]!) ?? [];
    list.push({ phrase, words, polarity, post });
    TRIGGERS_BY_FIRST.set(words[0]!, list);
  }
}
for (const list of TRIGGERS_BY_FIRST.values()) list.sort((a, b) => b.words.length - a.words.length);

function matches(tokens: readonly string[], at: number, trigger: Trigger): boolean {
  return trigger.words.every((w, k) => tokens[at + k] === w);
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
    const candidates = TRIGGERS_BY_FIRST.get(tokens[i]!);
    if (!candidates) continue;
    const post = candidates.find((t) => t.post && matches(tokens, i, t));
    if (post) {
      let start = i;
      while (start > 0 && i - start < MAX_SCOPE && !/^[.;:?!,]$/.test(tokens[start - 1]!)) start--;
      scopes.push({ polarity: 'negated', trigger: post.phrase, start, end: i });
    }
    const pre = candidates.find((t) => !t.post && matches(tokens, i, t));
    if (pre) {
      const length = pre.words.length;
      scopes.push({
        polarity: pre.polarity,
        trigger: pre.phrase,
        start: i + length,
        end: forwardScope(tokens, i + length),
      });
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
  /^\s*(?:yes|yeah|yep|yup|uh-huh|mm-hmm|correct|right|(?:i do|i have|i did|it does|it is|they do)(?!\s+not)|sometimes|a little|a bit|occasionally|definitely|absolutely|sure)\b/i;

export type AnswerPolarity = 'yes' | 'no' | 'unclear';

/** The polarity of an answer to a yes/no question. */
export function answerPolarity(answer: string): AnswerPolarity {
  if (NEGATIVE_ANSWER.test(answer)) return 'no';
  if (AFFIRMATIVE_ANSWER.test(answer)) return 'yes';
  return 'unclear';
}
