/**
 * Scored instruments as Observations (category `survey`): PHQ-9, GAD-7, a 0-10 pain score. Scores
 * are quantities in UCUM `{score}` so trend views can plot them like any other number.
 *
 * @module
 */
import type { Encounter, Observation, Patient, Reference } from '@medplum/fhirtypes';
import type { WithId } from './bundle.ts';
import { atTime, daysBefore } from './dates.ts';
import { SYSTEM } from './systems.ts';
import type { Coded } from './systems.ts';

/** The instruments the fixtures use, with their LOINC total-score codes and score bands. */
export const SURVEY = {
  phq9: {
    code: '44261-6',
    display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
    max: 27,
    bands: [
      [4, 'Minimal depression'],
      [9, 'Mild depression'],
      [14, 'Moderate depression'],
      [19, 'Moderately severe depression'],
      [27, 'Severe depression'],
    ],
  },
  gad7: {
    code: '70274-6',
    display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]',
    max: 21,
    bands: [
      [4, 'Minimal anxiety'],
      [9, 'Mild anxiety'],
      [14, 'Moderate anxiety'],
      [21, 'Severe anxiety'],
    ],
  },
  pain: {
    code: '72514-3',
    display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
    max: 10,
    bands: [],
  },
} as const satisfies Record<string, Coded & { max: number; bands: readonly (readonly [number, string])[] }>;

export type SurveyKind = keyof typeof SURVEY;

/** The published severity band for a score, when the instrument has bands. */
export function surveyBand(kind: SurveyKind, score: number): string | undefined {
  const bands: readonly (readonly [number, string])[] = SURVEY[kind].bands;
  return bands.find(([upper]) => score <= upper)?.[1];
}

export interface SurveyInput {
  readonly id: string;
  readonly patient: Reference<Patient>;
  readonly kind: SurveyKind;
  readonly score: number;
  /** FHIR dateTime with offset (see `atTime`). */
  readonly effective: string;
  readonly encounter?: Reference<Encounter>;
}

export function buildSurveyScore(input: SurveyInput): WithId<Observation> {
  const def = SURVEY[input.kind];
  if (!Number.isInteger(input.score) || input.score < 0 || input.score > def.max) {
    throw new RangeError(`${input.kind} score must be an integer from 0 to ${def.max}`);
  }
  const band = surveyBand(input.kind, input.score);
  return {
    resourceType: 'Observation',
    id: input.id,
    status: 'final',
    category: [
      {
        coding: [{ system: SYSTEM.observationCategory, code: 'survey', display: 'Survey' }],
        text: 'Survey',
      },
    ],
    code: { coding: [{ system: SYSTEM.loinc, code: def.code, display: def.display }], text: def.display },
    subject: input.patient,
    ...(input.encounter === undefined ? {} : { encounter: input.encounter }),
    effectiveDateTime: input.effective,
    valueQuantity: { value: input.score, unit: 'score', system: SYSTEM.ucum, code: '{score}' },
    ...(band === undefined ? {} : { interpretation: [{ text: band }] }),
  };
}

/** One instrument over time; ids become `${idPrefix}-${kind}-d${daysAgo}`. */
export function surveyTrend(
  kind: SurveyKind,
  input: {
    readonly idPrefix: string;
    readonly patient: Reference<Patient>;
    readonly today: string;
    /** HH:MM local, default 08:00 (patients fill these in before the visit). */
    readonly time?: string;
    readonly points: readonly {
      readonly daysAgo: number;
      readonly value: number;
      readonly encounter?: Reference<Encounter>;
    }[];
  },
): WithId<Observation>[] {
  return input.points.map((p) =>
    buildSurveyScore({
      id: `${input.idPrefix}-${kind}-d${p.daysAgo}`,
      patient: input.patient,
      kind,
      score: p.value,
      effective: atTime(daysBefore(input.today, p.daysAgo), input.time ?? '08:00'),
      ...(p.encounter === undefined ? {} : { encounter: p.encounter }),
    }),
  );
}
