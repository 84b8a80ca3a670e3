/**
 * Builds a launch's `ClinicalContext`: every read starts at once (one round trip of latency),
 * each panel settles on its own, and one failed panel never fails the others. Two things do fail
 * the whole call: the Patient read (there is no context without the patient), and an expired
 * session on any read (the user must relaunch). Both reject with the reader's `FhirReadError`.
 *
 * @module
 */
import type { ResourceType } from '@medplum/fhirtypes';
import type { ClinicalContext, Panel, PanelName, PatientSummary } from '../contract/clinical-context.ts';
import { loadAllergies } from './allergies.ts';
import { loadCoverage } from './coverage.ts';
import { loadEncounter } from './encounter.ts';
import { FhirReadError, type FhirReader } from './fhir-reader.ts';
import { loadLabs } from './labs.ts';
import { loadMedications } from './medications.ts';
import { loadNotes } from './notes.ts';
import { isSessionExpired, runPanel, type PanelData, type RunPanelOptions } from './panel.ts';
import { normalisePatient } from './patient.ts';
import { loadPractitioner, practitionerIdOf } from './practitioner.ts';
import { loadProblems } from './problems.ts';
import { loadVitals } from './vitals.ts';

export interface ClinicalContextLaunch {
  /** Bare Patient id from the launch context. */
  readonly patientId: string;
  /** Bare Encounter id from the launch context; without it the most recent encounter is shown. */
  readonly encounterId?: string;
  /** The `fhirUser` claim: `Practitioner/abc` or an absolute URL. */
  readonly fhirUser?: string;
  /** The clock: ages, current coverage and `fetchedAt` are taken at this instant (default: now). */
  readonly now?: Date;
}

export interface LoadClinicalContextOptions {
  /** Told about each panel that failed, for logging codes (never bodies). */
  readonly onPanelFailure?: RunPanelOptions['onFailure'];
}

/** The launch Patient; any failure is a `FhirReadError`, since it fails the whole context. */
async function readPatient(reader: FhirReader, patientId: string): Promise<unknown> {
  if (!reader.canRead('Patient')) {
    throw new FhirReadError('forbidden', 'The grant does not cover reading the launch patient');
  }
  try {
    return await reader.read('Patient', patientId);
  } catch (error) {
    if (error instanceof FhirReadError) throw error;
    throw new FhirReadError('unavailable', 'The launch patient could not be read', undefined, {
      cause: error,
    });
  }
}

function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

/** The visit date for the patient's age: the encounter's start when there is one, else `now`. */
function visitDate(encounter: Panel<{ readonly start?: string } | null>, now: Date): string {
  const start = encounter.status === 'ok' ? encounter.data?.start : undefined;
  return start ?? now.toISOString();
}

export async function loadClinicalContext(
  reader: FhirReader,
  launch: ClinicalContextLaunch,
  options: LoadClinicalContextOptions = {},
): Promise<ClinicalContext> {
  const { patientId } = launch;
  const now = launch.now ?? new Date();
  const run = { onFailure: options.onPanelFailure };
  const practitionerId = practitionerIdOf(launch.fhirUser);
  const panel = <T>(name: PanelName, types: readonly ResourceType[], load: () => Promise<PanelData<T>>) =>
    runPanel(name, reader, types, load, run);

  const [patient, encounter, problems, medications, allergies, vitals, labs, coverage, practitioner, notes] =
    await Promise.allSettled([
      readPatient(reader, patientId),
      panel('encounter', ['Encounter'], () => loadEncounter(reader, patientId, launch.encounterId)),
      panel('problems', ['Condition'], () => loadProblems(reader, patientId)),
      panel('medications', ['MedicationRequest'], () => loadMedications(reader, patientId)),
      panel('allergies', ['AllergyIntolerance'], () => loadAllergies(reader, patientId)),
      panel('vitals', ['Observation'], () => loadVitals(reader, patientId)),
      panel('labs', ['Observation'], () => loadLabs(reader, patientId)),
      panel('coverage', ['Coverage'], () => loadCoverage(reader, patientId, now)),
      panel('practitioner', practitionerId === undefined ? [] : ['Practitioner'], () =>
        loadPractitioner(reader, practitionerId),
      ),
      panel('notes', ['DocumentReference'], () => loadNotes(reader, patientId)),
    ]);

  // An expired session outranks everything: the user must relaunch whatever else happened.
  const all = [
    patient,
    encounter,
    problems,
    medications,
    allergies,
    vitals,
    labs,
    coverage,
    practitioner,
    notes,
  ];
  const expired = all.find((r) => r.status === 'rejected' && isSessionExpired(r.reason));
  if (expired?.status === 'rejected') throw expired.reason;

  const encounterPanel = settled(encounter);
  const summary: PatientSummary | undefined = normalisePatient(
    settled(patient),
    visitDate(encounterPanel, now),
  );
  if (!summary)
    throw new FhirReadError(
      'malformed',
      'The EHR answered the Patient read with something that is not a Patient',
    );

  return {
    fetchedAt: (launch.now ?? new Date()).toISOString(),
    patient: summary,
    encounter: encounterPanel,
    problems: settled(problems),
    medications: settled(medications),
    allergies: settled(allergies),
    vitals: settled(vitals),
    labs: settled(labs),
    coverage: settled(coverage),
    practitioner: settled(practitioner),
    notes: settled(notes),
  };
}
