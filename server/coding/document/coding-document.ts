/**
 * What the coders read: the clinician's input cut into sentences (the same segments the drafting
 * pipeline cites), each with its speaker, the note section it belongs to and whether it is a
 * question, plus the chart. Diagnoses and E/M facts are extracted from this one shape, so every
 * code points at the same spans the draft's sentences do.
 *
 * @module
 */
import type { ClinicalContext } from '../../contract/clinical-context.ts';
import type { ClinicianInput, InputEvidence, NoteDraft, Speaker } from '../../contract/note-draft.ts';
import { classifySentence } from '../../drafting/builtin/classify-sentence.ts';
import { segmentInput } from '../../drafting/input/segment-input.ts';
import type { SectionRole } from '../../drafting/templates/note-template.ts';

export interface CodingSentence {
  /** The input segment id (`u12`), as draft evidence cites it. */
  readonly id: string;
  readonly index: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly speaker?: Speaker;
  /** Where a note would file it: history, exam, results, assessment and plan. */
  readonly role: SectionRole;
  /** A clinician's question affirms nothing by itself ("Any chest pain?"). */
  readonly question: boolean;
}

export interface CodingDocument {
  readonly input: ClinicianInput;
  readonly sentences: readonly CodingSentence[];
  readonly context?: ClinicalContext;
  readonly note?: NoteDraft;
}

export interface CodingDocumentArgs {
  readonly input: ClinicianInput;
  readonly context?: ClinicalContext;
  readonly note?: NoteDraft;
}

export function codingDocument(args: CodingDocumentArgs): CodingDocument {
  const sentences = segmentInput(args.input).map((segment, index): CodingSentence => {
    const question = /\?\s*$/.test(segment.text);
    return {
      id: segment.id,
      index,
      text: segment.text,
      start: segment.start,
      end: segment.end,
      ...(segment.speaker ? { speaker: segment.speaker } : {}),
      role: classifySentence(segment.text, segment.speaker).role,
      question,
    };
  });
  return {
    input: args.input,
    sentences,
    ...(args.context ? { context: args.context } : {}),
    ...(args.note ? { note: args.note } : {}),
  };
}

/** Evidence for a sentence: the whole sentence, or the first occurrence of `quote` inside it. */
export function sentenceEvidence(sentence: CodingSentence, quote?: string): InputEvidence {
  const at = quote ? sentence.text.toLowerCase().indexOf(quote.toLowerCase()) : -1;
  const start = at >= 0 ? sentence.start + at : sentence.start;
  const text = at >= 0 && quote ? sentence.text.slice(at, at + quote.length) : sentence.text;
  return {
    kind: 'input',
    start,
    end: start + text.length,
    quote: text,
    ...(sentence.speaker ? { speaker: sentence.speaker } : {}),
  };
}
