import type { Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { FakeFhirReader } from './fake-fhir-reader.ts';
import { labFlag, latestPerTest, loadLabs, normaliseLab } from './labs.ts';

const INTERP = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';

function lab(
  id: string,
  loinc: string,
  day: string,
  value: number,
  extra: Partial<Observation> = {},
): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [{ coding: [{ code: 'laboratory' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: loinc }], text: `Test ${loinc}` },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: `${day}T08:00:00-05:00`,
    valueQuantity: { value, unit: '%', code: '%' },
    referenceRange: [{ low: { value: 4, unit: '%', code: '%' }, high: { value: 5.6, unit: '%', code: '%' } }],
    ...extra,
  };
}

const interpreted = (...codes: string[]) => ({
  interpretation: [{ coding: codes.map((code) => ({ system: INTERP, code })) }],
});

describe('labFlag', () => {
  it("follows the lab's interpretation, critical for HH, LL and AA", () => {
    expect(labFlag(lab('a', '1', '2025-01-01', 5, interpreted('H')))).toBe('high');
    expect(labFlag(lab('a', '1', '2025-01-01', 5, interpreted('L')))).toBe('low');
    expect(labFlag(lab('a', '1', '2025-01-01', 5, interpreted('A')))).toBe('abnormal');
    for (const code of ['HH', 'LL', 'AA'])
      expect(labFlag(lab('a', '1', '2025-01-01', 5, interpreted(code)))).toBe('critical');
    expect(labFlag(lab('a', '1', '2025-01-01', 9, interpreted('N')))).toBeNull();
    expect(labFlag(lab('a', '1', '2025-01-01', 9, interpreted('A', 'HH')))).toBe('critical');
  });

  it('falls back to the reference range when there is no interpretation it knows', () => {
    expect(labFlag(lab('a', '1', '2025-01-01', 7.8))).toBe('high');
    expect(labFlag(lab('a', '1', '2025-01-01', 3.1))).toBe('low');
    expect(labFlag(lab('a', '1', '2025-01-01', 5))).toBeNull();
    expect(labFlag(lab('a', '1', '2025-01-01', 7.8, interpreted('weird')))).toBe('high');
    expect(
      labFlag(
        lab('a', '1', '2025-01-01', 7.8, { referenceRange: [{ high: { value: 5, code: 'mmol/mol' } }] }),
      ),
    ).toBeNull();
  });
});

describe('normaliseLab', () => {
  it('formats the value with its unit and the reference range', () => {
    expect(normaliseLab(lab('a1c', '4548-4', '2025-01-01', 7.8))).toEqual({
      ref: 'Observation/a1c',
      display: 'Test 4548-4',
      loinc: '4548-4',
      value: '7.8%',
      effective: '2025-01-01T08:00:00-05:00',
      flag: 'high',
      referenceRange: '4 - 5.6%',
    });
  });

  it('reads coded values, range text and a period start', () => {
    const negative = lab('u', '5', '2025-01-01', 0, {
      valueQuantity: undefined,
      valueCodeableConcept: { text: 'Negative' },
      effectiveDateTime: undefined,
      effectivePeriod: { start: '2024-12-01' },
      referenceRange: [{ text: 'Negative' }],
    });
    expect(normaliseLab(negative)).toMatchObject({
      value: 'Negative',
      effective: '2024-12-01',
      referenceRange: 'Negative',
      flag: null,
    });
  });

  it('skips panel headers and withdrawn results; refuses results without a code', () => {
    expect(
      normaliseLab(
        lab('p', '1', '2025-01-01', 0, {
          valueQuantity: undefined,
          hasMember: [{ reference: 'Observation/x' }],
        }),
      ),
    ).toBe('other');
    expect(normaliseLab(lab('e', '1', '2025-01-01', 1, { status: 'entered-in-error' }))).toBe('other');
    expect(normaliseLab({ resourceType: 'Observation', id: 'x', status: 'final' })).toBeUndefined();
    expect(
      normaliseLab(
        lab('d', '1', '2025-01-01', 0, {
          valueQuantity: undefined,
          dataAbsentReason: { text: 'Specimen hemolysed' },
        }),
      ),
    ).toMatchObject({
      value: 'Specimen hemolysed',
    });
  });
});

describe('latestPerTest and loadLabs', () => {
  it('keeps the newest result of each test, newest first, at most 30', () => {
    const results = [
      lab('old', '4548-4', '2024-01-01', 7.0),
      lab('new', '4548-4', '2025-01-01', 7.8),
      lab('k', '2823-3', '2024-06-01', 4.4),
      ...Array.from({ length: 40 }, (_, i) => lab(`t${i}`, `x-${i}`, '2023-01-01', 5)),
    ].map((o) => normaliseLab(o) as Exclude<ReturnType<typeof normaliseLab>, 'other' | undefined>);
    const latest = latestPerTest(results);
    expect(latest).toHaveLength(30);
    expect(latest.slice(0, 2).map((r) => r.ref)).toEqual(['Observation/new', 'Observation/k']);
  });

  it('searches laboratory results newest first and warns about unreadable ones', async () => {
    const reader = new FakeFhirReader({
      resources: [lab('a', '1', '2025-01-01', 5)],
      junk: { Observation: [null, { resourceType: 'Observation', id: 'n' }] },
    });
    const { data, warnings } = await loadLabs(reader, 'p1');
    expect(data).toHaveLength(1);
    expect(warnings).toEqual(['2 lab entries could not be read and are not shown']);
    expect(reader.calls[0]?.params).toEqual({
      patient: 'p1',
      category: 'laboratory',
      _sort: '-date',
      _count: '100',
    });
  });
});
