/**
 * The engine's reading of the input: every segment cleaned, weighed and filed under a section
 * role, with yes/no questions folded into their answers. One pass in input order, linear in the
 * number of segments. Each statement cites the segments it came from; a rewrite that lost a
 * negation or a hedge of its source is dropped rather than emitted.
 *
 * @module
 */
import type { InputSegment } from '../provider.ts';
import type { EvidenceCitation } from '../provider-draft-schema.ts';
import type { SectionRole } from '../templates/note-template.ts';
import { classifySentence } from './classify-sentence.ts';
import { detokenise, expandContractions, removeFillers } from './clean-speech.ts';
import { answerPolarity, keepsPolarity } from './negation.ts';
import { pairQuestionAnswer } from './question-answer.ts';
import { clinicalWording } from './clinical-wording.ts';
import { finishSentence } from './sentence-style.ts';
import { toThirdPerson, type Pronouns } from './third-person.ts';
import { readSpeakerLabel, roleOfLabel } from '../input/speaker-label.ts';

export interface Statement {
  readonly role: SectionRole;
  /** Finished note text: third person, capitalised, full stop. */
  readonly text: string;
  /** The cleaned words as the speaker said them (second person kept), for patient instructions. */
  readonly spoken: string;
  readonly evidence: readonly EvidenceCitation[];
  readonly score: number;
  /** Position in the input, to keep the note in the order things were said. */
  readonly order: number;
  readonly speaker: InputSegment['speaker'];
}

/** Scores below this are small talk or too thin to document. */
export const MIN_SCORE = 1;

const QUESTION = /\?\s*$/;

function isQuestion(segment: InputSegment, cleaned: string): boolean {
  return segment.speaker === 'clinician' && (QUESTION.test(segment.text) || /\?$/.test(cleaned));
}

function quoteIn(segment: InputSegment, words: string): EvidenceCitation {
  const at = segment.text.toLowerCase().indexOf(words.toLowerCase());
  return at >= 0 && words.length > 0
    ? { segment: segment.id, quote: segment.text.slice(at, at + words.length) }
    : { segment: segment.id };
}

const FEMALE_RELATIVES = /^(?:mother|mom|mum|wife|sister|daughter|grandmother|aunt)$/;
const MALE_RELATIVES = /^(?:father|dad|husband|brother|son|grandfather|uncle)$/;

/**
 * How to write a third party's "I": "the mother" when the transcript labels them `Mother:`, so a
 * parent's history is not mistaken for the clinician's first person or the patient's.
 */
function otherPronouns(text: string, segment: InputSegment): Pronouns | undefined {
  const lineStart = text.lastIndexOf('\n', segment.start - 1) + 1;
  const label = readSpeakerLabel(text, lineStart, segment.start);
  if (!label || roleOfLabel(label.key) !== 'other' || !/^[a-z ]{2,20}$/.test(label.key)) return undefined;
  const who = `the ${label.key}`;
  const possessive = FEMALE_RELATIVES.test(label.key)
    ? 'her'
    : MALE_RELATIVES.test(label.key)
      ? 'his'
      : 'their';
  return { subject: who, object: who, possessive, reflexive: possessive === 'her' ? 'herself' : 'himself' };
}

/** A note sentence: clinical words, then spelling and punctuation. */
function noteSentence(text: string): string {
  return finishSentence(clinicalWording(text));
}

/** "Swelling?" / "About ten days ago.": an answer too short to stand alone. */
function isFragment(answer: string): boolean {
  const words = answer.split(/\s+/);
  return words.length <= 8 && !/^(?:i|it|he|she|we|they|that|this|there|my|the patient)\b/i.test(answer);
}

/** The statements the input supports, in input order. `text` is the input the segments index. */
export function buildStatements(
  segments: readonly InputSegment[],
  pronouns: Pronouns,
  text = '',
): Statement[] {
  const statements: Statement[] = [];
  let pending: { segment: InputSegment; cleaned: string } | null = null;
  let historian = false;

  segments.forEach((segment, order) => {
    const expanded = expandContractions(detokenise(segment.text));
    const cleaned = removeFillers(expanded);
    const previous = segments[order - 1];
    const opensTurn = !previous || previous.speaker !== segment.speaker;

    if (isQuestion(segment, cleaned)) {
      pending = { segment, cleaned };
      return;
    }

    let rest = cleaned;
    let source = expanded;
    if (pending && opensTurn && segment.speaker !== 'clinician') {
      const asked: { segment: InputSegment; cleaned: string } = pending;
      const paired = pairQuestionAnswer(asked.cleaned, expanded, pronouns);
      if (!paired && answerPolarity(expanded) === 'unclear' && isFragment(cleaned)) {
        // "When did you notice the swelling?" / "About ten days ago.": the answer needs its question.
        const asText = `${toThirdPerson(asked.cleaned.replace(/\?+$/, ''), 'clinician', pronouns)}: ${cleaned}`;
        const { role, score } = classifySentence(`${asked.cleaned} ${cleaned}`, 'patient');
        if (score >= MIN_SCORE) {
          statements.push({
            role,
            text: noteSentence(asText),
            spoken: asText,
            evidence: [{ segment: asked.segment.id }, { segment: segment.id }],
            score,
            order,
            speaker: segment.speaker,
          });
          rest = '';
        }
      }
      if (paired) {
        const { role, score } = classifySentence(paired.topic, 'patient');
        const screenRole: SectionRole = /allerg/i.test(paired.topic)
          ? 'allergies'
          : paired.screen
            ? 'ros'
            : role;
        statements.push({
          role: screenRole,
          text: noteSentence(paired.text),
          spoken: paired.text,
          evidence: [quoteIn(asked.segment, paired.topic), { segment: segment.id }],
          score: score + 1,
          order,
          speaker: segment.speaker,
        });
        // What follows the "yes"/"no" in the same sentence still counts on its own.
        if (answerPolarity(expanded) !== 'unclear') {
          source = expanded.replace(/^\s*\w+[\s,.!]*/, '');
          rest = removeFillers(source);
        }
      }
    }
    if (segment.speaker === 'clinician' || opensTurn) pending = null;

    if (rest.split(/\s+/).length < 3) return;
    const { role, score } = classifySentence(rest, segment.speaker);
    if (score < MIN_SCORE) return;
    const third = segment.speaker === 'other' ? otherPronouns(text, segment) : undefined;
    const written = noteSentence(
      third ? toThirdPerson(rest, 'patient', third) : toThirdPerson(rest, segment.speaker, pronouns),
    );
    if (!keepsPolarity(source, written)) return;
    if (third && !historian) {
      historian = true;
      statements.push({
        role: 'hpi',
        text: finishSentence(`history is provided by ${third.subject}, an independent historian`),
        spoken: '',
        evidence: [{ segment: segment.id }],
        score: score + 2,
        order,
        speaker: segment.speaker,
      });
    }
    statements.push({
      role,
      text: written,
      spoken: rest,
      evidence: [{ segment: segment.id }],
      score,
      order,
      speaker: segment.speaker,
    });
  });
  return statements;
}
