/**
 * The context builder over every synthetic chart and the US Core patient 355, held in the
 * sandbox's in-memory repository and searched the way the sandbox FHIR server searches
 * (sorting, `_count`, offset paging), through a FhirReader that pages the way an EHR client does.
 */
import { readFileSync } from 'node:fs';
import { parseSearchRequest } from '@medplum/core';
import type { Bundle, Coverage, Observation, Organization, Resource, ResourceType } from '@medplum/fhirtypes';
import type { MemoryRepository } from '@medplum/fhir-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { payerKindOf } from '../../fhir-fixtures/patients/builders/index.ts';
import { patientFixtures } from '../../fhir-fixtures/patients/index.ts';
import { searchWithAccess } from '../../fhir-fixtures/sandbox/fhir/guarded-search.ts';
import { loadBundleFile, loadFixturePatients } from '../../fhir-fixtures/sandbox/load-bundles.ts';
import { SandboxState } from '../../fhir-fixtures/sandbox/state.ts';
import { usCoreBundlePath } from '../../fhir-fixtures/shared-data.ts';
import type { Panel } from '../contract/clinical-context.ts';
import { FhirReadError, type FhirReader } from './fhir-reader.ts';
import { loadClinicalContext } from './load-clinical-context.ts';

const TODAY = '2025-03-10';
const NOW = new Date(`${TODAY}T15:00:00Z`);

/** A FhirReader over the repository; `pageSize` overrides `_count` to force paging. */
class RepositoryReader implements FhirReader {
  /** Per search: resources seen and pages read. */
  readonly searches: { type: string; params: Record<string, string>; seen: number; pages: number }[] = [];
  constructor(
    private readonly repo: MemoryRepository,
    private readonly pageSize?: number,
  ) {}

  canRead(): boolean {
    return true;
  }

  async read<K extends ResourceType>(type: K, id: string): Promise<Extract<Resource, { resourceType: K }>> {
    try {
      return await this.repo.readResource<Extract<Resource, { resourceType: K }>>(type, id);
    } catch (error) {
      throw new FhirReadError('not_found', `${type} not found`, 404, { cause: error });
    }
  }

  async search<K extends ResourceType>(
    type: K,
    params: Readonly<Record<string, string>>,
    options: { readonly maxPages?: number } = {},
  ): Promise<Extract<Resource, { resourceType: K }>[]> {
    const count = this.pageSize ?? Number(params._count ?? 50);
    const found: Resource[] = [];
    let pages = 0;
    for (let offset = 0; pages < (options.maxPages ?? 20); offset += count) {
      const request = parseSearchRequest(type, { ...params, _count: String(count), _offset: String(offset) });
      const page: Bundle = await searchWithAccess(
        this.repo,
        request,
        { allowed: true, conditions: 'all' },
        undefined,
      );
      pages++;
      found.push(...(page.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : [])));
      if (offset + count >= (page.total ?? 0)) break;
    }
    this.searches.push({ type, params: { ...params }, seen: found.length, pages });
    return found as Extract<Resource, { resourceType: K }>[];
  }
}

function okData<T>(panel: Panel<T>): T {
  if (panel.status !== 'ok') throw new Error(`panel unavailable: ${panel.reason}`);
  return panel.data;
}

let state: SandboxState;

beforeAll(async () => {
  state = new SandboxState({ today: TODAY });
  await loadFixturePatients(state);
  await loadBundleFile(state, usCoreBundlePath('355'));
});

