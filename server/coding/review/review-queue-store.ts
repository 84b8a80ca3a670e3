/**
 * The billing queue's read of `code_suggestion`: one registration's encounters with suggestions,
 * filtered by provider, payer type and date of service, newest first, with only the codes (not
 * the suggestions' evidence) so a long queue stays a small read.
 *
 * @module
 */
import type { ReviewQueueFilters } from '../../contract/billing-review.ts';
import type { PayerType } from '../../contract/clinical-context.ts';
import type { Queryable } from '../../db/db.ts';

export interface QueueRow {
  readonly patientId: string;
  readonly encounterId: string;
  readonly patientName: string;
  readonly provider: string;
  readonly payerType: PayerType;
  readonly dateOfService: string;
  readonly emCode: string;
  /** Every reported code: diagnoses, the E/M level, add-ons, services. */
  readonly codes: readonly string[];
  readonly suggestedAt: string;
}

export interface ReviewQueueStore {
  /** At most `limit` encounters matching the filters (the status filter is the caller's). */
  list(
    registrationId: string,
    filters: Omit<ReviewQueueFilters, 'status'>,
    limit: number,
  ): Promise<QueueRow[]>;
  providers(registrationId: string): Promise<string[]>;
}

interface Row {
  patient_id: string;
  encounter_id: string;
  patient_name: string;
  provider: string;
  payer_type: PayerType;
  date_of_service: string;
  em_code: string | null;
  codes: (string | null)[] | null;
  updated_at: Date;
}

export function createReviewQueueStore(db: Queryable): ReviewQueueStore {
  return {
    async list(registrationId, filters, limit) {
      const { rows } = await db.query<Row>(
        `select patient_id, encounter_id, patient_name, provider, payer_type,
           date_of_service::text as date_of_service, suggestions->'em'->>'code' as em_code,
           array(
             select jsonb_array_elements_text(
               jsonb_path_query_array(suggestions, '$.diagnoses[*].code') ||
               jsonb_build_array(suggestions->'em'->'code') ||
               jsonb_path_query_array(suggestions, '$.em.addOns[*].code') ||
               jsonb_path_query_array(suggestions, '$.services[*].code'))
           ) as codes,
           updated_at
         from code_suggestion
         where registration_id = $1
           and ($2::text is null or provider = $2)
           and ($3::text is null or payer_type = $3)
           and ($4::date is null or date_of_service >= $4)
           and ($5::date is null or date_of_service <= $5)
         order by date_of_service desc, updated_at desc, patient_id, encounter_id
         limit $6`,
        [
          registrationId,
          filters.provider ?? null,
          filters.payerType ?? null,
          filters.from ?? null,
          filters.to ?? null,
          limit,
        ],
      );
      return rows.map((row) => ({
        patientId: row.patient_id,
        encounterId: row.encounter_id,
        patientName: row.patient_name,
        provider: row.provider,
        payerType: row.payer_type,
        dateOfService: row.date_of_service,
        emCode: row.em_code ?? '',
        codes: (row.codes ?? []).filter((code): code is string => typeof code === 'string' && code !== ''),
        suggestedAt: row.updated_at.toISOString(),
      }));
    },

    async providers(registrationId) {
      const { rows } = await db.query<{ provider: string }>(
        `select distinct provider from code_suggestion
         where registration_id = $1 and provider <> '' order by provider`,
        [registrationId],
      );
      return rows.map((row) => row.provider);
    },
  };
}
