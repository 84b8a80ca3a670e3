/**
 * The bronchitis fixture's measured data: vitals at last year's influenza visit, a well visit and
 * today (fever, tachycardia, SpO2 95%), today's negative rapid antigen panel beside last year's
 * positive influenza A swab, and routine chemistry and lipids.
 *
 * @module
 */
import type { Encounter, Observation, Patient, Reference } from '@medplum/fhirtypes';
import {
  atTime,
  bloodPressureTrend,
  buildQualitativeLab,
  daysBefore,
  LAB,
  labTrend,
  RAPID_TEST,
  vitalTrend,
} from './builders/index.ts';

const P = 'rp-boateng';

export interface ObservationContext {
  readonly today: string;
  readonly patient: Reference<Patient>;
  /** The visit held that many days before today. */
  readonly at: (daysAgo: 0 | 120 | 400) => Reference<Encounter>;
}

export function observations({ today, patient, at }: ObservationContext): Observation[] {
  const trend = { idPrefix: P, patient, today };
  const swabTime = atTime(today, '15:05');
  return [
    ...vitalTrend('temperature', {
      ...trend,
      points: [
        { daysAgo: 400, value: 38.6, encounter: at(400) },
        { daysAgo: 120, value: 36.7, encounter: at(120) },
        { daysAgo: 0, value: 38.3, encounter: at(0) },
      ],
    }),
    ...vitalTrend('heartRate', {
      ...trend,
      points: [
        { daysAgo: 400, value: 104, encounter: at(400) },
        { daysAgo: 120, value: 78, encounter: at(120) },
        { daysAgo: 0, value: 98, encounter: at(0) },
      ],
    }),
    ...vitalTrend('respiratoryRate', {
      ...trend,
      points: [
        { daysAgo: 120, value: 14, encounter: at(120) },
        { daysAgo: 0, value: 18, encounter: at(0) },
      ],
    }),
    ...vitalTrend('spo2', {
      ...trend,
      points: [
        { daysAgo: 400, value: 97, encounter: at(400) },
        { daysAgo: 120, value: 98, encounter: at(120) },
        { daysAgo: 0, value: 95, encounter: at(0) },
      ],
    }),
    ...bloodPressureTrend({
      ...trend,
      points: [
        { daysAgo: 400, value: [126, 80], encounter: at(400) },
        { daysAgo: 120, value: [128, 82], encounter: at(120) },
        { daysAgo: 0, value: [132, 84], encounter: at(0) },
      ],
    }),
    ...vitalTrend('weight', {
      ...trend,
      points: [
        { daysAgo: 120, value: 85.5, encounter: at(120) },
        { daysAgo: 0, value: 84.0, encounter: at(0) },
      ],
    }),
    ...vitalTrend('height', { ...trend, points: [{ daysAgo: 120, value: 180, encounter: at(120) }] }),
    ...vitalTrend('bmi', { ...trend, points: [{ daysAgo: 120, value: 26.4, encounter: at(120) }] }),
    buildQualitativeLab({
      id: `${P}-lab-sars-cov-2-ag-d0`,
      patient,
      test: RAPID_TEST.sarsCov2Antigen,
      result: 'negative',
      effective: swabTime,
      encounter: at(0),
    }),
    buildQualitativeLab({
      id: `${P}-lab-flu-a-ag-d0`,
      patient,
      test: RAPID_TEST.influenzaAAntigen,
      result: 'negative',
      effective: swabTime,
      encounter: at(0),
    }),
    buildQualitativeLab({
      id: `${P}-lab-flu-b-ag-d0`,
      patient,
      test: RAPID_TEST.influenzaBAntigen,
      result: 'negative',
      effective: swabTime,
      encounter: at(0),
    }),
    buildQualitativeLab({
      id: `${P}-lab-flu-a-ag-d400`,
      patient,
      test: RAPID_TEST.influenzaAAntigen,
      result: 'positive',
      effective: atTime(daysBefore(today, 400), '11:10'),
      encounter: at(400),
    }),
    ...labTrend('glucose', LAB.glucose, { ...trend, points: [{ daysAgo: 120, value: 94 }] }),
    ...labTrend('creatinine', LAB.creatinine, { ...trend, points: [{ daysAgo: 120, value: 0.92 }] }),
    ...labTrend('cholesterol', LAB.cholesterol, {
      ...trend,
      points: [
        { daysAgo: 480, value: 181 },
        { daysAgo: 120, value: 186 },
      ],
    }),
    ...labTrend('ldl', LAB.ldl, {
      ...trend,
      points: [
        { daysAgo: 480, value: 109 },
        { daysAgo: 120, value: 112 },
      ],
    }),
  ];
}
