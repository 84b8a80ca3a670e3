/**
 * Reads what the EHR pages show straight from the sandbox repository (the EHR's own database),
 * not through its FHIR API, as a real EHR's chart does.
 *
 * @module
 */
import { formatHumanName } from '@medplum/core';
import type { DocumentReference, Encounter, HumanName, Patient, Practitioner } from '@medplum/fhirtypes';
import type { SandboxState } from '../state.ts';

export interface ScheduledVisit {
  readonly encounter: Encounter & { id: string };
  readonly patient: Patient & { id: string };
  readonly practitioner: (Practitioner & { id: string }) | undefined;
  /** Local time of day, HH:MM. */
  readonly time: string;
}

export async function todaysVisits(state: SandboxState): Promise<ScheduledVisit[]> {
  const encounters = await state.repo.searchResources<Encounter>({
    resourceType: 'Encounter',
    count: 10_000,
  });
  const visits: ScheduledVisit[] = [];
  for (const encounter of encounters) {
    const start = encounter.period?.start;
    if (
      !start?.startsWith(state.today) ||
      encounter.status === 'finished' ||
      encounter.status === 'cancelled'
    )
      continue;
    const patient = await readByReference<Patient>(state, encounter.subject?.reference, 'Patient');
    if (!patient) continue;
    const practitioner = await readByReference<Practitioner>(
      state,
      encounter.participant?.[0]?.individual?.reference,
      'Practitioner',
    );
    visits.push({ encounter, patient, practitioner, time: start.slice(11, 16) });
  }
  return visits.sort((a, b) => a.time.localeCompare(b.time));
}

export async function allPatients(state: SandboxState): Promise<(Patient & { id: string })[]> {
  const patients = await state.repo.searchResources<Patient>({ resourceType: 'Patient', count: 10_000 });
  return patients.sort((a, b) => personName(a).localeCompare(personName(b)));
}

export async function notesFor(state: SandboxState, patientId: string): Promise<DocumentReference[]> {
  const notes = await state.repo.searchResources<DocumentReference>({
    resourceType: 'DocumentReference',
    count: 10_000,
  });
  return notes
    .filter((note) => note.subject?.reference === `Patient/${patientId}`)
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}

export async function readPatient(
  state: SandboxState,
  id: string,
): Promise<(Patient & { id: string }) | undefined> {
  return readByReference<Patient>(state, `Patient/${id}`, 'Patient');
}

export async function readEncounter(
  state: SandboxState,
  id: string,
): Promise<(Encounter & { id: string }) | undefined> {
  return readByReference<Encounter>(state, `Encounter/${id}`, 'Encounter');
}

/**
 * Who is signed in to the chart: the visit's clinician when that is a Practitioner the EHR
 * holds, else (a chart opened without a visit, or a visit whose participant is missing, a
 * PractitionerRole or an unresolved reference, as in some imported bundles) the sandbox's
 * default user: the first practitioner loaded (a fixture clinician when the fixtures are loaded).
 */
export async function signedInUser(state: SandboxState, encounter?: Encounter): Promise<string> {
  const clinician = await readByReference<Practitioner>(
    state,
    encounter?.participant?.[0]?.individual?.reference,
    'Practitioner',
  );
  if (clinician) return `Practitioner/${clinician.id}`;
  const [first] = await state.repo.searchResources<Practitioner>({ resourceType: 'Practitioner', count: 1 });
  return first ? `Practitioner/${first.id}` : 'Practitioner/unknown';
}

/** A patient's or practitioner's display name. */
export function personName(person: { name?: HumanName[] }): string {
  return formatHumanName(person.name?.[0]) || 'Unnamed';
}

async function readByReference<T extends Patient | Practitioner | Encounter>(
  state: SandboxState,
  reference: string | undefined,
  type: T['resourceType'],
): Promise<(T & { id: string }) | undefined> {
  const [refType, id] = reference?.split('/') ?? [];
  if (refType !== type || !id) return undefined;
  try {
    return (await state.repo.readResource<T>(type, id)) as T & { id: string };
  } catch {
    return undefined;
  }
}
