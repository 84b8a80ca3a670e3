import type { Condition } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { FakeFhirReader } from './fake-fhir-reader.ts';
import { activeProblems, loadProblems, normaliseCondition } from './problems.ts';

const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const SCT = 'http://snomed.info/sct';

function condition(
  id: string,
  text: string,
  icd: string,
  opts: { status?: string; category?: string; verification?: string } = {},
): Condition {
  return {
    resourceType: 'Condition',
    id,
    subject: { reference: 'Patient/p1' },
    clinicalStatus: { coding: [{ code: opts.status ?? 'active' }] },
    ...(opts.verification ? { verificationStatus: { coding: [{ code: opts.verification }] } } : {}),
    category: [{ coding: [{ code: opts.category ?? 'problem-list-item' }] }],
    code: {
      coding: [
        { system: ICD, code: icd },
        { system: SCT, code: `s-${icd}` },
      ],
      text,
    },
    onsetDateTime: '2020-01-01',
  };
}

describe('normaliseCondition', () => {
  it('keeps both codings, statuses, category and onset', () => {
    expect(normaliseCondition(condition('c1', 'Hypertension', 'I10'))).toEqual({
      ref: 'Condition/c1',
      display: 'Hypertension',
      icd10: { system: ICD, code: 'I10' },
      snomed: { system: SCT, code: 's-I10' },
      clinicalStatus: 'active',
      category: 'problem-list-item',
      onset: '2020-01-01',
    });
  });

  it('refuses a Condition without a code', () => {
    expect(normaliseCondition({ resourceType: 'Condition', id: 'c', subject: {} })).toBeUndefined();
  });
});

describe('activeProblems', () => {
  it('keeps active, recurrence and relapse from the problem list and visits, sorted by name', () => {
    const items = [
      condition('a', 'Diabetes', 'E11.9'),
      condition('b', 'asthma', 'J45.909', { status: 'recurrence', category: 'encounter-diagnosis' }),
      condition('c', 'Pneumonia', 'J18.9', { status: 'resolved' }),
      condition('d', 'Gout', 'M10.9', { status: 'relapse' }),
      condition('e', 'Fear of becoming fat', 'Z00', { category: 'health-concern' }),
      condition('f', 'Rule-out cancer', 'C80.1', { verification: 'refuted' }),
    ].map((c) => normaliseCondition(c)!);
    expect(activeProblems(items).map((p) => p.display)).toEqual(['asthma', 'Diabetes', 'Gout']);
  });

  it('shows a problem diagnosed at several visits once, preferring the problem-list entry', () => {
    const items = [
      condition('v1', 'Hypertension', 'I10', { category: 'encounter-diagnosis' }),
      condition('pl', 'Essential hypertension', 'I10'),
      condition('v2', 'Hypertension', 'I10', { category: 'encounter-diagnosis' }),
    ].map((c) => normaliseCondition(c)!);
    expect(activeProblems(items).map((p) => p.ref)).toEqual(['Condition/pl']);
  });
});

describe('loadProblems', () => {
  it('searches by patient, warns about unreadable entries, and caps the list', async () => {
    const many = Array.from({ length: 205 }, (_, i) =>
      condition(`c${i}`, `Problem ${String(i).padStart(3, '0')}`, `X${i}`),
    );
    const reader = new FakeFhirReader({
      resources: many,
      junk: { Condition: [{ resourceType: 'Condition', id: 'nocode' }, 'not json'] },
    });
    const { data, warnings } = await loadProblems(reader, 'p1');
    expect(data).toHaveLength(200);
    expect(data[0]?.display).toBe('Problem 000');
    expect(warnings).toEqual([
      '2 problem entries could not be read and are not shown',
      'Showing 200 of 205 problem entries; the rest are in the EHR',
    ]);
    expect(reader.calls[0]).toMatchObject({ op: 'search', type: 'Condition', params: { patient: 'p1' } });
  });
});
