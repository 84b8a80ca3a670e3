import { describe, expect, it } from 'vitest';
import type { MdmElementResult, MdmLevel, PatientStatus } from '../../contract/coding.ts';
import { MDM_LEVELS } from './mdm-scale.ts';
import { overallLevel, summariseMdm } from './mdm-level.ts';

const column = (level: MdmLevel): MdmElementResult => ({ level, reasoning: [], evidence: [] });
const columns = (p: MdmLevel, d: MdmLevel, r: MdmLevel) => ({
  problems: column(p),
  data: column(d),
  risk: column(r),
});

/** The rule as written: the highest level at which at least two of the three columns qualify. */
function byDefinition(levels: readonly MdmLevel[]): MdmLevel {
  const at = (l: MdmLevel) => levels.filter((x) => MDM_LEVELS.indexOf(x) >= MDM_LEVELS.indexOf(l)).length;
  return [...MDM_LEVELS].reverse().find((l) => at(l) >= 2) ?? 'straightforward';
}

describe('overallLevel (2 of 3)', () => {
  const all = MDM_LEVELS.flatMap((p) => MDM_LEVELS.flatMap((d) => MDM_LEVELS.map((r) => [p, d, r] as const)));
  it.each(all)('problems %s, data %s, risk %s', (p, d, r) => {
    expect(overallLevel([p, d, r])).toBe(byDefinition([p, d, r]));
  });

  const samples: [MdmLevel, MdmLevel, MdmLevel, MdmLevel][] = [
    ['moderate', 'low', 'moderate', 'moderate'],
    ['low', 'moderate', 'low', 'low'],
    ['high', 'straightforward', 'high', 'high'],
    ['high', 'moderate', 'low', 'moderate'],
    ['straightforward', 'high', 'moderate', 'moderate'],
    ['low', 'low', 'moderate', 'low'],
    ['straightforward', 'straightforward', 'high', 'straightforward'],
  ];
  it.each(samples)('%s / %s / %s is %s', (p, d, r, expected) => {
    expect(overallLevel([p, d, r])).toBe(expected);
  });
});

describe('summariseMdm', () => {
  const codes: [PatientStatus, MdmLevel, string][] = [
    ['new', 'straightforward', '99202'],
    ['new', 'low', '99203'],
    ['new', 'moderate', '99204'],
    ['new', 'high', '99205'],
    ['established', 'straightforward', '99212'],
    ['established', 'low', '99213'],
    ['established', 'moderate', '99214'],
    ['established', 'high', '99215'],
  ];
  it.each(codes)('%s patient, %s MDM → %s', (status, level, code) => {
    const summary = summariseMdm(status, columns(level, level, level), true);
    expect(summary.code).toBe(code);
    expect(summary.overall).toBe(level);
  });

  it('explains two meeting columns and the one that does not', () => {
    const summary = summariseMdm('established', columns('moderate', 'low', 'moderate'), true);
    expect(summary.reasoning).toBe(
      'Moderate: problems (moderate) and risk (moderate) meet it, two of the three columns; data (low) does not. Not high: no column reaches high. MDM supports 99214 for an established patient.',
    );
  });

  it('explains a column above the level that cannot lift it alone', () => {
    const summary = summariseMdm('new', columns('moderate', 'high', 'moderate'), true);
    expect(summary.reasoning).toBe(
      'Moderate: problems (moderate), data (high) and risk (moderate) all meet it. Not high: only data (high) reaches high, and a level needs two of the three columns. MDM supports 99204 for a new patient.',
    );
  });

  it('has no "not higher" sentence at high', () => {
    expect(summariseMdm('new', columns('high', 'high', 'low'), true).reasoning).not.toMatch(/Not /);
  });

  it('is 99211 for an established patient when nothing of MDM is documented, and says why', () => {
    const summary = summariseMdm(
      'established',
      columns('straightforward', 'straightforward', 'straightforward'),
      false,
    );
    expect(summary.code).toBe('99211');
    expect(summary.reasoning).toMatch(
      /no medical decision making to credit: 99211.*needs neither MDM nor time/,
    );
  });

  it('keeps 99202 for a new patient with nothing documented, and says there is no 99211 equivalent', () => {
    const summary = summariseMdm(
      'new',
      columns('straightforward', 'straightforward', 'straightforward'),
      false,
    );
    expect(summary.code).toBe('99202');
    expect(summary.reasoning).toMatch(/no new-patient equivalent of 99211/);
  });
});
