/**
 * Vitals and labs for the endocrinology fixture: TSH climbing on a fixed levothyroxine dose, A1c
 * drifting up slightly, kidney markers normal. Values a year back came from Lakeport.
 *
 * @module
 */
import type { Observation } from '@medplum/fhirtypes';
import { bloodPressureTrend, LAB, labTrend, pts, vitalTrend } from './builders/index.ts';
import type { TrendInput } from './builders/index.ts';

export function observations(trend: Omit<TrendInput<number>, 'points'>): Observation[] {
  return [
    ...bloodPressureTrend({ ...trend, points: pts([120, [118, 74]], [30, [120, 76]], [0, [116, 72]]) }),
    ...vitalTrend('heartRate', { ...trend, points: pts([120, 72], [30, 74], [0, 70]) }),
    ...vitalTrend('weight', { ...trend, points: pts([400, 64.0], [120, 65.2], [30, 66.0], [0, 66.4]) }),
    ...vitalTrend('height', { ...trend, points: pts([120, 165]) }),
    ...vitalTrend('bmi', { ...trend, points: pts([120, 23.9], [30, 24.2], [0, 24.4]) }),
    ...vitalTrend('temperature', { ...trend, points: pts([0, 36.8]) }),
    ...labTrend('tsh', LAB.tsh, { ...trend, points: pts([400, 2.1], [120, 5.2], [30, 8.9]) }),
    ...labTrend('ft4', LAB.freeT4, { ...trend, points: pts([120, 1.0], [30, 0.9]) }),
    ...labTrend('a1c', LAB.hba1c, { ...trend, points: pts([400, 7.0], [120, 7.1], [30, 7.4]) }),
    ...labTrend('uacr', LAB.uacr, { ...trend, points: pts([400, 12]) }),
    ...labTrend('creatinine', LAB.creatinine, { ...trend, points: pts([30, 0.78]) }),
    ...labTrend('egfr', LAB.egfr, { ...trend, points: pts([30, 101]) }),
  ];
}
