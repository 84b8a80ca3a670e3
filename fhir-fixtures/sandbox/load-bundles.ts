/**
 * Puts data into the sandbox the way a client would: transaction or batch Bundles run through
 * the FHIR router (so `urn:uuid:` fullUrls in Synthea bundles become real references), with
 * full access and without R4 validation (fixtures are trusted; Synthea's Device UDI strings,
 * for one, are not valid base64Binary).
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { isOk, operationOutcomeToString } from '@medplum/core';
import type { Bundle } from '@medplum/fhirtypes';
import { FhirRouter } from '@medplum/fhir-router';
import { patientFixtures } from '../patients/index.ts';
import { loadEhrStaff } from './ehr/ehr-staff.ts';
import { FULL_ACCESS } from './fhir/access-policy.ts';
import { ensureFhirDefinitions } from './fhir/fhir-definitions.ts';
import { GuardedRepository } from './fhir/guarded-repository.ts';
import type { SandboxState } from './state.ts';

/** The router refuses transactions with more updates than this; bigger ones load as a checked batch. */
const MAX_TRANSACTION_UPDATES = 50;

/** Loads a transaction or batch Bundle; throws if the bundle, or any entry of it, fails. */
export async function loadBundle(state: SandboxState, bundle: Bundle): Promise<Bundle> {
  ensureFhirDefinitions();
  if (bundle.resourceType !== 'Bundle' || (bundle.type !== 'transaction' && bundle.type !== 'batch')) {
    throw new Error('loadBundle needs a transaction or batch Bundle');
  }
  const updates = (bundle.entry ?? []).filter(
    (e) => e.request?.method === 'PUT' || e.request?.method === 'PATCH',
  ).length;
  const body: Bundle =
    bundle.type === 'transaction' && updates > MAX_TRANSACTION_UPDATES
      ? { ...bundle, type: 'batch' }
      : bundle;
  const repo = new GuardedRepository(state.repo, {
    policy: FULL_ACCESS,
    validate: false,
    fhirBaseUrl: undefined,
  });
  const [outcome, result] = await new FhirRouter().handleRequest(
    { method: 'POST', url: '', pathname: '', params: {}, query: {}, body, config: { transactions: true } },
    repo,
  );
  if (!isOk(outcome) || result?.resourceType !== 'Bundle') {
    throw new Error(`Bundle did not load: ${operationOutcomeToString(outcome)}`);
  }
  const failed = (result.entry ?? [])
    .map((entry, index) => ({ index, status: entry.response?.status ?? '' }))
    .filter(({ status }) => !/^2\d\d/.test(status));
  if (failed.length > 0) {
    throw new Error(
      `Bundle entries failed to load: ${failed.map((f) => `#${f.index} (${f.status})`).join(', ')}`,
    );
  }
  return result;
}

/** Reads a Bundle JSON file (e.g. a Synthea export) and loads it. */
export async function loadBundleFile(state: SandboxState, path: string): Promise<Bundle> {
  const bundle = JSON.parse(await readFile(path, 'utf8')) as Bundle;
  return loadBundle(state, bundle);
}

/**
 * Loads every synthetic outpatient fixture, built for `state.today`, then the EHR's staff users
 * (after the clinicians, so the default user stays a fixture clinician). Returns how many
 * patients loaded.
 */
export async function loadFixturePatients(state: SandboxState): Promise<number> {
  for (const fixture of patientFixtures) {
    await loadBundle(state, fixture.bundle(state.today));
  }
  await loadEhrStaff(state);
  return patientFixtures.length;
}
