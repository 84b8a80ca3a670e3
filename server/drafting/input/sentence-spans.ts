/**
 * Sentence boundaries inside a span of the clinician's input, as `[start, end)` offsets into the
 * original string, trimmed of surrounding whitespace. Rule-based on purpose: visit speech has no
 * reliable capitalisation (ACI-bench style transcripts are lower-cased and tokenised, " . "), so a
 * sentence ends at `.`, `?` or `!` followed by whitespace, except after a title or a common
 * abbreviation ("Dr.", "e.g."), and never inside a decimal ("0.4 mg"). Speech recognisers often
 * give no punctuation at all, so a run-on longer than a sentence is cut where speech turns
 * ("okay", "so", "and then"), which keeps citations to a sentence's worth of words.
 *
 * @module
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Words that end in a full stop without ending the sentence. */
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'st',
  'vs',
  'e.g',
  'i.e',
  'etc',
  'approx',
  'no',
  'pt',
  'fig',
  'jr',
  'sr',
]);

const BOUNDARY = /[.?!]+(?=\s|$)/g;
const WORD_BEFORE = /([A-Za-z.]+)$/;

/** A span trimmed of whitespace at both ends; null when nothing is left. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

function isAbbreviation(text: string, start: number, dotAt: number, punctuation: string): boolean {
  if (punctuation !== '.') return false;
  const before = WORD_BEFORE.exec(text.slice(Math.max(start, dotAt - 8), dotAt));
  const word = before?.[1]?.toLowerCase();
  if (!word) return false;
  // "No." alone is an answer, not an abbreviation of "number": only before a digit is it one.
  if (word === 'no') return /^\s*\d/.test(text.slice(dotAt + 1, dotAt + 4));
  return ABBREVIATIONS.has(word);
}

/** Words that open a new spoken sentence in unpunctuated speech. */
const STRONG_CUES = new Set([
  'okay',
  'ok',
  'so',
  'alright',
  'now',
  'yeah',
  'um',
  'uh',
  'well',
  'but',
  'also',
  'then',
  'right',
]);
const WEAK_CUES = new Set([
  'and',
  'i',
  "i'm",
  "i've",
  'we',
  "we're",
  'you',
  "you're",
  'it',
  "it's",
  'because',
  'which',
  'if',
]);
const WORD = /\S+/g;
const MIN_WORDS = 10;
const LONG_WORDS = 25;
const MAX_WORDS = 45;
/** Longer than this, a span is cut: short when the speech has no punctuation at all. */
const RUN_ON_WORDS = 70;
const UNPUNCTUATED_RUN_ON_WORDS = 30;

/** A run-on span cut into sentence-sized pieces at spoken cues; short spans come back whole. */
export function splitRunOn(text: string, span: Span, runOnWords = RUN_ON_WORDS): Span[] {
  const words: { start: number; end: number; word: string }[] = [];
  WORD.lastIndex = 0;
  const slice = text.slice(span.start, span.end);
  for (let m = WORD.exec(slice); m !== null; m = WORD.exec(slice)) {
    words.push({
      start: span.start + m.index,
      end: span.start + m.index + m[0].length,
      word: m[0].toLowerCase(),
    });
  }
  // A punctuated sentence is rarely this long; only run-ons are cut.
  if (words.length <= runOnWords) return [span];
  const out: Span[] = [];
  let first = 0;
  for (let i = 1; i < words.length; i++) {
    const length = i - first;
    const word = words[i]!.word.replace(/[^a-z']/g, '');
    const cut =
      (length >= MIN_WORDS && STRONG_CUES.has(word)) ||
      (length >= LONG_WORDS && WEAK_CUES.has(word)) ||
      length >= MAX_WORDS;
    if (cut && words.length - i >= 4) {
      out.push({ start: words[first]!.start, end: words[i - 1]!.end });
      first = i;
    }
  }
  out.push({ start: words[first]!.start, end: span.end });
  return out;
}

/** The sentences of `text[start, end)`, in order; whitespace-only pieces are dropped. */
export function sentenceSpans(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  const slice = text.slice(start, end);
  let from = start;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(slice); m !== null; m = BOUNDARY.exec(slice)) {
    const dotAt = start + m.index;
    if (isAbbreviation(text, from, dotAt, m[0])) continue;
    const span = trimSpan(text, from, dotAt + m[0].length);
    // A lone "." from tokenised text (" , . ") joins the sentence before it.
    if (span && /[A-Za-z0-9]/.test(text.slice(span.start, span.end))) spans.push(span);
    else if (span && spans.length > 0) {
      const last = spans.pop()!;
      spans.push({ start: last.start, end: span.end });
    }
    from = dotAt + m[0].length;
  }
  const rest = trimSpan(text, from, end);
  if (rest) {
    if (/[A-Za-z0-9]/.test(text.slice(rest.start, rest.end)) || spans.length === 0) spans.push(rest);
    else {
      const last = spans.pop()!;
      spans.push({ start: last.start, end: rest.end });
    }
  }
  const limit = /[.?!]/.test(slice) ? RUN_ON_WORDS : UNPUNCTUATED_RUN_ON_WORDS;
  return spans.flatMap((span) => splitRunOn(text, span, limit));
}
