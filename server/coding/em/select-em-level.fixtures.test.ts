/**
 * The E/M engine against the gold answer of every fixture visit: hand-built facts (what a correct
 * extractor would find, from the gold rationale) must give the gold code, basis, each MDM column's
 * level, the time and the add-ons. The payer is read from the fixture's Coverage the way the
 * context builder classifies it.
 */
import type { Coverage } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { patientFixtures } from '../../../fhir-fixtures/patients/index.ts';
import type { PatientFixture } from '../../../fhir-fixtures/patients/types.ts';
import { classifyPayer } from '../../context/payer-type.ts';
import { FIXTURE_EM_FACTS } from './fixture-em-facts.test-data.ts';
import { selectEmLevel } from './select-em-level.ts';

/** Add-ons the E/M engine decides. Gold may list others billed with the visit (see below). */
const EM_ADD_ONS = new Set(['G2211', '99417', 'G2212']);
/**
 * Gold add-ons that are separately reported services, not E/M add-ons: 99406 (smoking-cessation
 * counselling) is coded from its own documented minutes by another module; the engine only sees
 * its consequence, modifier 25 on the visit.
 */
const SEPARATELY_REPORTED = new Set(['99406']);

function payerOf(fixture: PatientFixture) {
  const coverage = fixture
    .bundle('2025-03-10')
    .entry?.map((e) => e.resource)
    .find((r): r is Coverage => r?.resourceType === 'Coverage');
  if (!coverage) throw new Error(`${fixture.key} has no Coverage`);
  return classifyPayer(coverage, coverage.payor?.map((p) => p.display ?? '') ?? []);
}

function resultFor(fixture: PatientFixture) {
  const build = FIXTURE_EM_FACTS[fixture.key];
  if (!build) throw new Error(`No EmFacts test data for ${fixture.key}`);
  return selectEmLevel(build({ transcript: fixture.visit.transcript, payerType: payerOf(fixture) }));
}

describe('selectEmLevel on the fixture visits', () => {
  it('has hand-built facts for every fixture visit and no others', () => {
    expect(Object.keys(FIXTURE_EM_FACTS).sort()).toEqual(patientFixtures.map((f) => f.key).sort());
    expect(patientFixtures).toHaveLength(8);
  });

  describe.each(patientFixtures.map((f) => [f.key, f] as const))('%s', (_key, fixture) => {
    const gold = fixture.visit.gold;

    it('gives the gold code, basis, patient status and MDM levels', () => {
      const result = resultFor(fixture);
      expect(result.code).toBe(gold.em.code);
      expect(result.basis).toBe(gold.em.basis);
      expect(result.patientStatus).toBe(gold.em.patientStatus);
      expect(result.mdm.problems.level).toBe(gold.em.mdm.problems.level);
      expect(result.mdm.data.level).toBe(gold.em.mdm.data.level);
      expect(result.mdm.risk.level).toBe(gold.em.mdm.risk.level);
      expect(result.mdm.overall).toBe(gold.em.mdm.overall);
      expect(result.time?.minutes).toBe(gold.em.totalTimeMinutes);
    });

    it('suggests exactly the gold E/M add-ons and explains each gold add-on not claimed', () => {
      const result = resultFor(fixture);
      const goldCodes = gold.addOns.map((a) => a.code);
      expect(goldCodes.filter((c) => !EM_ADD_ONS.has(c) && !SEPARATELY_REPORTED.has(c))).toEqual([]);
      expect(result.addOns.map((a) => a.code).sort()).toEqual(
        goldCodes.filter((c) => EM_ADD_ONS.has(c)).sort(),
      );
      const explained = result.addOnsNotSuggested.map((a) => a.code);
      for (const notClaimed of gold.addOnsNotClaimed ?? []) expect(explained).toContain(notClaimed.code);
    });

    it('carries reasoning and evidence for every column above straightforward', () => {
      const result = resultFor(fixture);
      for (const column of [result.mdm.problems, result.mdm.data, result.mdm.risk]) {
        expect(column.reasoning.length).toBeGreaterThan(0);
        if (column.level !== 'straightforward') expect(column.evidence.length).toBeGreaterThan(0);
      }
      for (const addOn of result.addOns) expect(addOn.evidence.length).toBeGreaterThan(0);
    });
  });
});
