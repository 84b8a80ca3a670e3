import { describe, expect, it } from 'vitest';
import type { PayerType } from '../../contract/clinical-context.ts';
import type { EmCode } from '../../contract/coding.ts';
import { chartEvidence } from './em-facts.test-data.ts';
import { prolongedCodeFor, prolongedServices, prolongedUnits } from './prolonged-services.ts';

const timeEvidence = [chartEvidence('Total time 92 minutes')];
const byTime = (code: EmCode, minutes: number, payerType: PayerType) =>
  prolongedServices({ code, basis: 'time', minutes, payerType, timeEvidence });

describe('prolongedServices', () => {
  const units: [EmCode, PayerType, number, number][] = [
    ['99215', 'commercial', 54, 0],
    ['99215', 'commercial', 55, 1],
    ['99215', 'commercial', 69, 1],
    ['99215', 'commercial', 70, 2],
    ['99215', 'commercial', 85, 3],
    ['99205', 'commercial', 74, 0],
    ['99205', 'commercial', 75, 1],
    ['99205', 'commercial', 89, 1],
    ['99205', 'commercial', 90, 2],
    ['99215', 'medicare', 68, 0],
    ['99215', 'medicare', 69, 1],
    ['99215', 'medicare', 83, 1],
    ['99215', 'medicare', 84, 2],
    ['99205', 'medicare', 88, 0],
    ['99205', 'medicare', 89, 1],
    ['99205', 'medicare', 103, 1],
    ['99205', 'medicare', 104, 2],
  ];
  it.each(units)('%s by time, %s, %d minutes → %d units', (code, payer, minutes, expected) => {
    const result = byTime(code, minutes, payer);
    expect(result.addOns.reduce((n, a) => n + a.units, 0)).toBe(expected);
    const addOn = payer === 'medicare' ? 'G2212' : '99417';
    if (expected > 0) expect(result.addOns[0]?.code).toBe(addOn);
    else expect(result.notSuggested.map((n) => n.code)).toEqual([addOn]);
  });

  it.each([
    ['medicare', 'G2212'],
    ['medicaid', '99417'],
    ['commercial', '99417'],
    ['self-pay', '99417'],
    ['other', '99417'],
  ] as const)('a %s payer takes %s', (payer, code) => {
    expect(prolongedCodeFor(payer)).toBe(code);
  });

  it('counts full 15-minute units only', () => {
    expect(prolongedUnits(54.9, 55)).toBe(0);
    expect(prolongedUnits(69.9, 55)).toBe(1);
  });

  it('carries the time evidence and explains the units', () => {
    const [addOn] = byTime('99205', 92, 'commercial').addOns;
    expect(addOn).toEqual({
      code: '99417',
      units: 2,
      reasoning:
        '92 minutes with 99205 chosen by time: for commercial payers the first unit of 99417 starts at 75 minutes and each further full 15 minutes adds one, so 2 units.',
      evidence: timeEvidence,
    });
  });

  it('explains minutes short of the first unit', () => {
    expect(byTime('99215', 42, 'commercial').notSuggested).toEqual([
      {
        code: '99417',
        reason:
          'Prolonged time (99417) starts at 55 minutes with 99215 for commercial payers; 42 minutes is 13 short of it.',
      },
    ]);
  });

  it('tells a Medicare reviewer why not 99417 when G2212 is suggested', () => {
    const result = byTime('99215', 70, 'medicare');
    expect(result.addOns.map((a) => a.code)).toEqual(['G2212']);
    expect(result.notSuggested.map((n) => n.code)).toEqual(['99417']);
  });

  it('never adds to a level chosen by MDM, even with the minutes', () => {
    const result = prolongedServices({
      code: '99215',
      basis: 'mdm',
      minutes: 80,
      payerType: 'commercial',
      timeEvidence,
    });
    expect(result.addOns).toEqual([]);
    expect(result.notSuggested[0]?.reason).toBe(
      'Prolonged services are reported only when 99215 is chosen by time; here MDM chose it.',
    );
  });

  it('says an MDM-chosen top level with little time is also short of the start', () => {
    const result = prolongedServices({
      code: '99205',
      basis: 'mdm',
      minutes: 35,
      payerType: 'medicare',
      timeEvidence,
    });
    expect(result.notSuggested[0]?.reason).toMatch(
      /here MDM chose it, and 35 minutes is short of the 89-minute start anyway\.$/,
    );
  });

  it.each(['99204', '99214', '99213', '99211'] as const)('does nothing below the top level (%s)', (code) => {
    expect(
      prolongedServices({ code, basis: 'time', minutes: 120, payerType: 'commercial', timeEvidence }),
    ).toEqual({
      addOns: [],
      notSuggested: [],
    });
  });

  it('does nothing without a documented time', () => {
    expect(
      prolongedServices({
        code: '99215',
        basis: 'mdm',
        minutes: undefined,
        payerType: 'medicare',
        timeEvidence,
      }),
    ).toEqual({
      addOns: [],
      notSuggested: [],
    });
  });
});
