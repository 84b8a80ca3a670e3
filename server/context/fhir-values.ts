/**
 * Small readers of FHIR values shared by the normalisers: a resource's reference, codings by
 * code system (each system under its URL and its OID, as EHRs send either), the text of a
 * concept, and instants for sorting. Everything here tolerates values that are not what the
 * types promise, because EHR answers are only as typed as the EHR makes them.
 *
 * @module
 */
import { formatCodeableConcept, isResource } from '@medplum/core';
import type { CodeableConcept, Coding, Resource, ResourceType } from '@medplum/fhirtypes';
import type { Coded } from '../contract/clinical-context.ts';

/** Code systems, each with the spellings EHRs use for it. */
export const SYSTEMS = {
  loinc: ['http://loinc.org', 'urn:oid:2.16.840.1.113883.6.1'],
  snomed: ['http://snomed.info/sct', 'urn:oid:2.16.840.1.113883.6.96'],
  icd10cm: ['http://hl7.org/fhir/sid/icd-10-cm', 'urn:oid:2.16.840.1.113883.6.90'],
  rxnorm: ['http://www.nlm.nih.gov/research/umls/rxnorm', 'urn:oid:2.16.840.1.113883.6.88'],
  npi: ['http://hl7.org/fhir/sid/us-npi', 'urn:oid:2.16.840.1.113883.4.6'],
} as const satisfies Record<string, readonly string[]>;

/** `value` when it is a resource of `resourceType` carrying an id, else undefined. */
export function resourceOf<K extends ResourceType>(
  value: unknown,
  resourceType: K,
): (Extract<Resource, { resourceType: K }> & { id: string }) | undefined {
  if (!isResource(value, resourceType)) return undefined;
  const id = (value as { id?: unknown }).id;
  if (typeof id !== 'string' || id === '') return undefined;
  return value as Extract<Resource, { resourceType: K }> & { id: string };
}

/** `Condition/abc`. */
export function refOf(resource: { resourceType: string; id: string }): string {
  return `${resource.resourceType}/${resource.id}`;
}

function codingsOf(concept: CodeableConcept | undefined): Coding[] {
  const codings: unknown = concept?.coding;
  return Array.isArray(codings)
    ? codings.filter((c): c is Coding => typeof c === 'object' && c !== null)
    : [];
}

/** The first coding of `concept` in one of `systems` that has a code. */
export function codingIn(
  concept: CodeableConcept | undefined,
  systems: readonly string[],
): Coded | undefined {
  const coding = codingsOf(concept).find(
    (c) =>
      typeof c.system === 'string' &&
      systems.includes(c.system) &&
      typeof c.code === 'string' &&
      c.code !== '',
  );
  if (!coding?.system || !coding.code) return undefined;
  return coding.display
    ? { system: coding.system, code: coding.code, display: coding.display }
    : { system: coding.system, code: coding.code };
}

/** Every code of `concept` in one of `systems`. */
export function codesIn(concept: CodeableConcept | undefined, systems: readonly string[]): string[] {
  return codingsOf(concept)
    .filter((c) => typeof c.system === 'string' && systems.includes(c.system) && typeof c.code === 'string')
    .map((c) => c.code as string);
}

/** Every code of `concept`, whatever its system (for status and category codes). */
export function anyCodes(concept: CodeableConcept | undefined): string[] {
  return codingsOf(concept)
    .map((c) => c.code)
    .filter((code): code is string => typeof code === 'string' && code !== '');
}

/** The first code of `concept` (status and category concepts carry one). */
export function firstCode(concept: CodeableConcept | undefined): string | undefined {
  return anyCodes(concept)[0];
}

/** What a person reads for `concept`: its text, else its codings' displays, else its codes; '' when none. */
export function conceptText(concept: CodeableConcept | undefined): string {
  if (!concept || typeof concept !== 'object') return '';
  if (typeof concept.text === 'string' && concept.text.trim() !== '') return concept.text.trim();
  return formatCodeableConcept({ coding: codingsOf(concept) }).trim();
}

/** Milliseconds since the epoch for a FHIR date/dateTime/instant; undefined when absent or unparseable. */
export function timeOf(value: string | undefined): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Comparator: newest first, undated last. */
export function newestFirst(a: string | undefined, b: string | undefined): number {
  const ta = timeOf(a);
  const tb = timeOf(b);
  if (ta === undefined || tb === undefined) return ta === tb ? 0 : ta === undefined ? 1 : -1;
  return tb - ta;
}

/** A string field when it is a non-empty string. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
