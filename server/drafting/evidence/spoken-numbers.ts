/**
 * Spoken numbers to digits, for comparison only: a sentence that says "5 weeks" is supported by a
 * transcript that says "five weeks", and "150s" by "one-fifties". The result is not meant to be
 * shown and its offsets do not line up with the input; compare, never slice.
 *
 * Rules worth knowing: the clinic's shorthand "one-eighty" (180) and "one forty over ninety"
 * (140 over 90); fractions ("two and a half" → 2.5) and decimals ("eight point six" → 8.6);
 * thousands separators dropped ("1,450" → 1450). A lone "one" used as a pronoun ("no one",
 * "one of the", "the left one") stays a word.
 *
 * @module
 */
import type { Kind } from './number-words.ts';
import {
  FRACTIONS,
  kindOf,
  PRONOUN_AFTER,
  PRONOUN_BEFORE,
  TENS,
  TENS_PLURAL,
  valueOf,
} from './number-words.ts';

interface Token {
  readonly text: string;
  readonly word?: string;
  readonly digits?: boolean;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[A-Za-z]+|\d+(?:\.\d+)?|\s+|[^A-Za-z\d\s]/g)) {
    const raw = match[0];
    if (/^[A-Za-z]/.test(raw)) tokens.push({ text: raw, word: raw.toLowerCase() });
    else if (/^\d/.test(raw)) tokens.push({ text: raw, digits: true });
    else tokens.push({ text: raw });
  }
  return tokens;
}

/** A parsed number: tokens [start, end) become `digits`. */
interface Parsed {
  readonly end: number;
  readonly digits: string;
  /** Number words consumed, to tell a lone "one" apart. */
  readonly words: number;
}

class Reader {
  constructor(private readonly tokens: readonly Token[]) {}

  word(i: number): string | undefined {
    return this.tokens[i]?.word;
  }

  /** Index of the next word after one separator at `i` ("-" or spaces), when there is one. */
  next(i: number, allowHyphen = true): { index: number; hyphen: boolean } | undefined {
    const sep = this.tokens[i]?.text;
    if (sep === undefined) return undefined;
    const hyphen = sep === '-';
    if (!hyphen && !/^[ \t]+$/.test(sep)) return undefined;
    if (hyphen && !allowHyphen) return undefined;
    return this.tokens[i + 1]?.word !== undefined || this.tokens[i + 1]?.digits
      ? { index: i + 1, hyphen }
      : undefined;
  }

  /** The words of `phrase` (lower case, single spaces) start at word index `i`? Returns the end. */
  phrase(i: number, phrase: readonly string[]): number | undefined {
    let at = i;
    for (const [n, want] of phrase.entries()) {
      if (n > 0) {
        const step = this.next(at, false);
        if (!step) return undefined;
        at = step.index;
      }
      if (this.word(at) !== want) return undefined;
      at += 1;
    }
    return at;
  }
}

/** "one-eighty", "one forty over …", "one-fifties": hundreds said as two numbers. */
function parseShorthand(reader: Reader, i: number): Parsed | undefined {
  const first = reader.word(i);
  if (first === undefined || kindOf(first) !== 'unit' || valueOf(first) === 0) return undefined;
  const step = reader.next(i + 1);
  const second = step && reader.word(step.index);
  if (!step || second === undefined) return undefined;
  const secondKind = kindOf(second);
  if (secondKind !== 'tens' && secondKind !== 'teen') return undefined;
  let value = valueOf(first) * 100 + valueOf(second);
  let end = step.index + 1;
  if (second in TENS) {
    const unitStep = reader.next(end);
    const unit = unitStep && reader.word(unitStep.index);
    if (unitStep && unit !== undefined && kindOf(unit) === 'unit' && valueOf(unit) > 0) {
      value += valueOf(unit);
      end = unitStep.index + 1;
    }
  }
  if (!step.hyphen && reader.phrase(reader.next(end)?.index ?? -1, ['over']) === undefined) return undefined;
  return { end, digits: `${value}${second in TENS_PLURAL ? 's' : ''}`, words: 2 };
}

