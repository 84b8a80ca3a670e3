/**
 * The clinician's edits to a note, as pure functions over `NoteDraft`: change, delete, restore
 * and add sentences, and the `sections` body an autosave sends. An edited or added sentence
 * becomes the clinician's (`origin: 'clinician'`); the server re-checks it against its evidence
 * on the next save and answers with fresh flags.
 *
 * @module
 */
import type {
  DraftSection,
  DraftSentence,
  NoteDraft,
  SaveDraftRequest,
  SentenceFlagCode,
} from '../server/contract/note-draft.ts';

/** Flags that ask for a look before signing (`clinician_authored` is only informational). */
export const REVIEW_FLAGS: ReadonlySet<SentenceFlagCode> = new Set([
  'unsupported',
  'unverified_detail',
  'uncertain',
]);

export interface SentencePlace {
  readonly section: DraftSection;
  readonly sentence: DraftSentence;
  readonly index: number;
}

/** Where a deleted sentence was, so Undo can put it back. */
export interface RemovedSentence {
  readonly sectionKey: string;
  readonly index: number;
  readonly sentence: DraftSentence;
}

export function findSentence(note: NoteDraft | null, id: string): SentencePlace | null {
  for (const section of note?.sections ?? []) {
    const index = section.sentences.findIndex((s) => s.id === id);
    const sentence = section.sentences[index];
    if (sentence) return { section, sentence, index };
  }
  return null;
}

function mapSection(
  note: NoteDraft,
  key: string,
  change: (sentences: readonly DraftSentence[]) => readonly DraftSentence[],
): NoteDraft {
  return {
    ...note,
    sections: note.sections.map((s) => (s.key === key ? { ...s, sentences: change(s.sentences) } : s)),
  };
}

export function replaceSentence(note: NoteDraft, id: string, text: string): NoteDraft {
  const place = findSentence(note, id);
  if (!place || place.sentence.text === text) return note;
  return mapSection(note, place.section.key, (sentences) =>
    sentences.map((s) => (s.id === id ? { ...s, text, origin: 'clinician' } : s)),
  );
}

export function removeSentence(
  note: NoteDraft,
  id: string,
): { note: NoteDraft; removed: RemovedSentence } | null {
  const place = findSentence(note, id);
  if (!place) return null;
  return {
    note: mapSection(note, place.section.key, (sentences) => sentences.filter((s) => s.id !== id)),
    removed: { sectionKey: place.section.key, index: place.index, sentence: place.sentence },
  };
}

/** Puts a sentence into a section at `index` (the end when absent or past it). */
export function insertSentence(
  note: NoteDraft,
  sectionKey: string,
  sentence: DraftSentence,
  index?: number,
): NoteDraft {
  return mapSection(note, sectionKey, (sentences) => {
    const at = Math.min(index ?? sentences.length, sentences.length);
    return [...sentences.slice(0, at), sentence, ...sentences.slice(at)];
  });
}

let added = 0;
/** A sentence the clinician typed: no evidence of its own, vouched for by its author. */
export function clinicianSentence(text: string, now: number = Date.now()): DraftSentence {
  added += 1;
  return {
    id: `c-${now.toString(36)}-${added}`,
    text,
    evidence: [],
    flags: [{ code: 'clinician_authored', message: 'Written by you.' }],
    origin: 'clinician',
  };
}

export function sectionsForSave(note: NoteDraft): NonNullable<SaveDraftRequest['sections']> {
  return note.sections.map((section) => ({
    key: section.key,
    sentences: section.sentences.map(({ id, text }) => ({ id, text })),
  }));
}

export function needsReview(sentence: DraftSentence): boolean {
  return sentence.flags.some((flag) => REVIEW_FLAGS.has(flag.code));
}

export function countSentences(note: NoteDraft): { total: number; review: number } {
  let total = 0;
  let review = 0;
  for (const section of note.sections) {
    for (const sentence of section.sentences) {
      total += 1;
      if (needsReview(sentence)) review += 1;
    }
  }
  return { total, review };
}

export { unresolvedSentences } from '../server/contract/note-draft.ts';
