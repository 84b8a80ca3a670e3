import type { Coverage, Organization } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { isCurrentCoverage, loadCoverage, normaliseCoverage } from './coverage.ts';
import { FakeFhirReader } from './fake-fhir-reader.ts';
import { FhirReadError } from './fhir-reader.ts';

const SOPT = 'https://nahdo.org/sopt';
const NOW = new Date('2025-03-10T12:00:00Z');

function coverage(id: string, extra: Partial<Coverage> = {}): Coverage {
  return {
    resourceType: 'Coverage',
    id,
    status: 'active',
    type: { coding: [{ system: SOPT, code: '1' }] },
    beneficiary: { reference: 'Patient/p1' },
    payor: [{ reference: 'Organization/medicare' }],
    period: { start: '2010-01-01' },
    class: [
      { type: { coding: [{ code: 'group' }] }, value: 'G1' },
      { type: { coding: [{ code: 'plan' }] }, value: 'PART-B', name: 'Medicare Part B' },
    ],
    ...extra,
  };
}

const medicare: Organization = { resourceType: 'Organization', id: 'medicare', name: 'Medicare (Fictional)' };

describe('normaliseCoverage', () => {
  it('names the payer from the payor display, else the Organization read, else the plan', () => {
    const withDisplay = coverage('c1', { payor: [{ reference: 'Organization/x', display: 'CMS' }] });
    expect(normaliseCoverage(withDisplay)).toEqual({
      ref: 'Coverage/c1',
      payerName: 'CMS',
      payerType: 'medicare',
      planName: 'Medicare Part B',
      status: 'active',
      periodStart: '2010-01-01',
    });
    expect(
      normaliseCoverage(coverage('c2'), new Map([['medicare', 'Medicare (Fictional)']]))?.payerName,
    ).toBe('Medicare (Fictional)');
    expect(normaliseCoverage(coverage('c3'))?.payerName).toBe('Medicare Part B');
  });

  it('calls a patient paying for themselves self-pay', () => {
    const self = coverage('c4', { type: undefined, class: undefined, payor: [{ reference: 'Patient/p1' }] });
    expect(normaliseCoverage(self)).toMatchObject({ payerType: 'self-pay', payerName: 'Self-pay' });
  });

  it('refuses a Coverage without a status', () => {
    expect(normaliseCoverage({ resourceType: 'Coverage', id: 'x' })).toBeUndefined();
  });
});

describe('isCurrentCoverage', () => {
  it('wants an active status and a period around now', () => {
    expect(isCurrentCoverage(coverage('a'), NOW)).toBe(true);
    expect(isCurrentCoverage(coverage('b', { status: 'cancelled' }), NOW)).toBe(false);
    expect(
      isCurrentCoverage(coverage('c', { period: { start: '2010-01-01', end: '2024-12-31' } }), NOW),
    ).toBe(false);
    expect(isCurrentCoverage(coverage('d', { period: { start: '2025-06-01' } }), NOW)).toBe(false);
  });
});

describe('loadCoverage', () => {
  it('reads each unnamed payer once, primary coverage first, and leaves out ended ones', async () => {
    const reader = new FakeFhirReader({
      resources: [
        coverage('secondary', { order: 2 }),
        coverage('primary', {
          order: 1,
          payor: [{ reference: 'Organization/summit', display: 'Summit Mutual' }],
        }),
        coverage('ended', { period: { start: '2000-01-01', end: '2001-01-01' } }),
        coverage('also-medicare'),
        medicare,
      ],
    });
    const { data } = await loadCoverage(reader, 'p1', NOW);
    expect(data.map((c) => `${c.ref} ${c.payerName}`)).toEqual([
      'Coverage/primary Summit Mutual',
      'Coverage/secondary Medicare (Fictional)',
      'Coverage/also-medicare Medicare (Fictional)',
    ]);
    expect(reader.calls.filter((c) => c.op === 'read')).toEqual([
      { op: 'read', type: 'Organization', id: 'medicare' },
    ]);
  });

  it('does without payer names when Organization is not granted or the read fails', async () => {
    const notGranted = new FakeFhirReader({
      resources: [coverage('c'), medicare],
      canRead: (t) => t !== 'Organization',
    });
    expect((await loadCoverage(notGranted, 'p1', NOW)).data[0]?.payerName).toBe('Medicare Part B');
    expect(notGranted.calls.some((c) => c.type === 'Organization')).toBe(false);
    const failing = new FakeFhirReader({
      resources: [coverage('c')],
      failures: { Organization: new FhirReadError('unavailable', 'x', 503) },
    });
    expect((await loadCoverage(failing, 'p1', NOW)).data[0]?.payerName).toBe('Medicare Part B');
  });

  it('lets an expired session through from the payer read', async () => {
    const expired = new FhirReadError('session_expired', 'x', 401);
    const reader = new FakeFhirReader({ resources: [coverage('c')], failures: { Organization: expired } });
    await expect(loadCoverage(reader, 'p1', NOW)).rejects.toBe(expired);
  });
});
