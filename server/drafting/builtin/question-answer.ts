/**
 * A clinician's yes/no question and the patient's short answer, read together as one statement:
 * "Any chest pain or shortness of breath?" / "No." → "denies chest pain or shortness of breath";
 * "Are you taking your medication?" / "Yes." → "is taking her medication". Questions that are not
 * yes/no ("How long does it last?") and unclear answers give nothing here; the answer then stands
 * on its own as a statement.
 *
 * @module
 */
import { answerPolarity } from './negation.ts';
import { toThirdPerson, type Pronouns } from './third-person.ts';

export interface PairedStatement {
  /** The statement without a subject's capital or final full stop ("the patient denies fever"). */
  readonly text: string;
  /** The asked-about words as they appear in the cleaned question ("chest pain or fever"). */
  readonly topic: string;
  /** True for a symptom screen ("Any X?"), which a note files under the review of systems. */
  readonly screen: boolean;
}

/** "Any X", "do you have any X", "have you noticed any X", "is there any X": a screening question. */
const SCREEN =
  /^(?:(?:and|so|also|now|okay|what about|how about)\s+)*(?:(?:do|did|does) (?:you|he|she|they) (?:have|get|notice|feel|experience)|(?:have|has) (?:you|he|she|they) (?:had|noticed|felt|experienced|been having|got)|(?:are|is) (?:you|he|she|they) (?:having|getting|experiencing|noticing)|is there|are there|has there been|have there been|you have|any)?\s*(?:any|some)\s+(?:other\s+)?(.+?)\s*\??$/i;
/** "Are you taking…", "do you smoke", "have you been…", "did you fall": subject-aux inversion. */
const INVERTED =
  /^(?:(?:and|so|also|now|okay)\s+)*(do|did|are|were|have|can|could|will|would)\s+you\s+(.+?)\s*\??$/i;
const IT_INVERTED =
  /^(?:(?:and|so|also|now|okay)\s+)*(does|did|is|was|has|can|will)\s+(it|the pain|he|she)\s+(.+?)\s*\??$/i;

const THIRD: Readonly<Record<string, string>> = {
  do: 'does',
  did: 'did',
  are: 'is',
  were: 'was',
  have: 'has',
  can: 'can',
  could: 'could',
  will: 'will',
  would: 'would',
  does: 'does',
  is: 'is',
  was: 'was',
  has: 'has',
};

/** Topics that make a screen belong to a history rather than the review of systems. */
const NOT_A_SYMPTOM =
  /\b(?:questions?|concerns?|allerg|medications?|surgery|surgeries|problems? with|issues? with|history)\b/i;

/** "denies X" with X's own pronouns moved to the third person and a trailing tag dropped. */
function topicOf(raw: string, pronouns: Pronouns): string {
  return toThirdPerson(
    raw.replace(/,?\s*(?:or anything|or anything like that|at all|lately|recently|right now)\s*$/i, ''),
    'clinician',
    pronouns,
  ).trim();
}

/**
 * The statement a yes/no question and its answer make together, or null when the question is
 * not yes/no or the answer says neither yes nor no. `question` and `answer` are cleaned speech.
 */
export function pairQuestionAnswer(
  question: string,
  answer: string,
  pronouns: Pronouns,
): PairedStatement | null {
  const polarity = answerPolarity(answer);
  if (polarity === 'unclear') return null;
  const q = question.trim();
  const subject = pronouns.subject;

  const screen = SCREEN.exec(q);
  if (screen?.[1] && screen[1].split(/\s+/).length <= 14) {
    const topic = topicOf(screen[1], pronouns);
    if (topic.length < 3) return null;
    const verb = polarity === 'no' ? 'denies' : 'reports';
    return { text: `${subject} ${verb} ${topic}`, topic: screen[1], screen: !NOT_A_SYMPTOM.test(topic) };
  }

  const inverted = INVERTED.exec(q);
  if (inverted) {
    const aux = THIRD[inverted[1]!.toLowerCase()]!;
    const rest = topicOf(inverted[2]!, pronouns);
    if (polarity === 'no')
      return { text: `${subject} ${aux} not ${rest}`, topic: inverted[2]!, screen: false };
    // "Do you smoke?" "Yes." → "smokes"; "Did you fall?" "Yes." → "did fall" reads oddly: keep aux.
    return aux === 'does'
      ? {
          text: toThirdPerson(`you ${inverted[2]!}`, 'clinician', pronouns),
          topic: inverted[2]!,
          screen: false,
        }
      : { text: `${subject} ${aux} ${rest}`, topic: inverted[2]!, screen: false };
  }

  const it = IT_INVERTED.exec(q);
  if (it) {
    const aux = THIRD[it[1]!.toLowerCase()]!;
    const rest = topicOf(it[3]!, pronouns);
    return polarity === 'no'
      ? { text: `${it[2]} ${aux} not ${rest}`, topic: it[3]!, screen: false }
      : { text: `${it[2]} ${aux} ${rest}`, topic: it[3]!, screen: false };
  }
  return null;
}
