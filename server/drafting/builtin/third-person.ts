/**
 * Speech rewritten in a note's voice: the patient's "I have", "my" become "she has", "her" (or
 * "the patient has", "the patient's" when the gender is unknown); the clinician's "you are",
 * "your" become the same third person, while the clinician's own "I" stays, as notes are signed in
 * the first person ("I have asked her to…"). Works on cleaned speech (contractions already
 * expanded). Verb agreement for the new subject follows a small lexicon: a verb it does not know
 * is left as spoken rather than guessed.
 *
 * @module
 */
import type { Speaker } from '../../contract/note-draft.ts';

export interface Pronouns {
  readonly subject: string;
  readonly object: string;
  readonly possessive: string;
  readonly reflexive: string;
}

export const PRONOUNS = {
  female: { subject: 'she', object: 'her', possessive: 'her', reflexive: 'herself' },
  male: { subject: 'he', object: 'him', possessive: 'his', reflexive: 'himself' },
  unknown: {
    subject: 'the patient',
    object: 'the patient',
    possessive: "the patient's",
    reflexive: 'themselves',
  },
} as const satisfies Record<string, Pronouns>;

const IRREGULAR: Readonly<Record<string, string>> = {
  am: 'is',
  are: 'is',
  have: 'has',
  do: 'does',
  go: 'goes',
  were: 'was',
};

/** Verbs whose form after I/you stays as is: past tense, modals. */
const UNCHANGED = new Set([
  'was',
  'did',
  'had',
  'will',
  'would',
  'can',
  'could',
  'should',
  'might',
  'may',
  'must',
  'cannot',
  'shall',
]);

/** Words that may sit between a subject and its verb ("I still take", "you also have"). */
const ADVERBS = new Set([
  'also',
  'just',
  'really',
  'still',
  'never',
  'always',
  'usually',
  'often',
  'sometimes',
  'only',
  'actually',
  'definitely',
  'already',
  'even',
  'mostly',
  'rarely',
  'occasionally',
  'generally',
  'normally',
  'probably',
  'typically',
  'certainly',
  'kind',
  'sort',
  'of',
  'barely',
  'hardly',
  'recently',
  'now',
]);

/** Present-tense verbs patients and clinicians use of themselves, in the base form. */
const VERBS = new Set(
  (
    'feel take get need want think know see notice try use eat drink sleep walk run work smoke ' +
    'like love hate wake keep check miss forget remember say mean hear hurt get go come start stop ' +
    'live play exercise watch wear lift carry bend drive cough sneeze vomit fall sit stand lie ' +
    'believe guess hope wonder worry understand agree follow wish seem tend look sound experience ' +
    'deny report describe endorse note ride swim bike hike travel cook clean help find give ' +
    'get bleed urinate pee poop ache struggle manage deal cope handle avoid prefer plan continue ' +
    'monitor measure test inject fill refill run spend pay bring attend visit call text rest ' +
    'skip skate dance garden golf teach study type sit lay breathe swallow chew snore ' +
    'let make put'
  ).split(' '),
);

function thirdSingular(verb: string): string {
  if (IRREGULAR[verb]) return IRREGULAR[verb];
  if (/(?:s|sh|ch|x|z|o)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** Words after which "you" is an object ("to you", "give you"), not a subject. */
const OBJECT_AFTER = new Set(
  (
    'to for with at on about from give gave tell told see saw send sent ask asked let help get make ' +
    'want need bring call show put keep check examine of by into thank thanks around than like ' +
    'start switch refer prescribe have had got reassure remind encourage advise advised'
  ).split(' '),
);

/** "referred you", "sends you", "asked you": after a verb form of those words, or any past tense. */
function isObjectContext(before: string): boolean {
  if (OBJECT_AFTER.has(before)) return true;
  const base = before.replace(/(?:red|ed|s)$/, '');
  return (
    OBJECT_AFTER.has(base) ||
    OBJECT_AFTER.has(`${base}e`) ||
    (/[a-z]{3}ed$/.test(before) && before !== 'need')
  );
}

/** Splits into words and the spacing between them, so rejoining restores the text. */
const TOKEN = /(\s+)/;

function core(token: string): string {
  return token.toLowerCase().replace(/^[^a-z']+|[^a-z']+$/g, '');
}

/** Makes the first verb among the next few words agree with a third-person singular subject. */
function agreeFrom(tokens: string[], from: number): void {
  for (let i = from, seen = 0; i < tokens.length && seen < 4; i += 2, seen++) {
    const raw = tokens[i]!;
    const word = core(raw);
    if (ADVERBS.has(word)) continue;
    if (UNCHANGED.has(word) || !(IRREGULAR[word] ?? VERBS.has(word))) return;
    tokens[i] = swap(raw, word, thirdSingular(word));
    return;
  }
}

/** Replaces the word part of `token`, keeping punctuation around it. */
function swap(token: string, word: string, by: string): string {
  const at = token.toLowerCase().indexOf(word);
  return token.slice(0, at) + by + token.slice(at + word.length);
}

const PATIENT_WORDS: Readonly<Record<string, keyof Pronouns>> = {
  my: 'possessive',
  myself: 'reflexive',
  mine: 'possessive',
  me: 'object',
};
const CLINICIAN_WORDS: Readonly<Record<string, keyof Pronouns>> = {
  your: 'possessive',
  yourself: 'reflexive',
  yours: 'possessive',
};

function rewrite(
  text: string,
  p: Pronouns,
  self: 'i' | 'you',
  words: Readonly<Record<string, keyof Pronouns>>,
): string {
  const tokens = text.split(TOKEN);
  for (let i = 0; i < tokens.length; i += 2) {
    const token = tokens[i]!;
    const word = core(token);
    if (word === self) {
      const before = i >= 2 ? core(tokens[i - 2]!) : '';
      const last = /[.?!,;]$/.test(token) || i + 2 >= tokens.length;
      const asObject = self === 'you' && (isObjectContext(before) || last);
      tokens[i] = swap(token, word, asObject ? p.object : p.subject);
      if (!asObject && !last) agreeFrom(tokens, i + 2);
    } else if (words[word]) {
      const standalone = word === 'mine' || word === 'yours';
      const by = standalone && p.possessive === 'her' ? 'hers' : p[words[word]];
      tokens[i] = swap(token, word, by);
    }
  }
  return tokens.join('');
}

/** `text` (cleaned speech) in the third person for `speaker`; others' words are left as said. */
export function toThirdPerson(text: string, speaker: Speaker | undefined, pronouns: Pronouns): string {
  if (speaker === 'patient') return rewrite(text, pronouns, 'i', PATIENT_WORDS);
  if (speaker === 'clinician') return rewrite(text, pronouns, 'you', CLINICIAN_WORDS);
  return text;
}
