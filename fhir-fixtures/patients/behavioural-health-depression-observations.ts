/**
 * The behavioural-health fixture's measured data: PHQ-9 and GAD-7 rising over three visits, vitals
 * with the weight loss she describes, and primary-care labs (a normal TSH, the "borderline"
 * cholesterol she mentions and leaves with her primary-care doctor).
 *
 * @module
 */
import type { Encounter, Observation, Patient, Reference } from '@medplum/fhirtypes';
import { bloodPressureTrend, LAB, labTrend, surveyTrend, vitalTrend } from './builders/index.ts';

export interface ObservationContext {
  readonly today: string;
  readonly patient: Reference<Patient>;
  /** The visit held that many days before today. */
  readonly at: (daysAgo: 0 | 42 | 91) => Reference<Encounter>;
}

export function observations({ today, patient, at }: ObservationContext): Observation[] {
  const trend = { idPrefix: 'rp-nakamura', patient, today };
  return [
    ...surveyTrend('phq9', {
      ...trend,
      time: '07:40',
      points: [
        { daysAgo: 91, value: 8, encounter: at(91) },
        { daysAgo: 42, value: 11, encounter: at(42) },
        { daysAgo: 0, value: 14, encounter: at(0) },
      ],
    }),
    ...surveyTrend('gad7', {
      ...trend,
      time: '07:40',
      points: [
        { daysAgo: 91, value: 7, encounter: at(91) },
        { daysAgo: 42, value: 10, encounter: at(42) },
        { daysAgo: 0, value: 13, encounter: at(0) },
      ],
    }),
    ...bloodPressureTrend({
      ...trend,
      points: [
        { daysAgo: 91, value: [118, 76], encounter: at(91) },
        { daysAgo: 42, value: [114, 72], encounter: at(42) },
        { daysAgo: 0, value: [116, 74], encounter: at(0) },
      ],
    }),
    ...vitalTrend('heartRate', {
      ...trend,
      points: [
        { daysAgo: 91, value: 74, encounter: at(91) },
        { daysAgo: 42, value: 76, encounter: at(42) },
        { daysAgo: 0, value: 78, encounter: at(0) },
      ],
    }),
    ...vitalTrend('weight', {
      ...trend,
      points: [
        { daysAgo: 91, value: 70.6, encounter: at(91) },
        { daysAgo: 42, value: 70.3, encounter: at(42) },
        { daysAgo: 0, value: 68.2, encounter: at(0) },
      ],
    }),
    ...vitalTrend('height', { ...trend, points: [{ daysAgo: 91, value: 165, encounter: at(91) }] }),
    ...vitalTrend('bmi', {
      ...trend,
      points: [
        { daysAgo: 91, value: 25.9, encounter: at(91) },
        { daysAgo: 0, value: 25.1, encounter: at(0) },
      ],
    }),
    // Ordered by her primary-care doctor (no encounter in this chart): a result, not an order, today.
    ...labTrend('tsh', LAB.tsh, {
      ...trend,
      points: [
        { daysAgo: 400, value: 1.8 },
        { daysAgo: 30, value: 2.1 },
      ],
    }),
    ...labTrend('ldl', LAB.ldl, {
      ...trend,
      points: [
        { daysAgo: 400, value: 128 },
        { daysAgo: 30, value: 142 },
      ],
    }),
    ...labTrend('cholesterol', LAB.cholesterol, { ...trend, points: [{ daysAgo: 30, value: 214 }] }),
  ];
}
