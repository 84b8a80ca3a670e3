/**
 * Vitals and labs for the paediatrics fixture: steady growth, fever today, and the toddler
 * screening labs (hemoglobin low at 12 months, normal at 2 years; lead normal).
 *
 * @module
 */
import type { Observation } from '@medplum/fhirtypes';
import { LAB, labTrend, pts, vitalTrend } from './builders/index.ts';
import type { TrendInput } from './builders/index.ts';

export function observations(trend: Omit<TrendInput<number>, 'points'>): Observation[] {
  return [
    ...vitalTrend('weight', { ...trend, points: pts([800, 12.2], [430, 14.9], [400, 15.0], [0, 17.2]) }),
    ...vitalTrend('height', { ...trend, points: pts([800, 88], [430, 96], [0, 104]) }),
    ...vitalTrend('temperature', { ...trend, points: pts([430, 36.7], [400, 38.4], [0, 38.6]) }),
    ...vitalTrend('heartRate', { ...trend, points: pts([430, 104], [400, 128], [0, 124]) }),
    ...vitalTrend('respiratoryRate', { ...trend, points: pts([400, 26], [0, 24]) }),
    ...vitalTrend('spo2', { ...trend, points: pts([400, 98], [0, 98]) }),
    ...labTrend('hb', LAB.hemoglobinChild, { ...trend, points: pts([1180, 10.4], [800, 11.9]) }),
    ...labTrend('lead', LAB.leadChild, { ...trend, points: pts([1180, 1.8], [800, 1.2]) }),
  ];
}
