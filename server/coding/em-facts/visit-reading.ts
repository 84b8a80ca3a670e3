/**
 * The coding document read once for fact extraction: each sentence lower-cased (same offsets as
 * the text, so a match can be quoted), who said it (and the raw speaker label, so "MOTHER:" can
 * be told from "PATIENT:"), which transcript turn it belongs to, and whether it is a question or a
 * time statement. Every extractor in this folder works on this shape.
 *
 * @module
 */
import type { CodingDocument, CodingSentence } from '../document/coding-document.ts';
import type { InputEvidence, Speaker } from '../../contract/note-draft.ts';
import { readSpeakerLabel } from '../../drafting/input/speaker-label.ts';
import { sentenceEvidence } from '../document/coding-document.ts';

export interface VisitSentence {
  readonly source: CodingSentence;
  readonly index: number;
  readonly text: string;
  /** Lower-cased, typographic apostrophes made plain: same length and offsets as `text`. */
  readonly lower: string;
  readonly speaker?: Speaker;
  /** Said or written by the clinician (dictation and bullets always are). */
  readonly clinician: boolean;
  /** The transcript label as written, lower-cased ("mother", "doctor (dictation)"), when there is one. */
  readonly label?: string;
  /** Sentences of one transcript line (one speaker turn) share a number. */
  readonly turn: number;
  readonly question: boolean;
  /** "Total time … 44 minutes", "We spent about five minutes on quitting": time, not clinical content. */
  readonly timeStatement: boolean;
}

export interface Visit {
  readonly doc: CodingDocument;
  readonly sentences: readonly VisitSentence[];
  /**
   * Index of the first sentence in which the clinician examines or gives an assessment; dosing
   * instructions before it are usually medication review, after it usually decisions. 0 when the
   * input has no examination or assessment cue (a dictated plan).
   */
  readonly decisionsFrom: number;
}

const TIME_STATEMENT =
  /\b(?:total (?:(?:practitioner|physician|provider|clinician) )?time|time statement|time spent|(?:i|we) (?:personally )?spent\b.{0,40}\bminutes?)\b/;
const EXAM_OR_ASSESSMENT =
  /\b(?:let me (?:examine|listen|look|feel|check you)|(?:i'm going to|i will|i'll) examine|on (?:exam|examination)|physical exam|my (?:assessment|impression|diagnosis)|here's (?:my assessment|the plan|what i(?:'m| am) thinking)|(?:so )?this is (?:an? )?(?:acute|chronic)|that's my diagnosis|assessment and plan|assessment:|plan:)/;

function plain(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'");
}

function lineOf(text: string, at: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const next = text.indexOf('\n', at);
  return { start, end: next < 0 ? text.length : next };
}

/** Read the document's sentences for extraction. */
export function readVisit(doc: CodingDocument): Visit {
  const text = doc.input.text;
  const transcript = doc.input.kind === 'transcript';
  let turn = -1;
  let lastLine = -1;
  let labelLine = -1;
  let label: string | undefined;
  const sentences = doc.sentences.map((s, index): VisitSentence => {
    const line = lineOf(text, s.start);
    if (line.start !== lastLine) {
      turn++;
      lastLine = line.start;
    }
    if (transcript && line.start !== labelLine) {
      labelLine = line.start;
      label = readSpeakerLabel(text, line.start, line.end)?.key;
    }
    const lower = plain(s.text);
    return {
      source: s,
      index,
      text: s.text,
      lower,
      ...(s.speaker ? { speaker: s.speaker } : {}),
      clinician: s.speaker !== 'patient' && s.speaker !== 'other',
      ...(label ? { label } : {}),
      turn,
      question: s.question,
      timeStatement: TIME_STATEMENT.test(lower),
    };
  });
  const first = sentences.find((s) => s.clinician && !s.question && EXAM_OR_ASSESSMENT.test(s.lower));
  return { doc, sentences, decisionsFrom: first?.index ?? 0 };
}

/** Clinician statements (not questions, not time statements): where decisions and assessments live. */
export function clinicianStatements(visit: Visit): VisitSentence[] {
  return visit.sentences.filter((s) => s.clinician && !s.question && !s.timeStatement);
}

/** Evidence quoting `quote` in the sentence (case-insensitive), or the whole sentence. */
export function quoteEvidence(sentence: VisitSentence, quote?: string): InputEvidence {
  return sentenceEvidence(sentence.source, quote);
}

/** The original words at `[start, end)` of a sentence's lower-cased text. */
export function originalSlice(sentence: VisitSentence, start: number, end: number): string {
  return sentence.text.slice(start, end);
}
