import type { Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { FakeFhirReader } from './fake-fhir-reader.ts';
import { buildVitalSeries, loadVitals, readVital, type VitalReading } from './vitals.ts';

const LOINC = 'http://loinc.org';
const vitalSigns = [{ coding: [{ code: 'vital-signs' }] }];

function vital(
  id: string,
  code: string,
  day: string,
  value: number,
  unit = 'kg',
  extra: Partial<Observation> = {},
): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: vitalSigns,
    code: { coding: [{ system: LOINC, code }] },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: `${day}T09:00:00-05:00`,
    valueQuantity: { value, unit, code: unit },
    ...extra,
  };
}

function bp(id: string, day: string, systolic: number, diastolic: number): Observation {
  const q = (value: number) => ({ value, unit: 'mmHg', code: 'mm[Hg]' });
  return {
    ...vital(id, '85354-9', day, 0),
    valueQuantity: undefined,
    component: [
      { code: { coding: [{ system: LOINC, code: '8462-4' }] }, valueQuantity: q(diastolic) },
      { code: { coding: [{ system: LOINC, code: '8480-6' }] }, valueQuantity: q(systolic) },
    ],
  };
}

describe('readVital', () => {
  it('reads blood pressure from its components, whatever their order', () => {
    expect(readVital(bp('b1', '2025-01-01', 128, 78))).toMatchObject({
      code: '85354-9',
      value: 128,
      value2: 78,
      unit: 'mm[Hg]',
    });
  });

  it('files SpO2 under the pulse-oximetry code and rounds what EHRs over-specify', () => {
    expect(readVital(vital('s', '2708-6', '2025-01-01', 97, '%'))).toMatchObject({
      code: '59408-5',
      value: 97,
    });
    expect(readVital(vital('t', '8310-5', '2025-01-01', 37.799, 'Cel'))).toMatchObject({ value: 37.8 });
  });

  it('tells apart what is not tracked, deliberately empty, and unreadable', () => {
    expect(readVital(vital('h', '8289-1', '2025-01-01', 40, 'cm'))).toBe('other');
    expect(readVital(vital('e', '8867-4', '2025-01-01', 70, '/min', { status: 'entered-in-error' }))).toBe(
      'other',
    );
    expect(
      readVital(
        vital('d', '8867-4', '2025-01-01', 0, '/min', {
          valueQuantity: undefined,
          dataAbsentReason: { text: 'Unknown' },
        }),
      ),
    ).toBe('other');
    expect(
      readVital(vital('n', '8867-4', '2025-01-01', 0, '/min', { valueQuantity: undefined })),
    ).toBeUndefined();
    expect(
      readVital(vital('w', '8867-4', '2025-01-01', 70, '/min', { effectiveDateTime: undefined })),
    ).toBeUndefined();
    expect(readVital({ resourceType: 'Observation', id: 'nocode', status: 'final' })).toBeUndefined();
    expect(readVital({ ...bp('b2', '2025-01-01', 120, 80), component: [] })).toBeUndefined();
  });
});

describe('buildVitalSeries', () => {
  const read = (o: Observation) => readVital(o) as VitalReading;

  it('lays readings oldest first, formats the newest and compares it with the one before', () => {
    const { series } = buildVitalSeries(
      [bp('3', '2025-03-01', 132, 78), bp('1', '2025-01-01', 128, 74), bp('2', '2025-02-01', 140, 80)].map(
        read,
      ),
    );
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({
      code: '85354-9',
      label: 'Blood pressure',
      unit: 'mmHg',
      latestDisplay: '132/78 mmHg',
      trend: 'down',
    });
    expect(series[0]?.points.map((p) => p.ref)).toEqual(['Observation/1', 'Observation/2', 'Observation/3']);
  });

  it('calls a change within 2% flat, and gives no trend for a single reading', () => {
    const flat = buildVitalSeries(
      [vital('a', '29463-7', '2025-01-01', 100), vital('b', '29463-7', '2025-02-01', 101.9)].map(read),
    );
    expect(flat.series[0]).toMatchObject({ trend: 'flat', latestDisplay: '101.9 kg' });
    const up = buildVitalSeries(
      [vital('a', '29463-7', '2025-01-01', 100), vital('b', '29463-7', '2025-02-01', 102.1)].map(read),
    );
    expect(up.series[0]?.trend).toBe('up');
    expect(
      buildVitalSeries([read(vital('c', '8302-2', '2025-01-01', 170, 'cm'))]).series[0]?.trend,
    ).toBeNull();
  });

  it("draws a series in its newest reading's unit, converting older ones and skipping what cannot be converted", () => {
    const { series, skipped } = buildVitalSeries(
      [
        vital('a', '29463-7', '2025-01-01', 70, 'kg'),
        vital('b', '29463-7', '2025-01-15', 5, '%'),
        vital('c', '29463-7', '2025-02-01', 160, '[lb_av]'),
      ].map(read),
    );
    expect(series[0]).toMatchObject({ unit: 'lb', latestDisplay: '160 lb' });
    expect(series[0]?.points.map((p) => p.value)).toEqual([154.3, 160]);
    expect(skipped).toBe(1);
  });

  it('keeps the last 20 points, in the fixed panel order, with clinical units for rates', () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      vital(`h${i}`, '8867-4', `2025-01-${String(i + 1).padStart(2, '0')}`, 60 + i, '/min'),
    );
    const { series } = buildVitalSeries([...many, bp('b', '2025-01-01', 120, 80)].map(read));
    expect(series.map((s) => s.label)).toEqual(['Blood pressure', 'Heart rate']);
    expect(series[1]?.points).toHaveLength(20);
    expect(series[1]?.points[0]?.value).toBe(65);
    expect(series[1]?.latestDisplay).toBe('84 bpm');
  });
});

describe('loadVitals', () => {
  it('searches vital signs newest first in pages of 100 and warns about unreadable entries', async () => {
    const reader = new FakeFhirReader({
      resources: [vital('w', '29463-7', '2025-01-01', 70), vital('hc', '8289-1', '2025-01-01', 40, 'cm')],
      junk: { Observation: [{ resourceType: 'Observation', id: 'x', status: 'final' }] },
    });
    const { data, warnings } = await loadVitals(reader, 'p1');
    expect(data.map((s) => s.code)).toEqual(['29463-7']);
    expect(warnings).toEqual(['1 vital-sign entry could not be read and is not shown']);
    expect(reader.calls[0]?.params).toEqual({
      patient: 'p1',
      category: 'vital-signs',
      _sort: '-date',
      _count: '100',
    });
  });
});
