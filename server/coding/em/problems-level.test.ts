import { describe, expect, it } from 'vitest';
import type { MdmLevel, ProblemKind } from '../../contract/coding.ts';
import { chartEvidence, problem } from './em-facts.test-data.ts';
import { problemsLevel } from './problems-level.ts';

describe('problemsLevel', () => {
  it('is straightforward with no problem addressed, and says a problem must be addressed to count', () => {
    const result = problemsLevel([]);
    expect(result.level).toBe('straightforward');
    expect(result.reasoning[0]).toMatch(/no problem addressed/);
    expect(result.reasoning.join(' ')).toMatch(/evaluated or treated at this encounter/);
    expect(result.evidence).toEqual([]);
  });

  const single: [ProblemKind, MdmLevel][] = [
    ['self_limited', 'straightforward'],
    ['stable_chronic', 'low'],
    ['acute_uncomplicated', 'low'],
    ['stable_acute', 'low'],
    ['acute_uncomplicated_inpatient', 'low'],
    ['chronic_exacerbation', 'moderate'],
    ['undiagnosed_uncertain', 'moderate'],
    ['acute_systemic', 'moderate'],
    ['acute_complicated_injury', 'moderate'],
    ['chronic_severe_exacerbation', 'high'],
    ['threat_to_life', 'high'],
  ];
  it.each(single)('one %s problem is %s', (kind, level) => {
    const result = problemsLevel([problem('The problem', kind)]);
    expect(result.level).toBe(level);
    expect(result.reasoning[0]).toMatch(new RegExp(`^Problems: ${level} — one .*\\(The problem\\)\\.$`));
    expect(result.reasoning.some((r) => r.startsWith('Not '))).toBe(level !== 'high');
  });

  const counting: [string, ProblemKind[], MdmLevel][] = [
    ['two self-limited problems', ['self_limited', 'self_limited'], 'low'],
    ['three self-limited problems', ['self_limited', 'self_limited', 'self_limited'], 'low'],
    ['two stable chronic illnesses', ['stable_chronic', 'stable_chronic'], 'moderate'],
    ['three stable chronic illnesses', ['stable_chronic', 'stable_chronic', 'stable_chronic'], 'moderate'],
    [
      'a stable chronic and an acute uncomplicated illness (no adding up)',
      ['stable_chronic', 'acute_uncomplicated'],
      'low',
    ],
    ['two acute uncomplicated illnesses', ['acute_uncomplicated', 'acute_uncomplicated'], 'low'],
    ['a self-limited problem and a stable acute illness', ['self_limited', 'stable_acute'], 'low'],
    ['two chronic exacerbations', ['chronic_exacerbation', 'chronic_exacerbation'], 'moderate'],
    [
      'many moderate problems (never high by count)',
      ['chronic_exacerbation', 'acute_systemic', 'undiagnosed_uncertain', 'acute_complicated_injury'],
      'moderate',
    ],
    ['a threat to life among lesser problems', ['stable_chronic', 'self_limited', 'threat_to_life'], 'high'],
    [
      'a severe exacerbation with two stable chronic illnesses',
      ['chronic_severe_exacerbation', 'stable_chronic', 'stable_chronic'],
      'high',
    ],
  ];
  it.each(counting)('%s: %s', (_name, kinds, level) => {
    expect(problemsLevel(kinds.map((k, i) => problem(`Problem ${i + 1}`, k))).level).toBe(level);
  });

  it('names the problems that reach the level and mentions the lesser ones separately', () => {
    const result = problemsLevel([
      problem('Type 2 diabetes, A1c rising', 'chronic_exacerbation'),
      problem('Hyperlipidemia, at goal', 'stable_chronic'),
    ]);
    expect(result.reasoning[0]).toBe(
      'Problems: moderate — one chronic illness with exacerbation, progression or side effects of treatment (Type 2 diabetes, A1c rising).',
    );
    expect(result.reasoning[1]).toBe(
      'Also addressed, below this level: one stable chronic illness (Hyperlipidemia, at goal).',
    );
    expect(result.reasoning[2]).toMatch(/^Not high: no chronic illness with severe exacerbation/);
  });

  it('carries the evidence of the problems that reach the level only', () => {
    const dm = chartEvidence('A1c 8.6');
    const lipids = chartEvidence('LDL 68');
    const result = problemsLevel([
      problem('Diabetes', 'chronic_exacerbation', dm),
      problem('Hyperlipidemia', 'stable_chronic', lipids),
    ]);
    expect(result.evidence).toEqual([dm]);
  });

  it('carries every stable chronic illness when two of them make it moderate', () => {
    const a = chartEvidence('AF');
    const b = chartEvidence('HTN');
    const result = problemsLevel([problem('AF', 'stable_chronic', a), problem('HTN', 'stable_chronic', b)]);
    expect(result.reasoning[0]).toBe('Problems: moderate — two stable chronic illnesses (AF; HTN).');
    expect(result.evidence).toEqual([a, b]);
  });

  it('says a second stable chronic illness would make it moderate', () => {
    const result = problemsLevel([problem('Hypothyroidism, at goal', 'stable_chronic')]);
    expect(result.reasoning.at(-1)).toMatch(
      /One stable chronic illness is low; two or more would be moderate\.$/,
    );
  });

  it('says low problems do not add up, except stable chronic illnesses', () => {
    const result = problemsLevel([
      problem('Sprain', 'acute_uncomplicated'),
      problem('Cystitis', 'acute_uncomplicated'),
    ]);
    expect(result.reasoning.at(-1)).toMatch(
      /do not add up to moderate, except two or more stable chronic illnesses/,
    );
  });

  it('says one self-limited problem is short of low', () => {
    const result = problemsLevel([problem('Insect bite', 'self_limited')]);
    expect(result.reasoning.at(-1)).toMatch(
      /^Not low: one self-limited or minor problem; low needs two or more/,
    );
  });
});
