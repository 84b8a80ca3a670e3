import { describe, expect, it } from 'vitest';
import { parseQueueFilters } from './review-queue-filters.ts';

describe('parseQueueFilters', () => {
  it('keeps the filters given and drops empty ones', () => {
    expect(parseQueueFilters({})).toEqual({});
    expect(
      parseQueueFilters({
        provider: ' Riley Okafor-Testdoc ',
        payerType: 'medicare',
        from: '2026-11-01',
        to: '2026-11-30',
        status: 'pending',
      }),
    ).toEqual({
      provider: 'Riley Okafor-Testdoc',
      payerType: 'medicare',
      from: '2026-11-01',
      to: '2026-11-30',
      status: 'pending',
    });
    expect(parseQueueFilters({ provider: '', payerType: '', status: '' })).toEqual({});
  });

  it.each([
    [{ payerType: 'cash' }, 'Payer must be one of medicare, medicaid, commercial, self-pay, other.'],
    [{ from: '11/01/2026' }, 'From must be a date (YYYY-MM-DD).'],
    [{ to: '2026-13-45' }, 'To is not a real date.'],
    [{ from: '2026-12-01', to: '2026-11-01' }, 'The From date is after the To date.'],
    [{ status: 'done' }, 'Status must be pending or reviewed.'],
    [{ provider: ['a', 'b'] }, 'Pick one provider.'],
  ])('refuses %j', (query, message) => {
    expect(() => parseQueueFilters(query)).toThrow(message);
  });
});
