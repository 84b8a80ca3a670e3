/**
 * Fact recall: how many of a visit's gold key facts a drafted note contains. ROUGE rewards
 * wording like the reference's; this asks the question a clinician asks ("is the dose in it?"),
 * with a rule strict on the details that hurt when wrong and lenient on phrasing.
 *
 * Both texts are normalised first: spoken numbers to digits (`spokenNumbersToDigits`, so "five
 * weeks" matches "5 weeks"), thousands separators dropped, lower case. A key fact counts as
 * present in the note when all of these hold:
 * 1. every number of the fact appears as a number in the note (`7.0` and `7` are the same; a
 *    digit glued to letters, as in `SpO2`, `A1c`, `T4`, is part of a name, not a number);
 * 2. every medication name of the fact (see `isMedicationWord`) appears as a word in the note;
 * 3. every laterality word of the fact (`left`, `right`, `bilateral(ly)`) appears in the note;
 * 4. at least 60% of the fact's other content words appear in the note, comparing crude stems
 *    (common suffixes `-ing`, `-ed`, `-es`, `-s`, `-ly`, … cut), or the fact has none. Not
 *    content words: stopwords, units (`mg`, `dL`: rule 1 checks their numbers), single letters.
 *    A common abbreviation (`BP`, `HR`, `SpO2`, `JVP`, `CKD`, …) is also found when the note
 *    spells it out ("blood pressure"), and the reverse for a few (`ECG`/`EKG`, `ED`/`ER`); a few
 *    lay and clinical words stand for each other (`fainting`/`syncope`, `medicines`/`medications`).
 * Words are matched anywhere in the note, not in one sentence, and negation is not checked:
 * recall of details, not proof that the note states the fact correctly.
 *
 * @module
 */
import { spokenNumbersToDigits } from '../evidence/spoken-numbers.ts';
import { isMedicationWord } from './medication-words.ts';

export interface FactRecall {
  readonly recalled: number;
  readonly total: number;
  /** The facts judged absent, in gold order. */
  readonly missing: string[];
}

/** Why one fact was (not) found: what a tuner looks at. */
export interface FactCheck {
  readonly present: boolean;
  readonly missingNumbers: readonly string[];
  readonly missingMedications: readonly string[];
  readonly missingLaterality: readonly string[];
  /** Share of the other content words found, 1 when there are none. */
  readonly contentCoverage: number;
}

/** The share of a fact's other content words a note must contain. */
export const CONTENT_WORD_THRESHOLD = 0.6;

const STOPWORDS = new Set(
  (
    'a an the and or but nor of in on at to for from by with without within into onto over under ' +
    'about after before during since until than then as is are was were be been being am do does ' +
    'did has have had having it its this that these those there here he she they them his her ' +
    'hers their theirs him we us our you your i me my mine who whom which what when where why how ' +
    'all any both each either few more most other some such no not only own same so too very ' +
    'can will just should would could may might must also per via up down out off again once ' +
    'if while because until among through'
  ).split(' '),
);

const LATERALITY: Readonly<Record<string, string>> = {
  left: 'left',
  right: 'right',
  bilateral: 'bilateral',
  bilaterally: 'bilateral',
};

/** Units say nothing the number beside them does not (rule 1 checks the number). */
const UNITS = new Set(
  'mg mcg g kg lb lbs ml l dl mmol mmhg cm mm mmhg min mins bpm pm am iu miu ng pg meq f c percent'.split(
    ' ',
  ),
);

/**
 * Abbreviations a note may spell out, and the reverse: the abbreviation counts as found when
 * the note has it or every word of one of its expansions.
 */
const ABBREVIATIONS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  bp: [['blood', 'pressure']],
  hr: [['heart', 'rate'], ['pulse']],
  rr: [['respiratory', 'rate']],
  spo2: [
    ['oxygen', 'saturation'],
    ['oxygen', 'level'],
    ['o2', 'sat'],
  ],
  temp: [['temperature']],
  bmi: [['body', 'mass', 'index']],
  ckd: [['chronic', 'kidney', 'disease']],
  jvp: [['jugular', 'venous', 'pressure']],
  jvd: [
    ['jugular', 'venous', 'distension'],
    ['jugular', 'venous', 'distention'],
  ],
  lvef: [['ejection', 'fraction']],
  ef: [['ejection', 'fraction']],
  ecg: [['ekg'], ['electrocardiogram']],
  ekg: [['ecg'], ['electrocardiogram']],
  // Dexcom and FreeStyle Libre are the CGMs patients name.
  cgm: [['continuous', 'glucose', 'monitor'], ['dexcom'], ['libre']],
  cbt: [
    ['cognitive', 'behavioral', 'therapy'],
    ['cognitive', 'behavioural', 'therapy'],
  ],
  htn: [['hypertension']],
  dm: [['diabetes']],
  afib: [['atrial', 'fibrillation']],
  sob: [['shortness', 'breath']],
  pt: [['physical', 'therapy']],
  ed: [['emergency', 'department'], ['emergency', 'room'], ['er']],
  er: [['emergency', 'room'], ['emergency', 'department'], ['ed']],
  prn: [['as', 'needed']],
  po: [['by', 'mouth']],
  bid: [
    ['twice', 'daily'],
    ['twice', 'day'],
  ],
  tid: [['three', 'times', 'day']],
  // Lay and clinical words for one thing: a note may use either.
  syncope: [['fainting'], ['fainted'], ['passing', 'out']],
  fainting: [['syncope']],
  medications: [['medicines']],
  medicines: [['medications']],
};

