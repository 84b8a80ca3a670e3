/**
 * The must-show on our synthetic visits: gold ICD-10-CM recall of at least 90% and precision of
 * at least 80%, the first-listed code right, and never a code that is invalid or not billable.
 */
import { describe, expect, it } from 'vitest';
import { patientFixtures } from '../../../fhir-fixtures/patients/index.ts';
import { fixtureCase } from '../../drafting/eval/fixture-cases.ts';
import { codingDocument } from '../document/coding-document.ts';
import { seedLookup } from './diagnoses.test-support.ts';
import { suggestDiagnoses } from './suggest-diagnoses.ts';

describe('diagnosis suggestions on the fixture visits', async () => {
  const now = new Date('2026-11-25T15:00:00Z');
  const results = await Promise.all(
    patientFixtures.map(async (fixture) => {
      const visit = await fixtureCase(fixture, now);
      const doc = codingDocument({ input: visit.input, context: visit.context });
      const got = suggestDiagnoses(doc, seedLookup).candidates;
      return { key: fixture.key, got, gold: fixture.visit.gold.diagnoses.map((d) => d.code) };
    }),
  );

  it('meets recall ≥ 90% and precision ≥ 80% over all visits', () => {
    const truePositives = results.reduce(
      (n, r) => n + r.got.filter((c) => r.gold.includes(c.code)).length,
      0,
    );
    const suggested = results.reduce((n, r) => n + r.got.length, 0);
    const gold = results.reduce((n, r) => n + r.gold.length, 0);
    expect(truePositives / gold).toBeGreaterThanOrEqual(0.9);
    expect(truePositives / suggested).toBeGreaterThanOrEqual(0.8);
  });

  it.each(patientFixtures.map((f) => f.key))('%s: first-listed is the gold main reason', (key) => {
    const r = results.find((x) => x.key === key)!;
    expect(r.got[0]?.code).toBe(r.gold[0]);
  });

  it('suggests only billable codes, each with evidence', () => {
    for (const r of results) {
      for (const c of r.got) {
        expect(seedLookup.get(c.code)?.billable, `${r.key} ${c.code}`).toBe(true);
        expect(c.evidence.length, `${r.key} ${c.code}`).toBeGreaterThan(0);
      }
    }
  });
});
