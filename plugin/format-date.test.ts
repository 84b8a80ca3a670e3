import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from './format-date.ts';

describe('formatDate', () => {
  it('shows FHIR calendar dates as written, whatever the time zone', () => {
    expect(formatDate('1957-03-03')).toBe('Mar 3, 1957');
    expect(formatDate('2019-06')).toBe('Jun 2019');
    expect(formatDate('2019')).toBe('2019');
  });

  it('shows the date of an instant and leaves nonsense as it came', () => {
    expect(formatDate('2031-03-12T12:00:00Z')).toMatch(/^Mar 1[12], 2031$/);
    expect(formatDate('soon')).toBe('soon');
    expect(formatDate(undefined)).toBe('');
  });

  it('adds the local time to instants only', () => {
    expect(formatDateTime('2031-03-12')).toBe('Mar 12, 2031');
    expect(formatDateTime('2031-03-12T12:00:00Z')).toMatch(/2031, \d{1,2}:\d\d\s?[AP]M$/);
    expect(formatDateTime('later')).toBe('later');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatTime('2031-03-12T12:00:00Z')).toMatch(/^\d{1,2}:\d\d\s?[AP]M$/);
    expect(formatTime('x')).toBe('x');
  });
});
