import { describe, expect, it } from 'vitest';
import { findTerms, indexTerms } from './term-matcher.ts';

const index = indexTerms(
  [
    { id: 'creatinine', terms: ['creatinine'] },
    { id: 'uacr', terms: ['albumin to creatinine ratio', 'urine albumin'] },
    { id: 'xray', terms: ['x-ray'] },
  ],
  (e) => e.terms,
);
const found = (text: string) => findTerms(index, text).map((m) => [m.entry.id, m.text]);

describe('findTerms', () => {
  it('takes the longest term at each word, so a ratio is not read as its parts', () => {
    expect(found('the albumin to creatinine ratio and the creatinine')).toEqual([
      ['uacr', 'albumin to creatinine ratio'],
      ['creatinine', 'creatinine'],
    ]);
  });

  it('treats hyphens as spaces, accepts a plural and gives offsets into the text', () => {
    const text = 'i pulled up your x rays and the x-ray';
    const matches = findTerms(index, text);
    expect(matches.map((m) => m.entry.id)).toEqual(['xray', 'xray']);
    expect(text.slice(matches[0]!.start, matches[0]!.end)).toBe('x rays');
  });

  it('matches whole words only', () => {
    expect(found('creatinineish and precreatinine')).toEqual([]);
  });
});
