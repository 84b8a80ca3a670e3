import { describe, expect, it } from 'vitest';
import { asList, capList, collect, skippedWarnings } from './collect.ts';
import { FhirReadError } from './fhir-reader.ts';

describe('collect', () => {
  it('keeps what normalises and counts what does not, including throws', () => {
    const result = collect([1, 2, 'x', 3, null], (v) => {
      if (v === null) throw new Error('boom');
      return typeof v === 'number' ? v * 2 : undefined;
    });
    expect(result).toEqual({ items: [2, 4, 6], skipped: 2 });
  });

  it('words the warning for one and for many', () => {
    expect(skippedWarnings('medications', 0)).toEqual([]);
    expect(skippedWarnings('medications', 1)).toEqual([
      '1 medication entry could not be read and is not shown',
    ]);
    expect(skippedWarnings('medications', 2)).toEqual([
      '2 medication entries could not be read and are not shown',
    ]);
  });

  it('caps a list and says so', () => {
    expect(capList('problems', [1, 2], 2)).toEqual({ items: [1, 2], warnings: [] });
    expect(capList('problems', [1, 2, 3], 2)).toEqual({
      items: [1, 2],
      warnings: ['Showing 2 of 3 problem entries; the rest are in the EHR'],
    });
  });

  it('refuses a search answer that is not a list', () => {
    expect(asList([1])).toEqual([1]);
    expect(() => asList({ resourceType: 'Bundle' })).toThrow(FhirReadError);
  });
});
