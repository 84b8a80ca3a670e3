/**
 * The orthopaedics fixture's measured data: outside primary-care vitals and hemoglobin from a year
 * ago (through the HIE), the urgent-care vitals and pain score the night of the injury, and today's
 * intake vitals. The low hemoglobin is chart-only and never discussed.
 *
 * @module
 */
import type { Encounter, Observation, Patient, Reference } from '@medplum/fhirtypes';
import { bloodPressureTrend, LAB, labTrend, surveyTrend, vitalTrend } from './builders/index.ts';

export interface ObservationContext {
  readonly today: string;
  readonly patient: Reference<Patient>;
  /** The visit held that many days before today. */
  readonly at: (daysAgo: 0 | 3) => Reference<Encounter>;
}

export function observations({ today, patient, at }: ObservationContext): Observation[] {
  const trend = { idPrefix: 'rp-alvarez', patient, today };
  return [
    ...bloodPressureTrend({
      ...trend,
      points: [
        { daysAgo: 400, value: [112, 70] },
        { daysAgo: 3, value: [128, 82], encounter: at(3) },
        { daysAgo: 0, value: [118, 76], encounter: at(0) },
      ],
    }),
    ...vitalTrend('heartRate', {
      ...trend,
      points: [
        { daysAgo: 400, value: 68 },
        { daysAgo: 3, value: 88, encounter: at(3) },
        { daysAgo: 0, value: 72, encounter: at(0) },
      ],
    }),
    ...vitalTrend('temperature', {
      ...trend,
      points: [
        { daysAgo: 3, value: 36.9, encounter: at(3) },
        { daysAgo: 0, value: 36.8, encounter: at(0) },
      ],
    }),
    ...vitalTrend('spo2', { ...trend, points: [{ daysAgo: 3, value: 99, encounter: at(3) }] }),
    ...vitalTrend('weight', {
      ...trend,
      points: [
        { daysAgo: 400, value: 63 },
        { daysAgo: 0, value: 64, encounter: at(0) },
      ],
    }),
    // Outside primary-care results received through the HIE: in the chart, never discussed today.
    ...labTrend('hemoglobin', LAB.hemoglobin, {
      ...trend,
      points: [
        { daysAgo: 400, value: 11.9 },
        { daysAgo: 35, value: 11.6 },
      ],
    }),
    ...vitalTrend('height', { ...trend, points: [{ daysAgo: 0, value: 165, encounter: at(0) }] }),
    ...vitalTrend('bmi', { ...trend, points: [{ daysAgo: 0, value: 23.5, encounter: at(0) }] }),
    ...surveyTrend('pain', {
      ...trend,
      points: [
        { daysAgo: 3, value: 8, encounter: at(3) },
        { daysAgo: 0, value: 6, encounter: at(0) },
      ],
    }),
  ];
}
