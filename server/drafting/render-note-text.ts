/**
 * A draft as plain text: each non-empty section's title on its own line, then its sentences as
 * one paragraph. What the command line prints for reading, what the evaluation scores, and the
 * body a plain-text note is written back as.
 *
 * @module
 */
import type { NoteDraft } from '../contract/note-draft.ts';

export function renderNoteText(note: Pick<NoteDraft, 'sections'>): string {
  return note.sections
    .filter((section) => section.sentences.length > 0)
    .map((section) => `${section.title}\n\n${section.sentences.map((s) => s.text.trim()).join(' ')}`)
    .join('\n\n');
}
