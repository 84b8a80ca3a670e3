import { describe, expect, it } from 'vitest';
import type { PatientStatus } from '../../contract/coding.ts';
import { AppError } from '../../errors/app-error.ts';
import { timeLevel } from './time-level.ts';

describe('timeLevel (2024 minimums)', () => {
  const table: [PatientStatus, number, string | undefined][] = [
    ['new', 0, undefined],
    ['new', 14, undefined],
    ['new', 15, '99202'],
    ['new', 29, '99202'],
    ['new', 30, '99203'],
    ['new', 44, '99203'],
    ['new', 45, '99204'],
    ['new', 59, '99204'],
    ['new', 60, '99205'],
    ['new', 180, '99205'],
    ['established', 9, undefined],
    ['established', 10, '99212'],
    ['established', 19, '99212'],
    ['established', 20, '99213'],
    ['established', 29, '99213'],
    ['established', 30, '99214'],
    ['established', 39, '99214'],
    ['established', 40, '99215'],
    ['established', 44, '99215'],
    ['established', 29.5, '99213'],
  ];
  it.each(table)('%s patient, %d minutes → %s', (status, minutes, code) => {
    const result = timeLevel(status, minutes);
    expect(result.code).toBe(code);
    expect(result.minutes).toBe(minutes);
  });

  it('names the minimum met and the next one up', () => {
    expect(timeLevel('new', 52).reasoning).toBe(
      'Time: 52 minutes meets the 45-minute minimum for 99204 (new patient). 99205 needs 60.',
    );
  });

  it('says when the level is the highest time level', () => {
    expect(timeLevel('established', 44).reasoning).toMatch(/99215 is the highest time level\.$/);
  });

  it('says time supports no level below the lowest minimum', () => {
    expect(timeLevel('established', 8).reasoning).toBe(
      'Time: 8 minutes is below the 10-minute minimum for 99212 (established patient), so time supports no level.',
    );
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d minutes', (minutes) => {
    expect(() => timeLevel('new', minutes)).toThrow(AppError);
  });
});
