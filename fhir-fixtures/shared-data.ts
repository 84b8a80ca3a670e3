/**
 * Where the official data files live: `../shared/data/` beside the repository (see its README).
 * Tests and importers read them there; they are never copied into the repository.
 *
 * @module
 */
import path from 'node:path';

const SHARED_DATA = path.resolve(import.meta.dirname, '../../shared/data');

/** Absolute path of a file under `../shared/data/`, e.g. `sharedDataPath('icd10cm', 'x.csv')`. */
export function sharedDataPath(...segments: string[]): string {
  return path.join(SHARED_DATA, ...segments);
}

/** One of the two Synthea US Core patient bundles (`355` or `85`). */
export function usCoreBundlePath(patient: '355' | '85'): string {
  return sharedDataPath('us-core-patients', `uscore_bundle_patient_${patient}.json`);
}
