/**
 * The active medication list from MedicationRequests: the drug (coded concept, a contained
 * Medication, or the reference's display), its RxNorm code, and the dosage as written. A request
 * whose drug cannot be named is not shown (and counted in a warning) rather than shown blank.
 *
 * @module
 */
import { formatTiming } from '@medplum/core';
import type { CodeableConcept, Dosage, Medication, MedicationRequest } from '@medplum/fhirtypes';
import type { Coded, MedicationItem } from '../contract/clinical-context.ts';
import { asList, capList, collect, LIST_CAPS, skippedWarnings } from './collect.ts';
import type { FhirReader } from './fhir-reader.ts';
import { codingIn, conceptText, refOf, resourceOf, str, SYSTEMS } from './fhir-values.ts';
import type { PanelData } from './panel.ts';

/** The drug's concept: inline, or from a contained Medication (`#med1`). */
function medicationConcept(request: MedicationRequest): CodeableConcept | undefined {
  if (request.medicationCodeableConcept) return request.medicationCodeableConcept;
  const reference = str(request.medicationReference?.reference);
  if (!reference?.startsWith('#') || !Array.isArray(request.contained)) return undefined;
  const contained = request.contained.find(
    (r): r is Medication => r.resourceType === 'Medication' && `#${r.id}` === reference,
  );
  return contained?.code;
}

function dosageText(dosage: unknown): string | undefined {
  if (typeof dosage !== 'object' || dosage === null) return undefined;
  const d = dosage as Dosage;
  const timing = d.timing ? formatTiming(d.timing) : '';
  return str(d.text) ?? str(d.patientInstruction) ?? str(timing);
}

/** A MedicationRequest as a medication-list item; undefined when the drug cannot be named. */
export function normaliseMedicationRequest(value: unknown): MedicationItem | undefined {
  const request = resourceOf(value, 'MedicationRequest');
  const status = str(request?.status);
  if (!request || !status) return undefined;
  const concept = medicationConcept(request);
  const display = conceptText(concept) || str(request.medicationReference?.display);
  if (!display) return undefined;
  const rxnorm: Coded | undefined = codingIn(concept, SYSTEMS.rxnorm);
  const dosages = Array.isArray(request.dosageInstruction)
    ? request.dosageInstruction.map(dosageText).filter((t): t is string => !!t)
    : [];
  const authoredOn = str(request.authoredOn);
  return {
    ref: refOf(request),
    display,
    ...(rxnorm ? { rxnorm } : {}),
    status,
    ...(dosages.length > 0 ? { dosage: dosages.join('; ') } : {}),
    ...(authoredOn ? { authoredOn } : {}),
  };
}

export async function loadMedications(
  reader: FhirReader,
  patientId: string,
): Promise<PanelData<readonly MedicationItem[]>> {
  const requests = asList(await reader.search('MedicationRequest', { patient: patientId, status: 'active' }));
  const { items, skipped } = collect(requests, normaliseMedicationRequest);
  // An EHR may ignore `status`; the list shows active orders only either way.
  const active = items
    .filter((m) => m.status === 'active')
    .sort((a, b) => a.display.localeCompare(b.display, 'en', { sensitivity: 'base' }));
  const capped = capList('medications', active, LIST_CAPS.medications);
  return { data: capped.items, warnings: [...skippedWarnings('medications', skipped), ...capped.warnings] };
}
