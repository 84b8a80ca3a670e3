/**
 * The details of a sentence a reader acts on and a model most easily gets wrong: numbers (counts,
 * decimals, ranges, ratios, dates and times), doses and measurements (a number with a unit),
 * medication names and laterality. `check-sentence` looks for each in the sentence's evidence.
 * Values are normalised for comparison; `raw` is the text as written, for the flag's message.
 *
 * Run it on text already passed through `spokenNumbersToDigits`, or spoken numbers are missed.
 *
 * @module
 */
import type { MedicationLexicon } from './medication-lexicon.ts';
import { medicationKey } from './medication-lexicon.ts';

export type DetailKind = 'number' | 'dose' | 'medication' | 'laterality';

export interface Detail {
  readonly kind: DetailKind;
  /** "150-180", "146/86", "40 mg", "2.5 mg", "apixaban", "left", "bilateral". */
  readonly value: string;
  /** As written in the text. */
  readonly raw: string;
  /** The numbers a number or dose holds, in order (a range or ratio has two, a date three). */
  readonly amounts?: readonly number[];
  /** A dose's canonical unit ("mg", "%", "mmHg"). */
  readonly unit?: string;
  /** The body part a laterality names, singular ("ankle", "tympanic"), when it names one. */
  readonly site?: string;
}

/** Unit spellings → canonical unit, longest first when matched. */
const UNIT_ALIASES: Readonly<Record<string, string>> = {
  mg: 'mg',
  mgs: 'mg',
  milligram: 'mg',
  milligrams: 'mg',
  mcg: 'mcg',
  ug: 'mcg',
  µg: 'mcg',
  microgram: 'mcg',
  micrograms: 'mcg',
  g: 'g',
  gm: 'g',
  gram: 'g',
  grams: 'g',
  kg: 'kg',
  kilo: 'kg',
  kilos: 'kg',
  kilogram: 'kg',
  kilograms: 'kg',
  lb: 'lb',
  lbs: 'lb',
  pound: 'lb',
  pounds: 'lb',
  ml: 'mL',
  cc: 'mL',
  milliliter: 'mL',
  milliliters: 'mL',
  millilitre: 'mL',
  millilitres: 'mL',
  l: 'L',
  liter: 'L',
  liters: 'L',
  litre: 'L',
  litres: 'L',
  unit: 'units',
  units: 'units',
  iu: 'units',
  meq: 'mEq',
  'mg/dl': 'mg/dL',
  'mmol/l': 'mmol/L',
  'pg/ml': 'pg/mL',
  'ng/ml': 'ng/mL',
  mmhg: 'mmHg',
  'mm hg': 'mmHg',
  bpm: 'bpm',
  '%': '%',
  percent: '%',
  cm: 'cm',
  centimeter: 'cm',
  centimeters: 'cm',
  mm: 'mm',
  millimeter: 'mm',
  millimeters: 'mm',
  millimetre: 'mm',
  millimetres: 'mm',
  centimetre: 'cm',
  centimetres: 'cm',
};

/** Units usually dropped in speech ("pressure 132 over 78", "A1c 7.4"): the numbers alone verify them. */
export const LOOSE_UNITS: ReadonlySet<string> = new Set([
  'mmHg',
  '%',
  'kg',
  'lb',
  'bpm',
  'mg/dL',
  'mmol/L',
  'pg/mL',
  'ng/mL',
]);

