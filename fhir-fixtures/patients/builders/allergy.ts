/**
 * AllergyIntolerances: a real allergy with its reaction, or the explicit "no known allergies"
 * statement (SNOMED 716186003), which differs from an allergy list nobody has reviewed.
 *
 * @module
 */
import type { AllergyIntolerance, Patient, Practitioner, Reference } from '@medplum/fhirtypes';
import type { WithId } from './bundle.ts';
import { SYSTEM } from './systems.ts';
import type { Coded } from './systems.ts';

export interface AllergyInput {
  readonly id: string;
  readonly patient: Reference<Patient>;
  /** RxNorm ingredient/class or SNOMED substance. */
  readonly substance: Coded & { readonly system: 'rxnorm' | 'snomed' };
  readonly type: 'allergy' | 'intolerance';
  readonly category: 'medication' | 'food' | 'environment' | 'biologic';
  readonly criticality: 'low' | 'high' | 'unable-to-assess';
  /** SNOMED clinical finding for the reaction, e.g. 247472004 Hives. */
  readonly manifestation: Coded;
  readonly severity: 'mild' | 'moderate' | 'severe';
  /** YYYY-MM-DD. */
  readonly recorded: string;
  readonly recorder?: Reference<Practitioner>;
  readonly onset?: string;
  readonly note?: string;
}

const clinicalActive = { coding: [{ system: SYSTEM.allergyClinical, code: 'active', display: 'Active' }] };
const confirmed = {
  coding: [{ system: SYSTEM.allergyVerification, code: 'confirmed', display: 'Confirmed' }],
};

export function buildAllergy(input: AllergyInput): WithId<AllergyIntolerance> {
  return {
    resourceType: 'AllergyIntolerance',
    id: input.id,
    clinicalStatus: clinicalActive,
    verificationStatus: confirmed,
    type: input.type,
    category: [input.category],
    criticality: input.criticality,
    code: {
      coding: [
        {
          system: SYSTEM[input.substance.system],
          code: input.substance.code,
          display: input.substance.display,
        },
      ],
      text: input.substance.display,
    },
    patient: input.patient,
    ...(input.onset === undefined ? {} : { onsetDateTime: input.onset }),
    recordedDate: input.recorded,
    ...(input.recorder === undefined ? {} : { recorder: input.recorder }),
    reaction: [
      {
        manifestation: [
          { coding: [{ system: SYSTEM.snomed, ...input.manifestation }], text: input.manifestation.display },
        ],
        severity: input.severity,
      },
    ],
    ...(input.note === undefined ? {} : { note: [{ text: input.note }] }),
  };
}

/** "No known allergies" as a reviewed, confirmed statement. */
export function buildNoKnownAllergies(input: {
  readonly id: string;
  readonly patient: Reference<Patient>;
  readonly recorded: string;
  readonly recorder?: Reference<Practitioner>;
}): WithId<AllergyIntolerance> {
  return {
    resourceType: 'AllergyIntolerance',
    id: input.id,
    clinicalStatus: clinicalActive,
    verificationStatus: confirmed,
    code: {
      coding: [{ system: SYSTEM.snomed, code: '716186003', display: 'No known allergy' }],
      text: 'No known allergies',
    },
    patient: input.patient,
    recordedDate: input.recorded,
    ...(input.recorder === undefined ? {} : { recorder: input.recorder }),
  };
}
