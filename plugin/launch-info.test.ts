import { describe, expect, it } from 'vitest';
import { readLaunchInfo } from './launch-info.ts';

describe('readLaunchInfo', () => {
  it('shows the launching EHR host only', () => {
    expect(readLaunchInfo('?iss=https%3A%2F%2Ffhir.example.org%2Fr4&launch=abc')).toEqual({
      ehrHost: 'fhir.example.org',
    });
  });

  it('ignores a missing or malformed iss', () => {
    expect(readLaunchInfo('')).toEqual({ ehrHost: undefined });
    expect(readLaunchInfo('?iss=not a url')).toEqual({ ehrHost: undefined });
  });
});
