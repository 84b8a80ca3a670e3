/**
 * MedicationRequests with RxNorm codes and plain dosage text, the way outpatient medication lists
 * read ("1 tablet by mouth twice daily with meals").
 *
 * @module
 */
import type {
  Condition,
  Encounter,
  MedicationRequest,
  Patient,
  Practitioner,
  Reference,
} from '@medplum/fhirtypes';
import type { WithId } from './bundle.ts';
import { SYSTEM } from './systems.ts';
import type { Coded } from './systems.ts';

export interface MedicationInput {
  readonly id: string;
  readonly patient: Reference<Patient>;
  readonly requester: Reference<Practitioner>;
  /** RxNorm clinical drug (SCD) or branded drug (SBD) concept. */
  readonly rxnorm: Coded;
  readonly dosageText: string;
  /** YYYY-MM-DD. */
  readonly authoredOn: string;
  readonly status?: 'active' | 'stopped' | 'completed' | 'on-hold';
  readonly reason?: Reference<Condition>;
  readonly encounter?: Reference<Encounter>;
  readonly asNeeded?: boolean;
  readonly dispense?: { readonly quantity: number; readonly unit: string; readonly refills: number };
}

export function buildMedicationRequest(input: MedicationInput): WithId<MedicationRequest> {
  return {
    resourceType: 'MedicationRequest',
    id: input.id,
    status: input.status ?? 'active',
    intent: 'order',
    category: [
      { coding: [{ system: SYSTEM.medicationRequestCategory, code: 'outpatient', display: 'Outpatient' }] },
    ],
    medicationCodeableConcept: {
      coding: [{ system: SYSTEM.rxnorm, code: input.rxnorm.code, display: input.rxnorm.display }],
      text: input.rxnorm.display,
    },
    subject: input.patient,
    ...(input.encounter === undefined ? {} : { encounter: input.encounter }),
    authoredOn: input.authoredOn,
    requester: input.requester,
    ...(input.reason === undefined ? {} : { reasonReference: [input.reason] }),
    dosageInstruction: [{ text: input.dosageText, ...(input.asNeeded ? { asNeededBoolean: true } : {}) }],
    ...(input.dispense === undefined
      ? {}
      : {
          dispenseRequest: {
            quantity: { value: input.dispense.quantity, unit: input.dispense.unit },
            numberOfRepeatsAllowed: input.dispense.refills,
          },
        }),
  };
}
