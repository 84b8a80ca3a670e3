/**
 * Qualitative laboratory results (detected / not detected), such as point-of-care antigen tests,
 * coded with SNOMED CT answers and an interpretation flag so "negative" is never mistaken for a
 * missing value.
 *
 * @module
 */
import type { Encounter, Observation, Patient, Reference } from '@medplum/fhirtypes';
import type { WithId } from './bundle.ts';
import { SYSTEM } from './systems.ts';
import type { Coded } from './systems.ts';

/** Rapid point-of-care tests the fixtures use (LOINC). */
export const RAPID_TEST = {
  sarsCov2Antigen: {
    code: '94558-4',
    display: 'SARS-CoV-2 (COVID-19) Ag [Presence] in Respiratory system specimen by Rapid immunoassay',
  },
  influenzaAAntigen: {
    code: '80382-5',
    display: 'Influenza virus A Ag [Presence] in Upper respiratory specimen by Rapid immunoassay',
  },
  influenzaBAntigen: {
    code: '80383-3',
    display: 'Influenza virus B Ag [Presence] in Upper respiratory specimen by Rapid immunoassay',
  },
} as const satisfies Record<string, Coded>;

const ANSWER = {
  negative: { snomed: { code: '260385009', display: 'Negative' }, flag: { code: 'N', display: 'Normal' } },
  positive: { snomed: { code: '10828004', display: 'Positive' }, flag: { code: 'A', display: 'Abnormal' } },
} as const;

export interface QualitativeLabInput {
  readonly id: string;
  readonly patient: Reference<Patient>;
  readonly test: Coded;
  readonly result: keyof typeof ANSWER;
  /** FHIR dateTime with offset (see `atTime`). */
  readonly effective: string;
  readonly encounter?: Reference<Encounter>;
}

export function buildQualitativeLab(input: QualitativeLabInput): WithId<Observation> {
  const answer = ANSWER[input.result];
  return {
    resourceType: 'Observation',
    id: input.id,
    status: 'final',
    category: [
      {
        coding: [{ system: SYSTEM.observationCategory, code: 'laboratory', display: 'Laboratory' }],
        text: 'Laboratory',
      },
    ],
    code: { coding: [{ system: SYSTEM.loinc, ...input.test }], text: input.test.display },
    subject: input.patient,
    ...(input.encounter === undefined ? {} : { encounter: input.encounter }),
    effectiveDateTime: input.effective,
    issued: input.effective,
    valueCodeableConcept: {
      coding: [{ system: SYSTEM.snomed, ...answer.snomed }],
      text: answer.snomed.display,
    },
    interpretation: [
      { coding: [{ system: SYSTEM.interpretation, ...answer.flag }], text: answer.flag.display },
    ],
  };
}
