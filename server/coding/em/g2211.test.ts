import { describe, expect, it } from 'vitest';
import type { PayerType } from '../../contract/clinical-context.ts';
import { chartEvidence, facts } from './em-facts.test-data.ts';
import { g2211 } from './g2211.ts';

const evidence = [chartEvidence('I look after your heart failure')];
const continuingCare = { reason: 'ongoing care for heart failure', evidence };

describe('g2211', () => {
  it('is suggested for a Medicare patient with continuing care, with its evidence', () => {
    const result = g2211(facts({ payerType: 'medicare', continuingCare }));
    expect(result.notSuggested).toEqual([]);
    expect(result.addOns).toEqual([
      {
        code: 'G2211',
        units: 1,
        reasoning:
          'Medicare patient; continuing care: ongoing care for heart failure. No modifier-25 service on the same day.',
        evidence,
      },
    ]);
  });

  it.each(['commercial', 'medicaid', 'self-pay', 'other'] as PayerType[])(
    'is not suggested for a %s payer',
    (payerType) => {
      const result = g2211(facts({ payerType, continuingCare }));
      expect(result.addOns).toEqual([]);
      expect(result.notSuggested).toHaveLength(1);
      expect(result.notSuggested[0]?.reason).toMatch(
        /^G2211 is a Medicare add-on and .*even though the documentation shows continuing care \(ongoing care for heart failure\)\.$/,
      );
    },
  );

  it('does not mention continuing care for a non-Medicare payer when none is documented', () => {
    expect(g2211(facts({ payerType: 'commercial' })).notSuggested[0]?.reason).toBe(
      'G2211 is a Medicare add-on and the payer is a commercial plan.',
    );
  });

  it('is not suggested for Medicare without a continuing relationship', () => {
    const result = g2211(facts({ payerType: 'medicare' }));
    expect(result.addOns).toEqual([]);
    expect(result.notSuggested[0]?.reason).toMatch(/continuing focal point/);
  });

  it('is blocked by modifier 25 for a procedure', () => {
    const result = g2211(facts({ payerType: 'medicare', continuingCare, modifier25: true }));
    expect(result.addOns).toEqual([]);
    expect(result.notSuggested[0]?.reason).toMatch(/modifier 25/);
  });

  it('is allowed when modifier 25 is for a preventive service only', () => {
    const result = g2211(
      facts({ payerType: 'medicare', continuingCare, modifier25: true, modifier25PreventiveOnly: true }),
    );
    expect(result.addOns.map((a) => a.code)).toEqual(['G2211']);
    expect(result.addOns[0]?.reasoning).toMatch(/preventive service, which does not block G2211/);
  });
});
