import { describe, expect, it } from 'vitest';
import type { MdmLevel, RiskLevel } from '../../contract/coding.ts';
import { chartEvidence, risk } from './em-facts.test-data.ts';
import { riskLevel } from './risk-level.ts';

describe('riskLevel', () => {
  it('is straightforward (minimal) when no management is documented', () => {
    const result = riskLevel([]);
    expect(result.level).toBe('straightforward');
    expect(result.reasoning[0]).toBe(
      'Risk: straightforward (minimal) — no management with more than minimal risk is documented.',
    );
    expect(result.reasoning[1]).toMatch(/^Not low: /);
  });

  const single: [RiskLevel, MdmLevel][] = [
    ['minimal', 'straightforward'],
    ['low', 'low'],
    ['moderate', 'moderate'],
    ['high', 'high'],
  ];
  it.each(single)('one %s-risk item gives %s', (level, mdm) => {
    const result = riskLevel([risk(level, 'Rest and fluids')]);
    expect(result.level).toBe(mdm);
    expect(result.reasoning.some((r) => r.startsWith('Not '))).toBe(mdm !== 'high');
  });

  it('takes the highest item, since one decision at that risk is enough', () => {
    const levels: RiskLevel[] = ['low', 'high', 'minimal', 'moderate'];
    expect(riskLevel(levels.map((l) => risk(l, `Item ${l}`))).level).toBe('high');
  });

  it('groups items of one kind and mentions the lower ones', () => {
    const result = riskLevel([
      risk('moderate', 'Prescription drug management: sertraline increased to 150 mg'),
      risk('moderate', 'Prescription drug management: trazodone continued'),
      risk('low', 'Over-the-counter ibuprofen'),
    ]);
    expect(result.reasoning[0]).toBe(
      'Risk: moderate — Prescription drug management (sertraline increased to 150 mg; trazodone continued).',
    );
    expect(result.reasoning[1]).toBe('Also documented at lower risk (Over-the-counter ibuprofen: low).');
    expect(result.reasoning[2]).toMatch(
      /^Not high: no drug therapy needing intensive monitoring for toxicity/,
    );
  });

  it('says why low is not moderate', () => {
    const result = riskLevel([risk('low', 'Over-the-counter ibuprofen and acetaminophen')]);
    expect(result.reasoning.at(-1)).toMatch(/^Not moderate: no prescription drug management/);
  });

  it('carries the evidence of the items at the column level only', () => {
    const rx = chartEvidence('amoxicillin');
    const otc = chartEvidence('ibuprofen');
    const result = riskLevel([
      risk('moderate', 'Prescription drug management: amoxicillin', rx),
      risk('low', 'OTC', otc),
    ]);
    expect(result.evidence).toEqual([rx]);
  });

  it('keeps labels without a kind as they are', () => {
    const result = riskLevel([
      risk('high', 'Decision about hospitalisation'),
      risk('high', 'Parenteral controlled substance: IV morphine'),
    ]);
    expect(result.reasoning).toEqual([
      'Risk: high — Decision about hospitalisation; Parenteral controlled substance (IV morphine).',
    ]);
  });
});
