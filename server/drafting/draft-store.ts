/**
 * Working drafts in Postgres (`note_draft`), one per encounter. Every save names the version it
 * edited and bumps it, so a slow autosave or a second tab can never overwrite newer work: a stale
 * save is a `conflict` the editor resolves by reloading. The clinician's input is saved with the
 * draft and kept whatever a model later does with it.
 *
 * @module
 */
import type { Queryable } from '../db/db.ts';
import type { ClinicianInput, DraftRecord, DraftStatus, NoteDraft } from '../contract/note-draft.ts';
import { AppError } from '../errors/app-error.ts';

/** Which encounter a draft belongs to; `encounterId` is '' for a launch without one. */
export interface DraftKey {
  readonly registrationId: string;
  readonly patientId: string;
  readonly encounterId: string;
}

/** What one save changes; fields left out keep their stored value. */
export interface DraftChange {
  /** 0 creates the encounter's draft; otherwise the version the change was made on. */
  readonly baseVersion: number;
  readonly template?: { readonly id: string; readonly version: number };
  readonly input?: ClinicianInput;
  readonly note?: NoteDraft;
  readonly status?: DraftStatus;
}

export interface DraftStore {
  find(key: DraftKey): Promise<DraftRecord | null>;
  /** Applies the change and returns the new version; `conflict` when `baseVersion` is stale. */
  save(key: DraftKey, change: DraftChange, actor: string | null): Promise<DraftRecord>;
}

interface Row {
  id: string;
  version: number;
  status: DraftStatus;
  template_id: string;
  template_version: number;
  input_kind: ClinicianInput['kind'];
  input_text: string;
  note: NoteDraft | null;
  updated_at: Date;
}

const COLUMNS =
  'id, version, status, template_id, template_version, input_kind, input_text, note, updated_at';

function toRecord(row: Row): DraftRecord {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    template: { id: row.template_id, version: row.template_version },
    input: { kind: row.input_kind, text: row.input_text },
    note: row.note,
    updatedAt: row.updated_at.toISOString(),
  };
}

const stale = () =>
  new AppError(
    'conflict',
    'This draft was changed elsewhere since you opened it. Reload to see the newest version.',
  );

export function createDraftStore(db: Queryable): DraftStore {
  const keyParams = (key: DraftKey) => [key.registrationId, key.patientId, key.encounterId];
  return {
    async find(key) {
      const { rows } = await db.query<Row>(
        `select ${COLUMNS} from note_draft where registration_id = $1 and patient_id = $2 and encounter_id = $3`,
        keyParams(key),
      );
      return rows[0] ? toRecord(rows[0]) : null;
    },

    async save(key, change, actor) {
      const note = change.note === undefined ? null : JSON.stringify(change.note);
      if (change.baseVersion === 0) {
        if (!change.template) throw new AppError('bad_request', 'A new draft needs a template.');
        const input = change.input ?? { kind: 'transcript', text: '' };
        const { rows } = await db.query<Row>(
          `insert into note_draft (registration_id, patient_id, encounter_id, version, status, template_id,
             template_version, input_kind, input_text, note, created_by, updated_by)
           values ($1, $2, $3, 1, $4, $5, $6, $7, $8, $9::jsonb, $10, $10)
           on conflict (registration_id, patient_id, encounter_id) do nothing
           returning ${COLUMNS}`,
          [
            ...keyParams(key),
            change.status ?? 'draft',
            change.template.id,
            change.template.version,
            input.kind,
            input.text,
            note,
            actor,
          ],
        );
        if (!rows[0]) throw stale();
        return toRecord(rows[0]);
      }
      const { rows } = await db.query<Row>(
        `update note_draft set
           version = version + 1,
           status = coalesce($5, status),
           template_id = coalesce($6, template_id),
           template_version = coalesce($7, template_version),
           input_kind = coalesce($8, input_kind),
           input_text = coalesce($9, input_text),
           note = coalesce($10::jsonb, note),
           updated_by = $11,
           updated_at = now()
         where registration_id = $1 and patient_id = $2 and encounter_id = $3 and version = $4
         returning ${COLUMNS}`,
        [
          ...keyParams(key),
          change.baseVersion,
          change.status ?? null,
          change.template?.id ?? null,
          change.template?.version ?? null,
          change.input?.kind ?? null,
          change.input?.text ?? null,
          note,
          actor,
        ],
      );
      if (!rows[0]) throw stale();
      return toRecord(rows[0]);
    },
  };
}
