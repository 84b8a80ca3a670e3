/**
 * How descriptions and queries become words, the same way for both: lower case, apostrophes
 * dropped (`Alzheimer's` → `alzheimers`), split on anything that is not a letter or a digit, and
 * the little words that carry no meaning in a code description left out. Queries also get
 * British spellings in American form (`anaemia` → `anemia`), as ICD-10-CM writes them.
 *
 * @module
 */

/** Never indexed, ignored in queries: "diabetes with hyperglycemia" = "diabetes hyperglycemia". */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);

const APOSTROPHES = /['’]/g;
const SEPARATORS = /[^a-z0-9]+/;

/** The meaningful words of `text`, in order, repeats kept. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .split(SEPARATORS)
    .filter((w) => w !== '' && !STOPWORDS.has(w));
}

/**
 * The last word of a query still being typed when it is a stopword (`urinary tract in`): it may
 * be the start of a word ("infection"), so search tries it as a prefix too.
 */
export function trailingStopword(query: string): string | undefined {
  const match = /([a-z]+)$/.exec(query.toLowerCase());
  return match?.[1] !== undefined && STOPWORDS.has(match[1]) ? match[1] : undefined;
}

/** `gastro-esophageal` → `gastroesophageal`: the joined forms people also type. */
export function joinedCompounds(text: string): string[] {
  const found = text
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .match(/[a-z0-9]+(?:-[a-z0-9]+)+/g);
  return found ? found.map((w) => w.replaceAll('-', '')) : [];
}

const BRITISH: readonly (readonly [RegExp, string])[] = [
  [/^o(esophag)/, '$1'],
  [/^oedem/, 'edem'],
  [/^paed/, 'ped'],
  [/^orthopaed/, 'orthoped'],
  [/haem/g, 'hem'],
  [/aemia/g, 'emia'],
  [/ischaem/g, 'ischem'],
  [/^diarrhoea/, 'diarrhea'],
  [/^dyspnoea/, 'dyspnea'],
  [/^tumour/, 'tumor'],
  [/^behaviour/, 'behavior'],
  [/^foet/, 'fet'],
];

/** A query word in the spelling ICD-10-CM uses. */
export function americanSpelling(word: string): string {
  let out = word;
  for (const [pattern, replacement] of BRITISH) out = out.replace(pattern, replacement);
  return out;
}
