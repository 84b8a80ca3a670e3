/**
 * Finds the lexicon terms (conditions, drugs, tests) a sentence names, longest first, with their
 * character offsets so evidence can quote them. Words are compared, not characters: a lexicon is
 * indexed by each term's first word, so a sentence costs one map read per word however many
 * terms there are (hundreds of regular-expression alternatives would be tried at every character).
 * Hyphens separate words ("x-ray" = "x ray"), and a plural "s" on a term's last word is accepted.
 *
 * @module
 */

interface Token {
  readonly word: string;
  readonly singular: string | undefined;
  readonly start: number;
  readonly end: number;
}

interface Phrase<T> {
  readonly words: readonly string[];
  readonly entry: T;
}

/** Terms indexed by their first word, longest phrase first within each. */
export interface TermIndex<T> {
  readonly byFirst: ReadonlyMap<string, readonly Phrase<T>[]>;
}

export interface TermMatch<T> {
  readonly entry: T;
  /** Offsets into the text searched. */
  readonly start: number;
  readonly end: number;
  /** The words as written, lower-cased. */
  readonly text: string;
}

const WORD = /[a-z0-9]+(?:['.][a-z0-9]+)*/g;

function tokens(lower: string): Token[] {
  const out: Token[] = [];
  for (const m of lower.matchAll(WORD)) {
    out.push({ word: m[0], singular: singular(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Tokens and matches per text, so each sentence is tokenised and looked up once per lexicon. */
const CACHE_SIZE = 1000;
const tokenCache = new Map<string, Token[]>();
const matchCache = new WeakMap<object, Map<string, readonly TermMatch<unknown>[]>>();

function cachedTokens(lower: string): Token[] {
  let toks = tokenCache.get(lower);
  if (!toks) {
    if (tokenCache.size >= CACHE_SIZE) tokenCache.clear();
    toks = tokens(lower);
    tokenCache.set(lower, toks);
  }
  return toks;
}

/** The words of a term as the matcher compares them. */
export function termWords(term: string): string[] {
  return [...term.toLowerCase().replace(/[’‘]/g, "'").matchAll(WORD)].map((m) => m[0]);
}

function singular(word: string): string | undefined {
  if (word.length > 3 && word.endsWith('es') && /(?:ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 2 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return undefined;
}

/** Index `entries` by every term `termsOf` gives; a term listed twice keeps its first entry. */
export function indexTerms<T>(entries: readonly T[], termsOf: (entry: T) => readonly string[]): TermIndex<T> {
  const byFirst = new Map<string, Phrase<T>[]>();
  const seen = new Set<string>();
  for (const entry of entries) {
    for (const term of termsOf(entry)) {
      const words = termWords(term);
      const key = words.join(' ');
      if (words.length === 0 || seen.has(key)) continue;
      seen.add(key);
      const list = byFirst.get(words[0]!) ?? [];
      list.push({ words, entry });
      byFirst.set(words[0]!, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst };
}

function matchesAt<T>(toks: readonly Token[], at: number, phrase: Phrase<T>): boolean {
  const last = phrase.words.length - 1;
  for (let k = 0; k <= last; k++) {
    const tok = toks[at + k];
    if (tok === undefined) return false;
    const w = phrase.words[k];
    if (tok.word !== w && !(k === last && tok.singular === w)) return false;
  }
  return true;
}

function longest<T>(
  toks: readonly Token[],
  at: number,
  list: readonly Phrase<T>[] | undefined,
  best: Phrase<T> | undefined,
): Phrase<T> | undefined {
  if (!list) return best;
  for (const phrase of list) {
    if ((!best || phrase.words.length > best.words.length) && matchesAt(toks, at, phrase)) best = phrase;
  }
  return best;
}

function scan<T>(index: TermIndex<T>, lower: string): TermMatch<T>[] {
  const toks = cachedTokens(lower);
  const out: TermMatch<T>[] = [];
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    let best = longest(toks, i, index.byFirst.get(tok.word), undefined);
    if (tok.singular !== undefined) best = longest(toks, i, index.byFirst.get(tok.singular), best);
    if (!best) continue;
    const last = toks[i + best.words.length - 1]!;
    out.push({ entry: best.entry, start: tok.start, end: last.end, text: lower.slice(tok.start, last.end) });
    i += best.words.length - 1;
  }
  return out;
}

/** Every term of `index` in `lower` (lower-cased text), left to right, longest match at each word. */
export function findTerms<T>(index: TermIndex<T>, lower: string): readonly TermMatch<T>[] {
  let byText = matchCache.get(index) as Map<string, readonly TermMatch<T>[]> | undefined;
  if (!byText) {
    byText = new Map();
    matchCache.set(index, byText);
  }
  let found = byText.get(lower);
  if (!found) {
    if (byText.size >= CACHE_SIZE) byText.clear();
    found = scan(index, lower);
    byText.set(lower, found);
  }
  return found;
}
