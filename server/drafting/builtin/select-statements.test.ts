import { describe, expect, it } from 'vitest';
import type { Statement } from './build-statements.ts';
import { ALWAYS_KEEP_SCORE, MIN_BUDGET_WORDS, selectStatements } from './select-statements.ts';

const statement = (order: number, score: number, words: number): Statement => ({
  role: 'hpi',
  text: Array.from({ length: words }, () => 'word').join(' '),
  spoken: '',
  evidence: [{ segment: `u${order + 1}` }],
  score,
  order,
  speaker: 'patient',
});

describe('selectStatements', () => {
  it('keeps the best statements up to the budget, dense ones always, in input order', () => {
    const list = [
      statement(0, 1, MIN_BUDGET_WORDS),
      statement(1, 2, MIN_BUDGET_WORDS),
      statement(2, ALWAYS_KEEP_SCORE, 10),
    ];
    expect(selectStatements(list, 0).map((s) => s.order)).toEqual([1, 2]);
  });

  it('keeps everything when it fits', () => {
    const list = [statement(0, 1, 5), statement(1, 1, 5)];
    expect(selectStatements(list, 100)).toEqual(list);
  });
});
