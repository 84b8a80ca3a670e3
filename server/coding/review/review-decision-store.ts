/**
 * Billing decisions on suggested codes (`code_review_decision`, migration 0011). Rows are only
 * ever added: the newest row for an encounter's code is its current decision and the older ones
 * stay as its history, each with who decided and when.
 *
 * @module
 */
import type { ReviewCodeKind, ReviewDecision } from '../../contract/billing-review.ts';
import type { ReviewDecisionKind } from '../../contract/coding.ts';
import type { Queryable } from '../../db/db.ts';
import type { EncounterKey } from '../store/code-suggestion-store.ts';

export interface DecisionToSave {
  readonly code: string;
  readonly kind: ReviewCodeKind;
  readonly decision: ReviewDecisionKind;
  readonly replacementCode?: string;
  readonly reason?: string;
  readonly decidedBy: string;
  readonly decidedByName: string;
}

export interface ReviewDecisionStore {
  save(key: EncounterKey, decision: DecisionToSave): Promise<ReviewDecision>;
  /** Every decision on the encounter, newest first. */
  history(key: EncounterKey): Promise<ReviewDecision[]>;
  /** The codes that have a decision, per encounter (`patientId`, `encounterId` pairs) of one registration. */
  decidedCodes(
    registrationId: string,
    encounters: readonly Pick<EncounterKey, 'patientId' | 'encounterId'>[],
  ): Promise<Map<string, Set<string>>>;
}

interface Row {
  id: string;
  code: string;
  code_kind: ReviewCodeKind;
  decision: ReviewDecisionKind;
  replacement_code: string | null;
  reason: string | null;
  decided_by: string;
  decided_by_name: string;
  decided_at: Date;
}

// The id goes out as text (a bigint); order by the table's column, not this text alias.
const COLUMNS =
  'id::text as id, code, code_kind, decision, replacement_code, reason, decided_by, decided_by_name, decided_at';

function toDecision(row: Row): ReviewDecision {
  return {
    id: row.id,
    code: row.code,
    kind: row.code_kind,
    decision: row.decision,
    ...(row.replacement_code === null ? {} : { replacementCode: row.replacement_code }),
    ...(row.reason === null ? {} : { reason: row.reason }),
    decidedBy: row.decided_by,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at.toISOString(),
  };
}

/** The map key `decidedCodes` answers under. */
export const encounterMapKey = (key: Pick<EncounterKey, 'patientId' | 'encounterId'>): string =>
  JSON.stringify([key.patientId, key.encounterId]);

export function createReviewDecisionStore(db: Queryable): ReviewDecisionStore {
  return {
    async save(key, d) {
      const { rows } = await db.query<Row>(
        `insert into code_review_decision
           (registration_id, patient_id, encounter_id, code, code_kind, decision, replacement_code, reason,
            decided_by, decided_by_name)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         returning ${COLUMNS}`,
        [
          key.registrationId,
          key.patientId,
          key.encounterId,
          d.code,
          d.kind,
          d.decision,
          d.replacementCode ?? null,
          d.reason ?? null,
          d.decidedBy,
          d.decidedByName,
        ],
      );
      return toDecision(rows[0]!);
    },

    async history(key) {
      const { rows } = await db.query<Row>(
        `select ${COLUMNS} from code_review_decision
         where registration_id = $1 and patient_id = $2 and encounter_id = $3
         order by code_review_decision.id desc`,
        [key.registrationId, key.patientId, key.encounterId],
      );
      return rows.map(toDecision);
    },

    async decidedCodes(registrationId, encounters) {
      const decided = new Map<string, Set<string>>();
      if (encounters.length === 0) return decided;
      const { rows } = await db.query<{ patient_id: string; encounter_id: string; code: string }>(
        `select distinct d.patient_id, d.encounter_id, d.code
         from code_review_decision d
         join unnest($2::text[], $3::text[]) as e (patient_id, encounter_id)
           on d.patient_id = e.patient_id and d.encounter_id = e.encounter_id
         where d.registration_id = $1`,
        [registrationId, encounters.map((e) => e.patientId), encounters.map((e) => e.encounterId)],
      );
      for (const row of rows) {
        const mapKey = encounterMapKey({ patientId: row.patient_id, encounterId: row.encounter_id });
        const codes = decided.get(mapKey) ?? new Set<string>();
        codes.add(row.code);
        decided.set(mapKey, codes);
      }
      return decided;
    },
  };
}
