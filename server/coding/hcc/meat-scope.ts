/**
 * Negation and hedge scopes for the MEAT cues, NegEx style: a trigger ("no", "not", "don't",
 * "denies", "without"; "consider", "discussed") governs the next few words up to a clause
 * boundary or a contrast word ("but", "however"); "if" and "unless" govern the rest of the sentence. A few post-triggers ("was not done", "wasn't
 * checked") govern the words before them in the same clause. Offsets are characters of the
 * passage, so a regular-expression match can be asked about directly.
 *
 * @module
 */

const NEGATION = new Set([
  'no',
  'not',
  'never',
  'without',
  'denies',
  'denied',
  'deny',
  'none',
  'nor',
  'neither',
  'cannot',
  "can't",
  "don't",
  "doesn't",
  "didn't",
  "haven't",
  "hasn't",
  "hadn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "won't",
  "wouldn't",
  "shouldn't",
]);

/** A treatment named after these is a plan or a possibility, not a treatment given. */
const HEDGE = new Set([
  'whether',
  'consider',
  'considering',
  'might',
  'may',
  'could',
  'possibly',
  'maybe',
  'perhaps',
  'discussed',
  'discussing',
]);

/** A condition governs its whole sentence: "If it drops below 45, I'll cut it in half." */
const CONDITION = new Set(['if', 'unless']);
const SENTENCE_END = /^[.;:?!]$/;
const MAX_CONDITION_SCOPE = 15;

const TERMINATORS = new Set(['but', 'however', 'although', 'though', 'except', 'yet', 'while', 'and', 'or']);
/** Terminators that end a negation but not a list it governs ("no chest pain or swelling"). */
const LIST_WORDS = new Set(['and', 'or']);
const CLAUSE_END = /^[.,;:?!]$/;
const MAX_SCOPE = 5;

/** "was not done", "wasn't checked": the words before it in its clause did not happen. */
const POST_NEGATED = new Set([
  'done',
  'checked',
  'drawn',
  'obtained',
  'performed',
  'completed',
  'available',
  'ordered',
]);

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Words (keeping "8.6", "nt-probnp", "don't" whole) and clause punctuation. */
const TOKEN = /[a-z0-9]+(?:['’./-][a-z0-9]+)*|[.,;:?!]/g;

function tokensOf(passage: string): Token[] {
  return [...passage.toLowerCase().matchAll(TOKEN)].map((m) => ({
    text: m[0].replace('’', "'"),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

export interface PassageScopes {
  /** Whether the word starting at character `offset` is negated. */
  negatedAt(offset: number): boolean;
  /** Whether it is hedged (conditional, considered, discussed). */
  hedgedAt(offset: number): boolean;
}

function forward(tokens: readonly Token[], from: number, stopAtList: boolean): number {
  let end = from;
  while (end < tokens.length && end - from < MAX_SCOPE) {
    const t = tokens[end]!.text;
    if (CLAUSE_END.test(t) || (TERMINATORS.has(t) && (stopAtList || !LIST_WORDS.has(t)))) break;
    end++;
  }
  return end;
}

function sentenceEnd(tokens: readonly Token[], from: number): number {
  let end = from;
  while (end < tokens.length && end - from < MAX_CONDITION_SCOPE && !SENTENCE_END.test(tokens[end]!.text))
    end++;
  return end;
}

function backward(tokens: readonly Token[], from: number): number {
  let start = from;
  while (start > 0 && from - start < MAX_SCOPE && !CLAUSE_END.test(tokens[start - 1]!.text)) start--;
  return start;
}

export function scopesOf(passage: string): PassageScopes {
  const tokens = tokensOf(passage);
  const negated = new Array<boolean>(tokens.length).fill(false);
  const hedged = new Array<boolean>(tokens.length).fill(false);
  const mark = (flags: boolean[], from: number, to: number) => {
    for (let k = from; k < to; k++) flags[k] = true;
  };
  tokens.forEach((token, i) => {
    if (NEGATION.has(token.text)) {
      const after = tokens[i + 1]?.text === 'been' ? 2 : 1;
      const next = tokens[i + after]?.text;
      if (next !== undefined && POST_NEGATED.has(next)) mark(negated, backward(tokens, i), i);
      else mark(negated, i + 1, forward(tokens, i + 1, false));
    }
    if (HEDGE.has(token.text)) mark(hedged, i + 1, forward(tokens, i + 1, true));
    if (CONDITION.has(token.text)) mark(hedged, i + 1, sentenceEnd(tokens, i + 1));
  });
  const indexAt = (offset: number) => tokens.findIndex((t) => t.end > offset);
  return {
    negatedAt: (offset) => negated[indexAt(offset)] ?? false,
    hedgedAt: (offset) => hedged[indexAt(offset)] ?? false,
  };
}
