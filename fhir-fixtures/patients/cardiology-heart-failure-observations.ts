/**
 * Vitals and labs for the cardiology heart-failure fixture: weight and NT-proBNP climbing into
 * today's visit, kidney function and potassium drifting but normal. Values on the outside visit's
 * day came from Riverbend.
 *
 * @module
 */
import type { Observation } from '@medplum/fhirtypes';
import { bloodPressureTrend, LAB, labTrend, pts, vitalTrend } from './builders/index.ts';
import type { TrendInput } from './builders/index.ts';

export function observations(trend: Omit<TrendInput<number>, 'points'>): Observation[] {
  return [
    ...bloodPressureTrend({
      ...trend,
      points: pts([280, [128, 74]], [95, [126, 76]], [24, [130, 76]], [0, [132, 78]]),
    }),
    ...vitalTrend('heartRate', { ...trend, points: pts([280, 78], [95, 76], [24, 84], [0, 88]) }),
    ...vitalTrend('weight', { ...trend, points: pts([280, 71.8], [95, 72.5], [0, 74.3]) }),
    ...vitalTrend('height', { ...trend, points: pts([280, 162]) }),
    ...vitalTrend('bmi', { ...trend, points: pts([280, 27.4], [95, 27.6], [0, 28.3]) }),
    ...vitalTrend('spo2', { ...trend, points: pts([95, 97], [24, 96], [0, 95]) }),
    ...vitalTrend('temperature', { ...trend, points: pts([24, 36.8], [0, 36.6]) }),
    ...labTrend('ntprobnp', LAB.ntProBnp, { ...trend, points: pts([280, 640], [95, 820], [24, 1450]) }),
    ...labTrend('creatinine', LAB.creatinine, { ...trend, points: pts([280, 0.88], [95, 0.9], [24, 0.95]) }),
    ...labTrend('egfr', LAB.egfr, { ...trend, points: pts([280, 68], [95, 65], [24, 61]) }),
    ...labTrend('potassium', LAB.potassium, { ...trend, points: pts([95, 4.3], [24, 4.5]) }),
    ...labTrend('sodium', LAB.sodium, { ...trend, points: pts([95, 139], [24, 138]) }),
    ...labTrend('magnesium', LAB.magnesium, { ...trend, points: pts([95, 2.0]) }),
  ];
}
