/**
 * The latest code suggestions per encounter (`code_suggestion`), kept with what the billing queue
 * filters on: provider, payer type and date of service. A new run replaces the encounter's row:
 * billing staff review what the note says now, and their decisions (kept elsewhere, by code) stay.
 *
 * @module
 */
import type { EncounterCodeSuggestions } from '../../contract/coding.ts';
import type { PayerType } from '../../contract/clinical-context.ts';
import type { Queryable } from '../../db/db.ts';
import type { DraftKey } from '../../drafting/draft-store.ts';

/** Same key as the draft: one encounter of one patient at one EHR. */
export type EncounterKey = DraftKey;

export interface StoredSuggestions {
  readonly key: EncounterKey;
  readonly patientName: string;
  readonly provider: string;
  readonly payerType: PayerType;
  /** YYYY-MM-DD. */
  readonly dateOfService: string;
  readonly suggestions: EncounterCodeSuggestions;
  readonly updatedAt: string;
}

export interface SuggestionsToSave {
  readonly patientName: string;
  readonly provider: string;
  readonly payerType: PayerType;
  readonly dateOfService: string;
  readonly suggestions: EncounterCodeSuggestions;
}

export interface CodeSuggestionStore {
  save(key: EncounterKey, entry: SuggestionsToSave, actor: string | null): Promise<StoredSuggestions>;
  find(key: EncounterKey): Promise<StoredSuggestions | null>;
}

interface Row {
  registration_id: string;
  patient_id: string;
  encounter_id: string;
  patient_name: string;
  provider: string;
  payer_type: PayerType;
  date_of_service: string | Date;
  suggestions: EncounterCodeSuggestions;
  updated_at: Date;
}

const COLUMNS =
  'registration_id, patient_id, encounter_id, patient_name, provider, payer_type, date_of_service::text as date_of_service, suggestions, updated_at';

export function toStoredSuggestions(row: Row): StoredSuggestions {
  return {
    key: { registrationId: row.registration_id, patientId: row.patient_id, encounterId: row.encounter_id },
    patientName: row.patient_name,
    provider: row.provider,
    payerType: row.payer_type,
    dateOfService:
      typeof row.date_of_service === 'string'
        ? row.date_of_service
        : row.date_of_service.toISOString().slice(0, 10),
    suggestions: row.suggestions,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function createCodeSuggestionStore(db: Queryable): CodeSuggestionStore {
  return {
    async save(key, entry, actor) {
      const { rows } = await db.query<Row>(
        `insert into code_suggestion
           (registration_id, patient_id, encounter_id, patient_name, provider, payer_type, date_of_service,
            draft_version, suggestions, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         on conflict (registration_id, patient_id, encounter_id) do update set
           patient_name = excluded.patient_name, provider = excluded.provider,
           payer_type = excluded.payer_type, date_of_service = excluded.date_of_service,
           draft_version = excluded.draft_version, suggestions = excluded.suggestions,
           created_by = excluded.created_by, updated_at = now()
         returning ${COLUMNS}`,
        [
          key.registrationId,
          key.patientId,
          key.encounterId,
          entry.patientName,
          entry.provider,
          entry.payerType,
          entry.dateOfService,
          entry.suggestions.draftVersion,
          JSON.stringify(entry.suggestions),
          actor,
        ],
      );
      return toStoredSuggestions(rows[0]!);
    },

    async find(key) {
      const { rows } = await db.query<Row>(
        `select ${COLUMNS} from code_suggestion where registration_id = $1 and patient_id = $2 and encounter_id = $3`,
        [key.registrationId, key.patientId, key.encounterId],
      );
      return rows[0] ? toStoredSuggestions(rows[0]) : null;
    },
  };
}
