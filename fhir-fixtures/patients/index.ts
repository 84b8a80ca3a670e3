/**
 * Every synthetic outpatient fixture, in schedule order.
 *
 * @module
 */
import { behaviouralHealthDepression } from './behavioural-health-depression.ts';
import { cardiologyChestPain } from './cardiology-chest-pain.ts';
import { cardiologyHeartFailure } from './cardiology-heart-failure.ts';
import { endocrinologyType1Thyroid } from './endocrinology-type1-thyroid.ts';
import { orthopaedicsAnkleSprain } from './orthopaedics-ankle-sprain.ts';
import { paediatricsOtitisMedia } from './paediatrics-otitis-media.ts';
import { primaryCareBronchitis } from './primary-care-bronchitis.ts';
import { primaryCareDiabetes } from './primary-care-diabetes.ts';
import type { PatientFixture } from './types.ts';

export const patientFixtures: readonly PatientFixture[] = [
  primaryCareDiabetes,
  cardiologyHeartFailure,
  endocrinologyType1Thyroid,
  paediatricsOtitisMedia,
  orthopaedicsAnkleSprain,
  cardiologyChestPain,
  behaviouralHealthDepression,
  primaryCareBronchitis,
];
