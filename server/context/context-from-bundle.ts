/**
 * A `ClinicalContext` from an R4 Bundle on disk rather than a live EHR: what the command-line
 * tools and the evaluation use for `--patient <bundle>`. The bundle's first Patient is the
 * patient; the same context builder runs over an in-memory reader, so the result is exactly what
 * a launch against that chart would show.
 *
 * @module
 */
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { ClinicalContext } from '../contract/clinical-context.ts';
import { AppError } from '../errors/app-error.ts';
import { FakeFhirReader } from './fake-fhir-reader.ts';
import { loadClinicalContext } from './load-clinical-context.ts';

export interface BundleContextOptions {
  /** The visit's Encounter id; otherwise the most recent encounter is shown. */
  readonly encounterId?: string;
  readonly fhirUser?: string;
  readonly now?: Date;
}

export function isBundle(value: unknown): value is Bundle {
  return typeof value === 'object' && value !== null && (value as Resource).resourceType === 'Bundle';
}

export async function contextFromBundle(
  bundle: unknown,
  options: BundleContextOptions = {},
): Promise<ClinicalContext> {
  if (!isBundle(bundle)) throw new AppError('bad_request', 'The patient file is not a FHIR R4 Bundle.');
  const resources = (bundle.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : []));
  const patient = resources.find((r) => r.resourceType === 'Patient');
  if (!patient?.id) throw new AppError('bad_request', 'The patient bundle holds no Patient with an id.');
  return loadClinicalContext(new FakeFhirReader({ resources }), {
    patientId: patient.id,
    ...(options.encounterId ? { encounterId: options.encounterId } : {}),
    ...(options.fhirUser ? { fhirUser: options.fhirUser } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}