// Longest first, so "-ations" is cut before "-s"; a final "-e" so "dilate" and "dilated" meet.
const SUFFIXES = ['ational', 'ations', 'ation', 'ingly', 'edly', 'ing', 'ies', 'ed', 'es', 'ly', 's', 'e'];

/** A crude stem: the first matching suffix cut (keeping three letters), a doubled final letter undone. */
export function crudeStem(word: string): string {
  let stem = word;
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 3) {
      stem = stem.slice(0, -suffix.length) + (suffix === 'ies' ? 'y' : '');
      break;
    }
  }
  // "swelling" → "swell" → "swel" and "swell" → "swel"; applied to both sides alike.
  return /([b-df-hj-np-tv-z])\1$/.test(stem) ? stem.slice(0, -1) : stem;
}

function normalise(text: string): string {
  return spokenNumbersToDigits(text).toLowerCase();
}

/** Numbers not glued to a preceding letter, in canonical form (`7.0` → `7`). */
function numbersOf(text: string): string[] {
  return [...text.matchAll(/(?<![a-z\d.])\d+(?:\.\d+)?/g)].map((m) => String(Number(m[0])));
}

/** Words start with a letter and may hold digits (`spo2`, `a1c`, `t4`). */
function wordsOf(text: string): string[] {
  return text.match(/[a-z][a-z0-9]*/g) ?? [];
}

function isContentWord(word: string): boolean {
  return (
    word.length > 1 &&
    !STOPWORDS.has(word) &&
    !UNITS.has(word) &&
    !isMedicationWord(word) &&
    LATERALITY[word] === undefined
  );
}

/** A content word is in the note as itself or, for an abbreviation, as one of its expansions. */
function noteHas(note: NoteIndex, word: string): boolean {
  if (note.stems.has(crudeStem(word))) return true;
  return (ABBREVIATIONS[word] ?? []).some((expansion) =>
    expansion.every((w) => note.stems.has(crudeStem(w))),
  );
}

/** A note, indexed once for checking many facts against it. */
export interface NoteIndex {
  readonly numbers: ReadonlySet<string>;
  readonly words: ReadonlySet<string>;
  readonly stems: ReadonlySet<string>;
}

export function indexNote(noteText: string): NoteIndex {
  const text = normalise(noteText);
  const words = wordsOf(text);
  return {
    numbers: new Set(numbersOf(text)),
    words: new Set(words.map((w) => LATERALITY[w] ?? w)),
    stems: new Set(words.map(crudeStem)),
  };
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

export function checkFact(note: NoteIndex, fact: string): FactCheck {
  const text = normalise(fact);
  const missingNumbers = unique(numbersOf(text)).filter((n) => !note.numbers.has(n));
  const words = wordsOf(text);
  const medications = unique(words.filter(isMedicationWord));
  const laterality = unique(words.flatMap((w) => LATERALITY[w] ?? []));
  // Unique by stem, so "swelling" and "swollen" in one fact do not count twice.
  const content = [...new Map(words.filter(isContentWord).map((w) => [crudeStem(w), w])).values()];
  const missingMedications = medications.filter((m) => !note.words.has(m));
  const missingLaterality = laterality.filter((l) => !note.words.has(l));
  const found = content.filter((word) => noteHas(note, word)).length;
  const contentCoverage = content.length === 0 ? 1 : found / content.length;
  return {
    present:
      missingNumbers.length === 0 &&
      missingMedications.length === 0 &&
      missingLaterality.length === 0 &&
      contentCoverage >= CONTENT_WORD_THRESHOLD,
    missingNumbers,
    missingMedications,
    missingLaterality,
    contentCoverage,
  };
}

export function factRecall(noteText: string, keyFacts: readonly string[]): FactRecall {
  const note = indexNote(noteText);
  const missing = keyFacts.filter((fact) => !checkFact(note, fact).present);
  return { recalled: keyFacts.length - missing.length, total: keyFacts.length, missing };
}
