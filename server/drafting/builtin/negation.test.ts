import { describe, expect, it } from 'vitest';
import { answerPolarity, isInScope, keepsPolarity, triggerScopes } from './negation.ts';

describe('negation and uncertainty', () => {
  it('scopes a negation forward until a terminator', () => {
    expect(isInScope('denies fever or chills but has a cough', 'chills', 'negated')).toBe(true);
    expect(isInScope('denies fever or chills but has a cough', 'cough', 'negated')).toBe(false);
    expect(isInScope('no evidence of fracture', 'fracture', 'negated')).toBe(true);
    expect(isInScope('pain', 'pain', 'negated')).toBe(false);
    expect(isInScope('no pain', '', 'negated')).toBe(false);
  });

  it('scopes post-triggers backward and finds hedges', () => {
    expect(isInScope('the strep test was negative', 'strep', 'negated')).toBe(true);
    expect(isInScope('probably bronchitis, possibly pneumonia', 'pneumonia', 'uncertain')).toBe(true);
    expect(triggerScopes('rule out appendicitis').map((s) => [s.polarity, s.trigger])).toEqual([
      ['uncertain', 'rule out'],
    ]);
  });

  it('rejects a rewrite that lost a negation or a hedge', () => {
    expect(keepsPolarity('no chest pain', 'she denies chest pain')).toBe(true);
    expect(keepsPolarity('no chest pain', 'chest pain')).toBe(false);
    expect(keepsPolarity('possible pneumonia', 'pneumonia')).toBe(false);
  });

  it('reads answers to yes/no questions', () => {
    expect(answerPolarity('No, not that I have noticed.')).toBe('no');
    expect(answerPolarity('nope')).toBe('no');
    expect(answerPolarity('Yeah, sometimes.')).toBe('yes');
    expect(answerPolarity('About two weeks.')).toBe('unclear');
  });
});