describe.each(patientFixtures.map((f) => [f.key, f] as const))('fixture %s', (_key, fixture) => {
  it('classifies the payer as the fixture does and names it, with every other panel filled', async () => {
    const bundle = fixture.bundle(TODAY);
    const resources = (bundle.entry ?? []).map((e) => e.resource as Resource);
    const coverage = resources.find((r): r is Coverage => r.resourceType === 'Coverage')!;
    const payer = resources.find(
      (r): r is Organization =>
        r.resourceType === 'Organization' && coverage.payor[0]?.reference === `Organization/${r.id}`,
    );
    const context = await loadClinicalContext(new RepositoryReader(state.repo), {
      patientId: fixture.patientId,
      encounterId: fixture.encounterId,
      fhirUser: fixture.practitionerRef,
      now: NOW,
    });
    expect(okData(context.coverage).map((c) => [c.payerType, c.payerName])).toEqual([
      [payerKindOf(coverage), payer?.name],
    ]);
    expect(context.patient.ref).toBe(`Patient/${fixture.patientId}`);
    expect(okData(context.encounter)?.ref).toBe(`Encounter/${fixture.encounterId}`);
    expect(okData(context.practitioner)?.ref).toBe(fixture.practitionerRef);
    expect(okData(context.problems).length).toBeGreaterThan(0);
    expect(okData(context.vitals).length).toBeGreaterThan(0);
    expect(okData(context.notes).length).toBeGreaterThan(0);
    for (const panel of Object.values(context).filter(
      (p): p is { status: string } => typeof p === 'object' && 'status' in p,
    )) {
      expect(panel.status).toBe('ok');
    }
  });
});

describe('US Core patient 355 (129 encounters, 140 observations)', () => {
  const bundle = JSON.parse(readFileSync(usCoreBundlePath('355'), 'utf8')) as Bundle;
  const observations = (bundle.entry ?? [])
    .map((e) => e.resource)
    .filter((r): r is Observation => r?.resourceType === 'Observation');
  const inCategory = (code: string) =>
    observations.filter((o) => o.category?.some((c) => c.coding?.some((x) => x.code === code)));

  it('follows paging to see every vital sign and lab, and keeps the newest per test', async () => {
    const reader = new RepositoryReader(state.repo, 5);
    const context = await loadClinicalContext(reader, { patientId: '355', now: NOW });
    const vitalsSearch = reader.searches.find((s) => s.params.category === 'vital-signs')!;
    const labsSearch = reader.searches.find((s) => s.params.category === 'laboratory')!;
    expect(vitalsSearch.pages).toBeGreaterThan(1);
    expect(vitalsSearch.seen).toBe(inCategory('vital-signs').length);
    expect(labsSearch.pages).toBeGreaterThan(1);
    expect(labsSearch.seen).toBe(inCategory('laboratory').length);

    // Sorted newest first, the oldest readings sit on the last page: seeing them proves paging was followed.
    const tracked = new Set(['85354-9', '8867-4', '9279-1', '8310-5', '29463-7', '8302-2', '39156-5']);
    const timeOf = (o: Observation) => Date.parse(o.effectiveDateTime ?? o.effectivePeriod?.start ?? '');
    const oldestInFile = Math.min(
      ...inCategory('vital-signs')
        .filter(
          (o) => o.code.coding?.some((c) => tracked.has(c.code ?? '')) && (o.valueQuantity || o.component),
        )
        .map(timeOf),
    );
    const points = okData(context.vitals).flatMap((v) => v.points);
    expect(Math.min(...points.map((p) => Date.parse(p.effective)))).toBe(oldestInFile);

    const labs = okData(context.labs);
    expect(new Set(labs.map((l) => l.loinc)).size).toBe(labs.length);
    const codesInFile = new Set(inCategory('laboratory').map((o) => o.code.coding?.[0]?.code));
    expect(labs).toHaveLength(codesInFile.size);
  });

  it('shows active diagnoses once each, the latest encounter, and no coverage when the chart has none', async () => {
    const context = await loadClinicalContext(new RepositoryReader(state.repo), {
      patientId: '355',
      now: NOW,
    });
    const problems = okData(context.problems);
    expect(problems.map((p) => p.display)).toContain('Prediabetes');
    expect(problems.map((p) => p.display)).not.toContain('Viral sinusitis (disorder)');
    expect(new Set(problems.map((p) => p.snomed?.code)).size).toBe(problems.length);
    expect(okData(context.encounter)?.start?.startsWith('2020-10-15')).toBe(true);
    expect(okData(context.coverage)).toEqual([]);
    expect(okData(context.notes).every((n) => n.status !== 'entered-in-error')).toBe(true);
  });
});
