import { describe, expect, it } from 'vitest';
import type { EmFacts } from '../../contract/coding.ts';
import { chartEvidence, data, facts, item, problem, risk } from './em-facts.test-data.ts';
import { selectEmLevel } from './select-em-level.ts';

/** Moderate MDM: a chronic exacerbation and prescription drug management. */
const moderate: Partial<EmFacts> = {
  problems: [problem('Hypertension, above goal', 'chronic_exacerbation')],
  risks: [risk('moderate', 'Prescription drug management: amlodipine started')],
};
/** High MDM: a threat to bodily function and a decision about hospitalisation. */
const high: Partial<EmFacts> = {
  problems: [problem('Chest pain at rest, possible ACS', 'threat_to_life')],
  risks: [risk('high', 'Decision about hospitalisation')],
};

describe('selectEmLevel', () => {
  it('uses MDM when no time is documented', () => {
    const result = selectEmLevel(facts(moderate));
    expect(result).toMatchObject({ code: '99214', basis: 'mdm', patientStatus: 'established' });
    expect(result.time).toBeUndefined();
    expect(result.mdm.code).toBe('99214');
  });

  it('chooses time when it supports a higher level, and says so', () => {
    const result = selectEmLevel(facts({ ...moderate, totalTimeMinutes: 44 }));
    expect(result).toMatchObject({ code: '99215', basis: 'time' });
    expect(result.mdm.code).toBe('99214');
    expect(result.time).toMatchObject({ minutes: 44, code: '99215' });
    expect(result.time?.reasoning).toMatch(
      /Time supports a higher level than MDM \(99214\), so 99215 is chosen by time\.$/,
    );
  });

  it.each([
    [29, '99214', 'mdm'],
    [30, '99214', 'mdm'],
    [39, '99214', 'mdm'],
    [40, '99215', 'time'],
  ] as const)('established, moderate MDM, %d minutes → %s by %s', (minutes, code, basis) => {
    expect(selectEmLevel(facts({ ...moderate, totalTimeMinutes: minutes }))).toMatchObject({ code, basis });
  });

  it.each([
    [44, '99204', 'mdm'],
    [45, '99204', 'mdm'],
    [59, '99204', 'mdm'],
    [60, '99205', 'time'],
  ] as const)('new, moderate MDM, %d minutes → %s by %s', (minutes, code, basis) => {
    expect(
      selectEmLevel(facts({ ...moderate, patientStatus: 'new', totalTimeMinutes: minutes })),
    ).toMatchObject({
      code,
      basis,
    });
  });

  it('names MDM as the basis when time supports the same level', () => {
    const result = selectEmLevel(facts({ ...moderate, totalTimeMinutes: 35 }));
    expect(result).toMatchObject({ code: '99214', basis: 'mdm' });
    expect(result.time?.reasoning).toMatch(/MDM supports the same level, so MDM is named as the basis\.$/);
  });

  it('keeps MDM when time supports a lower level', () => {
    const result = selectEmLevel(facts({ ...high, totalTimeMinutes: 25 }));
    expect(result).toMatchObject({ code: '99215', basis: 'mdm' });
    expect(result.time?.reasoning).toMatch(
      /MDM supports a higher level \(99215\), so the level rests on MDM\.$/,
    );
  });

  it('keeps MDM when time is below the lowest minimum', () => {
    const result = selectEmLevel(facts({ ...moderate, totalTimeMinutes: 8 }));
    expect(result).toMatchObject({ code: '99214', basis: 'mdm' });
    expect(result.time?.code).toBeUndefined();
  });

  it('bills by time at the same top level when the minutes reach prolonged services', () => {
    const timeEvidence = [chartEvidence('Total time 92 minutes')];
    const result = selectEmLevel(
      facts({ ...high, patientStatus: 'new', payerType: 'commercial', totalTimeMinutes: 92, timeEvidence }),
    );
    expect(result).toMatchObject({ code: '99205', basis: 'time' });
    expect(result.addOns.filter((a) => a.code === '99417')).toEqual([
      expect.objectContaining({ units: 2, evidence: timeEvidence }),
    ]);
    expect(result.time?.reasoning).toMatch(/time is the basis because it also supports prolonged services/);
  });

  it('explains that prolonged services need a level chosen by time', () => {
    const result = selectEmLevel(facts({ ...high, totalTimeMinutes: 30 }));
    expect(result).toMatchObject({ code: '99215', basis: 'mdm' });
    expect(result.addOnsNotSuggested).toContainEqual(expect.objectContaining({ code: '99417' }));
  });

  it('adds G2212 and G2211 for a Medicare patient seen at length by the continuing physician', () => {
    const result = selectEmLevel(
      facts({
        ...moderate,
        payerType: 'medicare',
        totalTimeMinutes: 84,
        continuingCare: { reason: 'primary-care focal point', evidence: [chartEvidence('PCP')] },
      }),
    );
    expect(result.code).toBe('99215');
    expect(result.addOns.map((a) => [a.code, a.units])).toEqual([
      ['G2211', 1],
      ['G2212', 2],
    ]);
  });

  it('is 99211 for an established patient with nothing of MDM and no time, with the reason', () => {
    const result = selectEmLevel(facts());
    expect(result).toMatchObject({ code: '99211', basis: 'mdm' });
    expect(result.mdm.reasoning).toMatch(/99211/);
    expect(result.mdm.problems.level).toBe('straightforward');
  });

  it('is still 99211 when the time stated is below 10 minutes', () => {
    expect(selectEmLevel(facts({ totalTimeMinutes: 6 })).code).toBe('99211');
  });

  it('takes 99212 by time over 99211 when 10 minutes or more are documented', () => {
    expect(selectEmLevel(facts({ totalTimeMinutes: 12 }))).toMatchObject({ code: '99212', basis: 'time' });
  });

  it('is not 99211 once anything of MDM is documented', () => {
    const onlyData = facts({ data: data({ testsReviewed: [item('A1c', 'loinc:4548-4')] }) });
    expect(selectEmLevel(onlyData).code).toBe('99212');
    expect(selectEmLevel(facts({ problems: [problem('Insect bite', 'self_limited')] })).code).toBe('99212');
  });

  it('gives a new patient with nothing documented 99202, never 99211', () => {
    expect(selectEmLevel(facts({ patientStatus: 'new' })).code).toBe('99202');
  });

  it('always decides G2211 one way or the other', () => {
    const result = selectEmLevel(facts({ ...moderate, payerType: 'medicaid' }));
    expect(result.addOns).toEqual([]);
    expect(result.addOnsNotSuggested.map((a) => a.code)).toEqual(['G2211']);
  });

  it('is deterministic and leaves its input untouched', () => {
    const input = Object.freeze(facts({ ...moderate, totalTimeMinutes: 44, payerType: 'medicare' }));
    const snapshot = structuredClone(input);
    expect(selectEmLevel(input)).toEqual(selectEmLevel(input));
    expect(input).toEqual(snapshot);
  });
});
