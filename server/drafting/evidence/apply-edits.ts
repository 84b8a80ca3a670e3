/**
 * Applies the clinician's autosaved edits to a draft. Each edited section's sentence list (ids and
 * texts) replaces that section's sentences: an unchanged sentence keeps everything; a changed one
 * becomes the clinician's, keeps its evidence and is checked again (except that having no evidence
 * is the clinician's call, `clinician_authored`, not `unsupported`); a new one is the clinician's
 * with no evidence. Sentences left out are deleted; sections not sent are kept as they were.
 *
 * @module
 */
import type { DraftSentence, NoteDraft, SaveDraftRequest, SentenceFlag } from '../../contract/note-draft.ts';
import { AppError } from '../../errors/app-error.ts';
import { checkSentence } from './check-sentence.ts';
import type { MedicationLexicon } from './medication-lexicon.ts';
import { collapseWhitespace } from './resolve-draft.ts';

export const MAX_SENTENCE_CHARS = 2_000;
export const MAX_SENTENCES_PER_SECTION = 500;
const MAX_ID_CHARS = 64;

const CLINICIAN_AUTHORED: SentenceFlag = {
  code: 'clinician_authored',
  message: 'Written by the clinician.',
};

type SectionEdits = NonNullable<SaveDraftRequest['sections']>;

function validate(note: NoteDraft, edits: SectionEdits): void {
  const keys = new Set(note.sections.map((s) => s.key));
  const editedKeys = new Set<string>();
  const ids = new Set<string>();
  for (const section of edits) {
    if (!keys.has(section.key))
      throw new AppError('bad_request', `The note has no section "${section.key}".`);
    if (editedKeys.has(section.key))
      throw new AppError('bad_request', `Section "${section.key}" is sent twice.`);
    editedKeys.add(section.key);
    if (section.sentences.length > MAX_SENTENCES_PER_SECTION) {
      throw new AppError('bad_request', `A section holds at most ${MAX_SENTENCES_PER_SECTION} sentences.`);
    }
    for (const sentence of section.sentences) {
      if (sentence.id === '' || sentence.id.length > MAX_ID_CHARS) {
        throw new AppError('bad_request', `A sentence id must be 1 to ${MAX_ID_CHARS} characters.`);
      }
      if (ids.has(sentence.id)) throw new AppError('bad_request', `Sentence "${sentence.id}" is sent twice.`);
      ids.add(sentence.id);
      if (sentence.text.length > MAX_SENTENCE_CHARS) {
        throw new AppError(
          'bad_request',
          `A sentence is ${sentence.text.length.toLocaleString('en-US')} characters; the limit is ${MAX_SENTENCE_CHARS.toLocaleString('en-US')}. Split it in two.`,
        );
      }
    }
  }
}

function edited(existing: DraftSentence, text: string, lexicon: MedicationLexicon): DraftSentence {
  const flags = checkSentence(text, existing.evidence, lexicon).map((flag) =>
    flag.code === 'unsupported' ? CLINICIAN_AUTHORED : flag,
  );
  return { id: existing.id, text, evidence: existing.evidence, flags, origin: 'clinician' };
}

/** `note` with `edits` applied; throws `bad_request` for an unknown section or an oversized sentence. */
export function applyEdits(
  note: NoteDraft,
  edits: SaveDraftRequest['sections'],
  lexicon: MedicationLexicon,
): NoteDraft {
  if (!edits || edits.length === 0) return note;
  validate(note, edits);
  const existing = new Map(
    note.sections.flatMap((s) => s.sentences.map((sentence) => [sentence.id, sentence])),
  );
  const editsByKey = new Map(edits.map((e) => [e.key, e.sentences]));
  // A sentence moved into an edited section leaves the unedited section it came from.
  const claimed = new Set(edits.flatMap((e) => e.sentences.map((s) => s.id)));
  const sections = note.sections.map((section) => {
    const sent = editsByKey.get(section.key);
    if (!sent) {
      const kept = section.sentences.filter((s) => !claimed.has(s.id));
      return kept.length === section.sentences.length ? section : { ...section, sentences: kept };
    }
    const sentences: DraftSentence[] = [];
    for (const { id, text: rawText } of sent) {
      const text = collapseWhitespace(rawText);
      if (text === '') continue; // an emptied sentence is a deleted one
      const before = existing.get(id);
      if (!before)
        sentences.push({ id, text, evidence: [], flags: [CLINICIAN_AUTHORED], origin: 'clinician' });
      else if (before.text === text) sentences.push(before);
      else sentences.push(edited(before, text, lexicon));
    }
    return { ...section, sentences };
  });
  return { ...note, sections, nothingToDocument: sections.every((s) => s.sentences.length === 0) };
}
