import { describe, expect, it } from 'vitest';
import type { EncounterSummary, NoteSummary } from '../../contract/clinical-context.ts';
import { decidePatientStatus } from './patient-status.ts';
import { decidePayerType } from './payer-type.ts';
import { readVisit } from './visit-reading.ts';
import { chart, transcript } from './visit.test-data.ts';

const encounter = (type: string): EncounterSummary => ({
  ref: 'Encounter/e1',
  status: 'in-progress',
  type,
  reasons: [],
});
const statusOf = (text: string, context = chart()) =>
  decidePatientStatus(readVisit(transcript(text, context)), undefined);

describe('decidePatientStatus', () => {
  it('takes the caller first', () => {
    const visit = readVisit(transcript('DOCTOR: Nice to meet you.'));
    expect(decidePatientStatus(visit, 'established')).toMatchObject({
      status: 'established',
      reason: 'given by the clinician',
    });
  });

  it('takes the encounter type over the words, and cites the Encounter', () => {
    const decided = statusOf(
      'DOCTOR: Nice to meet you.',
      chart({ encounter: { status: 'ok', data: encounter('Office visit, established patient') } }),
    );
    expect(decided.status).toBe('established');
    expect(decided.evidence[0]).toMatchObject({ kind: 'fhir', ref: 'Encounter/e1' });
  });

  it.each([
    ["DOCTOR: Hi, I'm Dr. Haddad. Welcome.", 'new'],
    ['DOCTOR: Since you are new to us, let me go through your background.', 'new'],
    ['PATIENT: Thanks. Nice to meet you.', 'new'],
    ['DOCTOR (DICTATION): New patient visit.', 'new'],
    ['DOCTOR: When I saw you three months ago it was 820.', 'established'],
    ['DOCTOR: So this is your three-month check on the diabetes.', 'established'],
    ['DOCTOR: Good to see you again. How have things been since I last saw you?', 'established'],
  ])('"%s" → %s', (text, status) => {
    const decided = statusOf(text);
    expect(decided.status).toBe(status);
    expect(decided.evidence[0]).toMatchObject({ kind: 'input' });
  });

  it('reads a note by this practitioner within three years as established', () => {
    const note: NoteSummary = {
      ref: 'DocumentReference/n1',
      type: 'Progress note',
      date: '2024-01-02',
      author: 'Sam Lindqvist-Testdoc MD',
      status: 'current',
    };
    const context = chart({
      practitioner: { status: 'ok', data: { ref: 'Practitioner/p1', name: 'Sam Lindqvist-Testdoc MD' } },
      notes: { status: 'ok', data: [note] },
    });
    expect(statusOf('DOCTOR: What brings you in?', context)).toMatchObject({ status: 'established' });
    const old = chart({ ...context, notes: { status: 'ok', data: [{ ...note, date: '2020-01-02' }] } });
    expect(statusOf('DOCTOR: What brings you in?', old).evidence).toEqual([]);
  });

  it('defaults to established when nothing shows a new patient, and says so', () => {
    const decided = statusOf('DOCTOR: What brings you in today?');
    expect(decided.status).toBe('established');
    expect(decided.reason).toMatch(/nothing/);
  });
});

describe('decidePayerType', () => {
  const coverage = (payerType: 'medicare' | 'medicaid' | 'commercial', status = 'active') => ({
    ref: `Coverage/${payerType}`,
    payerName: payerType,
    payerType,
    status,
  });

  it('takes the caller, then an active Medicare coverage, then the first active one', () => {
    const both = chart({ coverage: { status: 'ok', data: [coverage('medicaid'), coverage('medicare')] } });
    expect(decidePayerType(both, 'commercial').payerType).toBe('commercial');
    expect(decidePayerType(both, undefined).payerType).toBe('medicare');
    const lapsed = chart({
      coverage: { status: 'ok', data: [coverage('medicare', 'cancelled'), coverage('medicaid')] },
    });
    expect(decidePayerType(lapsed, undefined).payerType).toBe('medicaid');
  });

  it('defaults to commercial with no coverage on the chart', () => {
    expect(decidePayerType(chart(), undefined)).toMatchObject({ payerType: 'commercial' });
    expect(decidePayerType(undefined, undefined).reason).toMatch(/no coverage/);
  });
});
