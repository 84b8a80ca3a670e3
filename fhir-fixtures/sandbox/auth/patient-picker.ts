/**
 * The standalone-launch patient picker: lists the Patient resources in the sandbox repository
 * (name and birth date) in a form that POSTs the choice back with the pending transaction id.
 *
 * @module
 */
import { formatHumanName } from '@medplum/core';
import type { MemoryRepository } from '@medplum/fhir-router';
import type { Patient } from '@medplum/fhirtypes';
import { escapeHtml } from '../html.ts';
import { page } from './html-pages.ts';

export interface PickablePatient {
  readonly id: string;
  readonly name: string;
  readonly birthDate: string | undefined;
}

/** Every patient, sorted by name, with the display the picker shows. */
export async function listPatients(repo: MemoryRepository): Promise<PickablePatient[]> {
  const patients = await repo.searchResources<Patient>({ resourceType: 'Patient', count: 1000 });
  return patients
    .map((p) => ({
      id: p.id,
      name: (p.name?.[0] && formatHumanName(p.name[0])) || `Patient ${p.id}`,
      birthDate: p.birthDate,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface PickerPageInput {
  readonly appName: string;
  readonly transaction: string;
  /** Where the form posts, e.g. `/auth/authorize/patient`. */
  readonly action: string;
  readonly patients: readonly PickablePatient[];
}

export function renderPatientPicker(input: PickerPageInput): string {
  const options = input.patients
    .map(
      (
        p,
        index,
      ) => `<label><input type="radio" name="patient" value="${escapeHtml(p.id)}"${index === 0 ? ' required' : ''}>
 ${escapeHtml(p.name)}${p.birthDate ? ` <span>(born ${escapeHtml(p.birthDate)})</span>` : ''}</label>`,
    )
    .join('\n');
  const list = input.patients.length > 0 ? options : '<p>There are no patients in this sandbox.</p>';
  const body = `<main>
<h1>Choose a patient for ${escapeHtml(input.appName)}</h1>
<form method="post" action="${escapeHtml(input.action)}">
<input type="hidden" name="transaction" value="${escapeHtml(input.transaction)}">
<fieldset>
<legend>Patients</legend>
${list}
</fieldset>
<button type="submit" name="decision" value="allow">Open the app with this patient</button>
<button type="submit" name="decision" value="deny" formnovalidate>Cancel</button>
</form>
</main>`;
  return page(`Choose a patient – ${input.appName}`, body);
}