/** Standard cardinals: "one hundred and fifty", "twenty-two thousand", "a thousand", "fifties". */
function parseCardinal(reader: Reader, tokens: readonly Token[], i: number): Parsed | undefined {
  let total = 0;
  let current = 0;
  let last: Kind | 'digits' | undefined;
  let at = i;
  let end = i;
  let words = 0;
  let plural = false;
  const startWord = reader.word(i);
  if (startWord === 'a') {
    const step = reader.next(i + 1, false);
    if (!step || kindOf(reader.word(step.index) ?? '') !== 'scale') return undefined;
    current = 1;
    last = 'unit';
    at = step.index;
  } else if (tokens[i]?.digits) {
    if (tokens[i]?.text.includes('.')) return undefined;
    current = Number(tokens[i]?.text);
    last = 'digits';
    end = i + 1;
    const step = reader.next(i + 1, false);
    if (!step || kindOf(reader.word(step.index) ?? '') !== 'scale') return undefined;
    at = step.index;
  }
  for (;;) {
    const word = reader.word(at);
    const kind = word === undefined ? undefined : kindOf(word);
    if (word === undefined || kind === undefined) break;
    const value = valueOf(word);
    const allowed =
      kind === 'unit'
        ? last === undefined || last === 'scale' || (last === 'tens' && current % 10 === 0)
        : kind === 'teen' || kind === 'tens'
          ? last === undefined || (last === 'scale' && current % 100 === 0)
          : last !== undefined &&
            current > 0 &&
            (value > 100 ? total === 0 || total > value * 1000 : current < 100);
    if (!allowed) break;
    if (kind === 'scale') {
      if (value === 100) current *= 100;
      else {
        total += current * value;
        current = 0;
      }
    } else current += value;
    last = kind;
    words += 1;
    end = at + 1;
    if (word in TENS_PLURAL) {
      plural = true;
      break;
    }
    const step = reader.next(end);
    if (!step) break;
    // "one hundred and fifty": "and" only joins a scale word to what follows it.
    if (last === 'scale' && reader.word(step.index) === 'and') {
      const after = reader.next(step.index + 1, false);
      const afterKind = after && kindOf(reader.word(after.index) ?? '');
      if (!after || afterKind === undefined || afterKind === 'scale') break;
      at = after.index;
    } else at = step.index;
  }
  if (last === undefined || (words === 0 && last !== 'digits') || end === i) return undefined;
  return { end, digits: `${total + current}${plural ? 's' : ''}`, words };
}

/** "… point six", "… and a half": the decimal part after a whole number, when there is one. */
function parseFraction(reader: Reader, end: number): { end: number; decimals: string } | undefined {
  const step = reader.next(end, false);
  if (!step) return undefined;
  if (reader.word(step.index) === 'point') {
    let decimals = '';
    let at = step.index + 1;
    for (;;) {
      const digit = reader.next(at, false);
      const word = digit && reader.word(digit.index);
      if (!digit || word === undefined || (kindOf(word) !== 'unit' && word !== 'oh')) break;
      decimals += word === 'oh' ? '0' : String(valueOf(word));
      at = digit.index + 1;
    }
    return decimals === '' ? undefined : { end: at, decimals };
  }
  for (const [name, decimals] of Object.entries(FRACTIONS)) {
    const after =
      reader.phrase(step.index, ['and', 'a', name]) ?? reader.phrase(step.index, ['and', 'one', name]);
    if (after !== undefined) return { end: after, decimals };
  }
  const threeQuarters = reader.phrase(step.index, ['and', 'three', 'quarters']);
  return threeQuarters === undefined ? undefined : { end: threeQuarters, decimals: '75' };
}

function previousWord(tokens: readonly Token[], i: number): string | undefined {
  const before = tokens[i - 1];
  if (!before || !/^[ \t]+$/.test(before.text)) return undefined;
  return tokens[i - 2]?.word;
}

/** A lone "one" that is a pronoun rather than a count. */
function isPronounOne(reader: Reader, tokens: readonly Token[], i: number): boolean {
  if (tokens[i + 1]?.text === '-') return false; // "a one-year history"
  const before = previousWord(tokens, i);
  if (before !== undefined && PRONOUN_BEFORE.has(before)) return true;
  const after = reader.next(i + 1, false);
  return after !== undefined && PRONOUN_AFTER.has(reader.word(after.index) ?? '');
}

/**
 * `text` with every spoken number written in digits and thousands separators removed, for
 * comparing a sentence with its evidence. Everything else is left as it was.
 */
export function spokenNumbersToDigits(text: string): string {
  const plain = text.replace(/(?<![\d.,])\d{1,3}(?:,\d{3})+(?!\d)/g, (n) => n.replaceAll(',', ''));
  const tokens = tokenize(plain);
  const reader = new Reader(tokens);
  let out = '';
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i];
    if (token === undefined) break;
    const parsed =
      token.word !== undefined || token.digits
        ? (parseShorthand(reader, i) ?? parseCardinal(reader, tokens, i) ?? digitsOnly(token, i))
        : undefined;
    if (!parsed) {
      out += token.text;
      i += 1;
      continue;
    }
    const fraction = parsed.digits.endsWith('s') ? undefined : parseFraction(reader, parsed.end);
    if (!fraction && parsed.words === 1 && token.word === 'one' && isPronounOne(reader, tokens, i)) {
      out += token.text;
      i += 1;
      continue;
    }
    out += fraction ? `${parsed.digits}.${fraction.decimals}` : parsed.digits;
    i = fraction ? fraction.end : parsed.end;
  }
  return out;
}

/** A digit token stands for itself, so "7 point 8" and "2 and a half" read as decimals. */
function digitsOnly(token: Token, i: number): Parsed | undefined {
  return token.digits && !token.text.includes('.') ? { end: i + 1, digits: token.text, words: 0 } : undefined;
}