const UNIT_PATTERN = Object.keys(UNIT_ALIASES)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/[/%]/g, '\\$&').replace(' ', '\\s?'))
  .join('|');

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:s|st|nd|rd|th)?`;
// A number not glued to a word ("A1c", "COVID-19", "B12").
const START = String.raw`(?<![A-Za-z\d.]|[A-Za-z]-)`;
const DATE = String.raw`\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?`;
const JOIN = String.raw`\s*(?:-|–|/|\bto\b|\bthrough\b|\bover\b|\band\b|\bor\b)\s*`;
const QUANTITY = new RegExp(
  String.raw`${START}(?:(${DATE})|(${NUM}(?:${JOIN}${NUM})*))` +
    String.raw`(?:(?:\s?|-)(${UNIT_PATTERN})(?![A-Za-z/]))?(?![A-Za-z\d])`,
  'gi',
);

function numbersIn(text: string): number[] {
  return (text.replaceAll(',', '').match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
}

interface Group {
  readonly raw: string;
  readonly value: string;
  readonly amounts: number[];
}

/** "150 to 180" → "150-180"; "49 and 51" → "49", "51"; "132 over 78" → "132/78"; "150s". */
function groupsOf(chain: string): Group[] {
  const groups: Group[] = [];
  for (const part of chain.split(/\s*\b(?:and|or)\b\s*/i)) {
    const amounts = numbersIn(part);
    if (amounts.length === 0) continue;
    const joiner = /\/|\bover\b/i.test(part) ? '/' : '-';
    const value = (part.replaceAll(',', '').match(/\d+(?:\.\d+)?s?/gi) ?? []).map(
      (n) => Number.parseFloat(n) + (/s$/i.test(n) ? 's' : ''),
    );
    groups.push({ raw: part, value: value.join(joiner), amounts });
  }
  return groups;
}

function numberDetails(text: string): Detail[] {
  const details: Detail[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    const [raw, date, chain, unitWord] = match;
    if (date !== undefined) {
      details.push({ kind: 'number', value: date, raw, amounts: numbersIn(date) });
      continue;
    }
    const unit = unitWord === undefined ? undefined : UNIT_ALIASES[unitWord.toLowerCase()];
    const groups = groupsOf(chain ?? '');
    for (const group of groups) {
      const groupRaw = groups.length === 1 ? raw : group.raw;
      if (unit === undefined) {
        details.push({ kind: 'number', value: group.value, raw: groupRaw, amounts: group.amounts });
      } else {
        const value = unit === '%' ? `${group.value}%` : `${group.value} ${unit}`;
        details.push({
          kind: 'dose',
          value,
          raw: groups.length === 1 ? raw : value,
          amounts: group.amounts,
          unit,
        });
      }
    }
  }
  return details;
}

function medicationDetails(text: string, lexicon: MedicationLexicon): Detail[] {
  const details: Detail[] = [];
  for (const match of text.matchAll(lexicon.pattern)) {
    const value = lexicon.canonical.get(medicationKey(match[0]));
    if (value !== undefined) details.push({ kind: 'medication', value, raw: match[0] });
  }
  return details;
}

// Body parts and sides that make "left"/"right" a laterality rather than a direction or "all right".
const BODY =
  'ankles?|knees?|hips?|shoulders?|arms?|legs?|feet|foot|hands?|wrists?|elbows?|fingers?|thumbs?|toes?|heels?|' +
  'ears?|eardrums?|eyes?|lungs?|breasts?|kidneys?|ventricle|ventricular|atrium|atrial|sides?|sided|calf|calves|thighs?|' +
  'shins?|chest|flank|groin|neck|jaw|cheek|temple|tympanic|membranes?|TM|tonsils?|nostrils?|buttocks?|' +
  'upper|lower|base|bases|quadrant|hemithorax|carotid|femoral|radial|pedal|ureter|ovary|testicle|lobe|field|fields|one';
const MODIFIER = String.raw`(?:(?:upper|lower|inner|outer|medial|lateral|anterior|posterior|middle|great|big|little)\s+)?`;
const LATERALITY = new RegExp(
  String.raw`\b(left|right)(?:-sided|\s+${MODIFIER}(${BODY})\b)|` +
    String.raw`\b(?:on|to|of)\s+(?:the|your|her|his|my|their)\s+(left|right)\b|` +
    String.raw`\b(bilateral(?:ly)?)\b|` +
    String.raw`\b(both)\s+${MODIFIER}(${BODY})\b|` +
    String.raw`(?<![A-Za-z])([LR])\.?\s+(${BODY})\b`,
  'gi',
);

// Words that follow a side without naming what is on that side.
const NO_SITE = new Set(['side', 'sides', 'sided', 'one', 'upper', 'lower']);

// One name per body part, so "right tympanic membrane" meets "right ear".
const SITE_ALIASES: Readonly<Record<string, string>> = {
  feet: 'foot',
  calves: 'calf',
  eardrum: 'ear',
  tympanic: 'ear',
  tm: 'ear',
  membrane: 'ear',
  ventricular: 'ventricle',
  atrial: 'atrium',
};

/** "Ankles" → "ankle", "feet" → "foot"; undefined for words that name no body part. */
function siteOf(word: string | undefined): string | undefined {
  const lower = word?.toLowerCase();
  if (lower === undefined || NO_SITE.has(lower)) return undefined;
  const singular = SITE_ALIASES[lower] ?? lower.replace(/(?<=[a-z]{3})s$/, '');
  return SITE_ALIASES[singular] ?? singular;
}

function lateralityDetails(text: string): Detail[] {
  const details: Detail[] = [];
  for (const match of text.matchAll(LATERALITY)) {
    const [raw, side, sideSite, sideAfter, bilateral, both, bothSite, letter, letterSite] = match;
    // "L"/"R" count only in capitals ("L knee"); "l knee" is not a clear form.
    if (letter !== undefined && letter !== letter.toUpperCase()) continue;
    const word = (side ?? sideAfter ?? letter ?? '').toLowerCase();
    const value =
      bilateral !== undefined || both !== undefined
        ? 'bilateral'
        : word === 'l'
          ? 'left'
          : word === 'r'
            ? 'right'
            : word;
    const site = siteOf(sideSite ?? bothSite ?? letterSite);
    details.push({ kind: 'laterality', value, raw: raw.trim(), ...(site ? { site } : {}) });
  }
  return details;
}

/** Every detail of `text`, in kind order: numbers and doses, medications, laterality. */
export function extractDetails(text: string, lexicon: MedicationLexicon): Detail[] {
  return [...numberDetails(text), ...medicationDetails(text, lexicon), ...lateralityDetails(text)];
}
