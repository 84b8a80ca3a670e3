import { describe, expect, it } from 'vitest';
import { patientFixtures } from '../../../fhir-fixtures/patients/index.ts';
import { fixtureCase } from '../../drafting/eval/fixture-cases.ts';
import { codingDocument } from '../document/coding-document.ts';
import { selectEmLevel } from '../em/select-em-level.ts';
import { extractEmFacts, extractServiceAddOns } from './extract-em-facts.ts';

/**
 * End to end on the eight synthetic visits: the facts extracted from each transcript and chart,
 * fed to the E/M engine, give the certified coder's answer (code, basis, each MDM column, the
 * add-ons) and none of the add-ons the coder deliberately did not claim.
 */
const NOW = new Date('2025-06-10T15:00:00Z');

describe('E/M facts on the fixture visits', () => {
  for (const fixture of patientFixtures) {
    it(`${fixture.key}: ${fixture.visit.gold.em.code} by ${fixture.visit.gold.em.basis}`, async () => {
      const c = await fixtureCase(fixture, NOW);
      const doc = codingDocument({ input: c.input, context: c.context });
      const facts = extractEmFacts(doc);
      const em = selectEmLevel(facts);
      const gold = fixture.visit.gold;

      expect(facts.patientStatus).toBe(gold.em.patientStatus);
      expect(em.code).toBe(gold.em.code);
      expect(em.basis).toBe(gold.em.basis);
      expect(em.mdm.problems.level).toBe(gold.em.mdm.problems.level);
      expect(em.mdm.data.level).toBe(gold.em.mdm.data.level);
      expect(em.mdm.risk.level).toBe(gold.em.mdm.risk.level);
      expect(em.mdm.overall).toBe(gold.em.mdm.overall);
      expect(facts.totalTimeMinutes).toBe(gold.em.totalTimeMinutes);

      const addOns = [...em.addOns, ...extractServiceAddOns(doc)].map((a) => a.code).sort();
      expect(addOns).toEqual(gold.addOns.map((a) => a.code).sort());
      for (const notClaimed of gold.addOnsNotClaimed ?? []) expect(addOns).not.toContain(notClaimed.code);

      // Every fact rests on evidence.
      for (const p of facts.problems) expect(p.evidence.length).toBeGreaterThan(0);
      for (const r of facts.risks) expect(r.evidence.length).toBeGreaterThan(0);
    });
  }
});
