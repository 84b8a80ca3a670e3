/**
 * Conditions coded twice, ICD-10-CM (what billing sees) and SNOMED CT (what the problem list
 * stores), as EHR problem lists do.
 *
 * @module
 */
import type { Condition, Encounter, Patient, Practitioner, Reference } from '@medplum/fhirtypes';
import type { WithId } from './bundle.ts';
import { SYSTEM } from './systems.ts';
import type { Coded } from './systems.ts';

export interface ConditionInput {
  readonly id: string;
  readonly patient: Reference<Patient>;
  /** Dotted ICD-10-CM code as the EHR holds it (which need not be what a coder reports today). */
  readonly icd10: Coded;
  readonly snomed: Coded;
  readonly clinicalStatus: 'active' | 'resolved';
  readonly category: 'problem-list-item' | 'encounter-diagnosis';
  /** YYYY-MM-DD. */
  readonly onset: string;
  /** YYYY-MM-DD; required when resolved. */
  readonly abatement?: string;
  readonly recorded?: string;
  readonly recorder?: Reference<Practitioner>;
  /** The encounter that made an encounter-diagnosis. */
  readonly encounter?: Reference<Encounter>;
  readonly note?: string;
}

const CATEGORY_DISPLAY = {
  'problem-list-item': 'Problem List Item',
  'encounter-diagnosis': 'Encounter Diagnosis',
} as const;
const CLINICAL_DISPLAY = { active: 'Active', resolved: 'Resolved' } as const;

export function buildCondition(input: ConditionInput): WithId<Condition> {
  if (input.clinicalStatus === 'resolved' && input.abatement === undefined) {
    throw new Error(`Resolved condition ${input.id} needs an abatement date`);
  }
  return {
    resourceType: 'Condition',
    id: input.id,
    clinicalStatus: {
      coding: [
        {
          system: SYSTEM.conditionClinical,
          code: input.clinicalStatus,
          display: CLINICAL_DISPLAY[input.clinicalStatus],
        },
      ],
    },
    verificationStatus: {
      coding: [{ system: SYSTEM.conditionVerification, code: 'confirmed', display: 'Confirmed' }],
    },
    category: [
      {
        coding: [
          {
            system: SYSTEM.conditionCategory,
            code: input.category,
            display: CATEGORY_DISPLAY[input.category],
          },
        ],
      },
    ],
    code: {
      coding: [
        { system: SYSTEM.icd10cm, code: input.icd10.code, display: input.icd10.display },
        { system: SYSTEM.snomed, code: input.snomed.code, display: input.snomed.display },
      ],
      text: input.snomed.display,
    },
    subject: input.patient,
    ...(input.encounter === undefined ? {} : { encounter: input.encounter }),
    onsetDateTime: input.onset,
    ...(input.abatement === undefined ? {} : { abatementDateTime: input.abatement }),
    ...(input.recorded === undefined ? {} : { recordedDate: input.recorded }),
    ...(input.recorder === undefined ? {} : { recorder: input.recorder }),
    ...(input.note === undefined ? {} : { note: [{ text: input.note }] }),
  };
}
