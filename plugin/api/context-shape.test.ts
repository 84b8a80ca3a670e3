import { describe, expect, it } from 'vitest';
import { sampleContext } from '../test-support/sample-chart.ts';
import { checkContext } from './context-shape.ts';

describe('checkContext', () => {
  it('passes a well-formed context through unchanged', () => {
    const context = sampleContext();
    expect(checkContext(context)).toEqual(context);
  });

  it('turns one unreadable panel into an unavailable panel and keeps the rest', () => {
    const raw = { ...sampleContext(), allergies: { status: 'ok', data: 'oops' }, labs: undefined };
    const checked = checkContext(raw);
    expect(checked.allergies).toMatchObject({ status: 'unavailable', cause: 'malformed', retryable: true });
    expect(checked.labs).toMatchObject({ status: 'unavailable', cause: 'malformed' });
    expect(checked.problems).toEqual(sampleContext().problems);
  });

  it('accepts null for single-object panels and keeps unavailable panels as sent', () => {
    const unavailable = {
      status: 'unavailable',
      reason: 'No grant',
      cause: 'not_granted',
      retryable: false,
    } as const;
    const checked = checkContext({
      ...sampleContext(),
      encounter: { status: 'ok', data: null },
      practitioner: { status: 'ok', data: [] },
      notes: unavailable,
    });
    expect(checked.encounter).toEqual({ status: 'ok', data: null });
    expect(checked.practitioner.status).toBe('unavailable');
    expect(checked.notes).toEqual(unavailable);
  });

  it('throws bad_response when there is no patient', () => {
    expect(() => checkContext({ ...sampleContext(), patient: null })).toThrow(
      expect.objectContaining({ code: 'bad_response' }),
    );
    expect(() => checkContext('nope')).toThrow(expect.objectContaining({ code: 'bad_response' }));
  });
});
