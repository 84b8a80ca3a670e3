/**
 * The signed-in clinician, from the launch's `fhirUser` claim: read only when it names a
 * Practitioner (a nurse signed in as a RelatedPerson or a patient in a portal has none), whether
 * given as `Practitioner/abc` or as an absolute URL on the FHIR server.
 *
 * @module
 */
import { formatHumanName } from '@medplum/core';
import type { HumanName, Identifier } from '@medplum/fhirtypes';
import type { PractitionerSummary } from '../contract/clinical-context.ts';
import type { FhirReader } from './fhir-reader.ts';
import { refOf, resourceOf, str, SYSTEMS } from './fhir-values.ts';
import { UnreadableResourceError, type PanelData } from './panel.ts';

const PRACTITIONER_REF = /(?:^|\/)Practitioner\/([A-Za-z0-9\-.]{1,256})(?:\/_history\/[^/]+)?$/;

/** The Practitioner id in a `fhirUser` value, relative or absolute; undefined for any other kind of user. */
export function practitionerIdOf(fhirUser: string | undefined): string | undefined {
  if (!fhirUser) return undefined;
  let path = fhirUser.trim();
  if (/^https?:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      return undefined;
    }
  }
  return PRACTITIONER_REF.exec(path)?.[1];
}

function npiOf(identifiers: unknown): string | undefined {
  if (!Array.isArray(identifiers)) return undefined;
  const npi = (identifiers as Identifier[]).find(
    (i) => typeof i?.system === 'string' && (SYSTEMS.npi as readonly string[]).includes(i.system),
  );
  return str(npi?.value);
}

/** A Practitioner as the context shows it; undefined when it is not a Practitioner with an id. */
export function normalisePractitioner(value: unknown): PractitionerSummary | undefined {
  const practitioner = resourceOf(value, 'Practitioner');
  if (!practitioner) return undefined;
  const names: unknown = practitioner.name;
  const list = Array.isArray(names)
    ? (names as HumanName[]).filter((n) => typeof n === 'object' && n !== null)
    : [];
  const name = list.find((n) => n.use === 'official') ?? list[0];
  const formatted = name ? formatHumanName(name).trim() : '';
  const npi = npiOf(practitioner.identifier);
  return { ref: refOf(practitioner), name: formatted || 'Name not recorded', ...(npi ? { npi } : {}) };
}

/** The signed-in Practitioner, or null when `fhirUser` names no Practitioner. */
export async function loadPractitioner(
  reader: FhirReader,
  practitionerId: string | undefined,
): Promise<PanelData<PractitionerSummary | null>> {
  if (practitionerId === undefined) return { data: null, warnings: [] };
  const summary = normalisePractitioner(await reader.read('Practitioner', practitionerId));
  if (!summary) throw new UnreadableResourceError('The signed-in practitioner could not be read');
  return { data: summary, warnings: [] };
}
