/**
 * Every synthetic outpatient fixture, in schedule order.
 *
 * @module
 */
import { cardiologyHeartFailure } from './cardiology-heart-failure.ts';
import { endocrinologyType1Thyroid } from './endocrinology-type1-thyroid.ts';
import { paediatricsOtitisMedia } from './paediatrics-otitis-media.ts';
import { primaryCareDiabetes } from './primary-care-diabetes.ts';
import type { PatientFixture } from './types.ts';

export const patientFixtures: readonly PatientFixture[] = [
  primaryCareDiabetes,
  cardiologyHeartFailure,
  endocrinologyType1Thyroid,
  paediatricsOtitisMedia,
];
