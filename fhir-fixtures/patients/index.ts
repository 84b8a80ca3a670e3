/**
 * Every synthetic outpatient fixture, in schedule order.
 *
 * @module
 */
import type { PatientFixture } from './types.ts';

export const patientFixtures: readonly PatientFixture[] = [];
