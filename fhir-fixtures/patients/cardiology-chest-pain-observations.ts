/**
 * The cardiology fixture's measured data: blood pressure above goal at three visits, weight and BMI,
 * and a year of labs from primary care (LDL 148 rising to 162, normal A1c, kidney function and
 * potassium) that the cardiologist reviews.
 *
 * @module
 */
import type { Encounter, Observation, Patient, Reference } from '@medplum/fhirtypes';
import { bloodPressureTrend, LAB, labTrend, vitalTrend } from './builders/index.ts';

export interface ObservationContext {
  readonly today: string;
  readonly patient: Reference<Patient>;
  /** The visit held that many days before today. */
  readonly at: (daysAgo: 0 | 9 | 375) => Reference<Encounter>;
}

export function observations({ today, patient, at }: ObservationContext): Observation[] {
  const trend = { idPrefix: 'rp-harrow', patient, today };
  const lab = { ...trend, time: '16:30' };
  return [
    ...bloodPressureTrend({
      ...trend,
      points: [
        { daysAgo: 375, value: [142, 88], encounter: at(375) },
        { daysAgo: 9, value: [150, 92], encounter: at(9) },
        { daysAgo: 0, value: [148, 90], encounter: at(0) },
      ],
    }),
    ...vitalTrend('heartRate', {
      ...trend,
      points: [
        { daysAgo: 375, value: 72, encounter: at(375) },
        { daysAgo: 9, value: 78, encounter: at(9) },
        { daysAgo: 0, value: 76, encounter: at(0) },
      ],
    }),
    ...vitalTrend('weight', {
      ...trend,
      points: [
        { daysAgo: 375, value: 91.0, encounter: at(375) },
        { daysAgo: 9, value: 92.4, encounter: at(9) },
        { daysAgo: 0, value: 92.0, encounter: at(0) },
      ],
    }),
    ...vitalTrend('height', { ...trend, points: [{ daysAgo: 375, value: 178, encounter: at(375) }] }),
    ...vitalTrend('bmi', {
      ...trend,
      points: [
        { daysAgo: 375, value: 28.7, encounter: at(375) },
        { daysAgo: 0, value: 29.0, encounter: at(0) },
      ],
    }),
    ...vitalTrend('spo2', { ...trend, points: [{ daysAgo: 0, value: 98, encounter: at(0) }] }),
    ...labTrend('cholesterol', LAB.cholesterol, {
      ...lab,
      points: [
        { daysAgo: 375, value: 216 },
        { daysAgo: 9, value: 231 },
      ],
    }),
    ...labTrend('ldl', LAB.ldl, {
      ...lab,
      points: [
        { daysAgo: 375, value: 148 },
        { daysAgo: 9, value: 162 },
      ],
    }),
    ...labTrend('hdl', LAB.hdl, {
      ...lab,
      points: [
        { daysAgo: 375, value: 43 },
        { daysAgo: 9, value: 41 },
      ],
    }),
    ...labTrend('triglycerides', LAB.triglycerides, {
      ...lab,
      points: [
        { daysAgo: 375, value: 125 },
        { daysAgo: 9, value: 138 },
      ],
    }),
    ...labTrend('a1c', LAB.hba1c, {
      ...lab,
      points: [
        { daysAgo: 375, value: 5.3 },
        { daysAgo: 9, value: 5.4 },
      ],
    }),
    ...labTrend('creatinine', LAB.creatinine, {
      ...lab,
      points: [
        { daysAgo: 375, value: 0.95 },
        { daysAgo: 9, value: 0.98 },
      ],
    }),
    ...labTrend('egfr', LAB.egfr, { ...lab, points: [{ daysAgo: 9, value: 89 }] }),
    ...labTrend('potassium', LAB.potassium, { ...lab, points: [{ daysAgo: 9, value: 4.3 }] }),
    ...labTrend('sodium', LAB.sodium, { ...lab, points: [{ daysAgo: 9, value: 140 }] }),
    ...labTrend('glucose', LAB.glucose, { ...lab, points: [{ daysAgo: 9, value: 96 }] }),
  ];
}
