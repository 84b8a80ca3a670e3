import { describe, expect, it } from 'vitest';
import { parseDecideCodeRequest } from './decision-request.ts';

const problem = (raw: unknown) => {
  try {
    parseDecideCodeRequest(raw);
  } catch (err) {
    return (err as Error).message;
  }
  return 'no problem';
};

describe('parseDecideCodeRequest', () => {
  it('accepts with or without a note, trimming', () => {
    expect(parseDecideCodeRequest({ code: ' e11.65 ', decision: 'accept' })).toEqual({
      code: 'E11.65',
      decision: 'accept',
    });
    expect(parseDecideCodeRequest({ code: '99214', decision: 'accept', reason: '  ok ' })).toEqual({
      code: '99214',
      decision: 'accept',
      reason: 'ok',
    });
  });

  it('needs the replacement and a reason for a change, and a reason for a rejection', () => {
    expect(
      parseDecideCodeRequest({
        code: 'I12.9',
        decision: 'change',
        replacementCode: 'i10',
        reason: 'No CKD link stated',
      }),
    ).toEqual({
      code: 'I12.9',
      decision: 'change',
      replacementCode: 'I10',
      reason: 'No CKD link stated',
    });
    expect(problem({ code: 'I12.9', decision: 'change', reason: 'x' })).toBe(
      'Give the code to report instead.',
    );
    expect(problem({ code: 'I12.9', decision: 'change', replacementCode: 'I10' })).toBe(
      'Give a reason for changing the code.',
    );
    expect(problem({ code: 'I12.9', decision: 'change', replacementCode: 'I10', reason: '   ' })).toBe(
      'Give a reason for changing the code.',
    );
    expect(problem({ code: 'I12.9', decision: 'reject' })).toBe('Give a reason for rejecting the code.');
  });

  it('refuses an unknown decision, extra fields and an overlong reason', () => {
    expect(problem({ code: 'I10', decision: 'maybe' })).toBe(
      'The decision must be accept, change or reject.',
    );
    expect(problem({ code: 'I10', decision: 'accept', replacementCode: 'I11' })).not.toBe('no problem');
    expect(problem({ code: 'I10', decision: 'reject', reason: 'x'.repeat(1001) })).toBe(
      'Keep the reason under 1000 characters.',
    );
    expect(problem({ decision: 'accept' })).toBe('Name the suggested code the decision is about.');
  });
});
