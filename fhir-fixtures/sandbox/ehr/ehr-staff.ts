/**
 * EHR users who are in no patient's care team, loaded beside the fixture patients: Bea
 * Biller-Testcoder, a (fictional) billing specialist who signs in to the sandbox EHR, opens a
 * chart and launches RevenuePilot to work the billing review queue. Like Epic, the sandbox names
 * every signed-in user with a Practitioner, clinical or not.
 *
 * @module
 */
import type { Practitioner } from '@medplum/fhirtypes';
import type { WithId } from '../../patients/builders/index.ts';
import { examplePhone } from '../../patients/builders/people.ts';
import type { SandboxState } from '../state.ts';

export const BILLING_SPECIALIST: WithId<Practitioner> = {
  resourceType: 'Practitioner',
  id: 'rp-billing-biller',
  identifier: [{ system: 'urn:example:revenuepilot:employee-id', value: 'RP-TEST-EMP-0001' }],
  active: true,
  name: [{ use: 'official', family: 'Biller-Testcoder', given: ['Bea'], text: 'Bea Biller-Testcoder' }],
  telecom: [examplePhone(90, 'work')],
  qualification: [{ code: { text: 'Certified professional coder (fictional)' } }],
};

/** `Practitioner/rp-billing-biller`: how the EHR names her in a launch's `fhirUser`. */
export const BILLING_SPECIALIST_REF = `Practitioner/${BILLING_SPECIALIST.id}`;

/** Puts the staff users into the EHR's repository (idempotent). */
export async function loadEhrStaff(state: SandboxState): Promise<void> {
  await state.repo.updateResource<Practitioner>(BILLING_SPECIALIST);
}
