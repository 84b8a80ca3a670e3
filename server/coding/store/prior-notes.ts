/**
 * Earlier notes of the same patient, from other encounters' drafts, for the cloned-text check:
 * the drafted note's text when there is one, else the clinician's input.
 *
 * @module
 */
import type { NoteDraft } from '../../contract/note-draft.ts';
import type { Queryable } from '../../db/db.ts';
import { renderNoteText } from '../../drafting/render-note-text.ts';
import type { PriorNote } from '../findings/cloned-text.ts';
import type { EncounterKey } from './code-suggestion-store.ts';

interface Row {
  input_text: string;
  note: NoteDraft | null;
  updated_at: Date;
}

export async function priorNotesOf(db: Queryable, key: EncounterKey, limit = 5): Promise<PriorNote[]> {
  const { rows } = await db.query<Row>(
    `select input_text, note, updated_at from note_draft
      where registration_id = $1 and patient_id = $2 and encounter_id <> $3
      order by updated_at desc limit $4`,
    [key.registrationId, key.patientId, key.encounterId, limit],
  );
  return rows.map((r) => ({
    label: `note of ${r.updated_at.toISOString().slice(0, 10)}`,
    text: r.note ? renderNoteText(r.note) : r.input_text,
  }));
}
