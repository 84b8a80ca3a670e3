/**
 * The words of spoken English numbers, for `spoken-numbers`: units, teens, tens (and decades,
 * "fifties"), scales, fractions, and the words around a lone "one" that make it a pronoun.
 *
 * @module
 */

export const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
export const TEENS: Readonly<Record<string, number>> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
export const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
/** "the fifties", "one-sixties": a decade of readings. */
export const TENS_PLURAL: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(TENS).map(([word, value]) => [`${word.slice(0, -1)}ies`, value]),
);
export const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1_000, million: 1_000_000 };
export const FRACTIONS: Readonly<Record<string, string>> = { half: '5', quarter: '25' };

/** Words before a lone "one" that make it a pronoun ("no one", "the left one"). */
export const PRONOUN_BEFORE = new Set([
  'no',
  'any',
  'some',
  'every',
  'each',
  'the',
  'this',
  'that',
  'which',
  'another',
  'a',
  'left',
  'right',
  'new',
  'old',
  'other',
  'last',
  'same',
  'big',
  'small',
  'little',
  'good',
  'bad',
  'next',
  'only',
  'someone',
]);
/** Words after a lone "one" that make it a pronoun ("one of the", "one another"). */
export const PRONOUN_AFTER = new Set(['of', 'another', 'who', 'that', 'which']);

export type Kind = 'unit' | 'teen' | 'tens' | 'scale';

export function kindOf(word: string): Kind | undefined {
  if (word in UNITS) return 'unit';
  if (word in TEENS) return 'teen';
  if (word in TENS || word in TENS_PLURAL) return 'tens';
  if (word in SCALES) return 'scale';
  return undefined;
}

export function valueOf(word: string): number {
  return UNITS[word] ?? TEENS[word] ?? TENS[word] ?? TENS_PLURAL[word] ?? SCALES[word] ?? 0;
}
