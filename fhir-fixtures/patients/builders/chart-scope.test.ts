import { describe, expect, it } from 'vitest';
import { CLINIC, OUTSIDE_HOSPITAL, PRACTITIONER } from '../shared.ts';
import { chartScope, NOTE_TYPE, refTo } from './index.ts';

const today = '2025-03-01';
const patient = { reference: 'Patient/rp-test-scope-pt' };
const dr = refTo(PRACTITIONER['primary-care']);
const specialist = refTo(PRACTITIONER.cardiology);
const chart = chartScope({
  prefix: 'rp-test-scope',
  patient,
  practitioner: dr,
  clinic: refTo(CLINIC),
  today,
});
const htn = { code: 'I10', display: 'Essential (primary) hypertension' };
const htnSnomed = { code: '59621000', display: 'Essential hypertension' };
const visitText = { typeText: 'Office visit', reasonText: 'Follow-up' };

describe('chartScope', () => {
  it('names conditions by key, active on the problem list and recorded by the scope clinician', () => {
    const c = chart.condition('htn', htn, htnSnomed, '2015-01-01');
    expect(c.id).toBe('rp-test-scope-cond-htn');
    expect(c.clinicalStatus?.coding?.[0]?.code).toBe('active');
    expect(c.category?.[0]?.coding?.[0]?.code).toBe('problem-list-item');
    expect(c.recorder).toEqual(dr);
    expect(c.subject).toEqual(patient);
  });

  it('resolves a condition given an abatement date and leaves out a recorder set to null', () => {
    const c = chart.condition('old', htn, htnSnomed, '2015-01-01', {
      abatement: '2016-01-01',
      category: 'encounter-diagnosis',
      recorder: null,
    });
    expect(c.clinicalStatus?.coding?.[0]?.code).toBe('resolved');
    expect(c.abatementDateTime).toBe('2016-01-01');
    expect(c.category?.[0]?.coding?.[0]?.code).toBe('encounter-diagnosis');
    expect(c).not.toHaveProperty('recorder');
  });

  it('defaults the medication requester to the scope clinician unless one is given', () => {
    const rx = { code: '314076', display: 'lisinopril 10 MG Oral Tablet' };
    const own = chart.medication('lisinopril', rx, '1 tablet daily', '2025-01-01');
    const other = chart.medication('lisinopril-2', rx, '1 tablet daily', '2025-01-01', {
      requester: specialist,
      status: 'stopped',
    });
    expect(own.id).toBe('rp-test-scope-med-lisinopril');
    expect(own.requester).toEqual(dr);
    expect(own.status).toBe('active');
    expect(other.requester).toEqual(specialist);
    expect(other.status).toBe('stopped');
  });

  it('puts prior visits at the clinic with the scope clinician, outside visits at theirs', () => {
    const own = chart.priorVisit('d30', { daysAgo: 30, time: '10:00', minutes: 20, ...visitText });
    const away = chart.priorVisit('outside', {
      daysAgo: 30,
      time: '10:00',
      minutes: 20,
      ...visitText,
      outside: { clinic: refTo(OUTSIDE_HOSPITAL) },
    });
    expect(own.id).toBe('rp-test-scope-enc-d30');
    expect(own.period).toEqual({ start: '2025-01-30T10:00:00-05:00', end: '2025-01-30T10:20:00-05:00' });
    expect(own.participant?.[0]?.individual).toEqual(dr);
    expect(own.serviceProvider).toEqual(refTo(CLINIC));
    expect(away.serviceProvider).toEqual(refTo(OUTSIDE_HOSPITAL));
    expect(away).not.toHaveProperty('participant');
  });

  it('opens today at the clinic, with a different doctor when named', () => {
    const visit = chart.todayVisit({ time: '09:30', practitioner: specialist, ...visitText });
    expect(visit.id).toBe('rp-test-scope-enc-today');
    expect(visit.status).toBe('in-progress');
    expect(visit.period?.start).toBe('2025-03-01T09:30:00-05:00');
    expect(visit.participant?.[0]?.individual).toEqual(specialist);
  });

  it('signs notes on the visit day unless told otherwise, with the id segment the scope chose', () => {
    const visit = chart.priorVisit('d8', { daysAgo: 8, time: '17:00', minutes: 50, ...visitText });
    const note = chart.note('d8', visit, 'Progress note', 'Fictional text.', '18:00');
    const docs = chartScope({
      prefix: 'rp-x',
      patient,
      practitioner: dr,
      clinic: refTo(CLINIC),
      today,
      noteSegment: 'doc',
    });
    const letter = docs.note('letter', visit, 'Letter', 'Fictional text.', '09:15', {
      author: refTo(OUTSIDE_HOSPITAL),
      custodian: refTo(OUTSIDE_HOSPITAL),
      type: NOTE_TYPE.consultNote,
      signedOn: '2025-02-22',
    });
    expect(note.id).toBe('rp-test-scope-note-d8');
    expect(note.date).toBe('2025-02-21T18:00:00-05:00');
    expect(note.author).toEqual([dr]);
    expect(note.context?.encounter).toEqual([refTo(visit)]);
    expect(letter.id).toBe('rp-x-doc-letter');
    expect(letter.date).toBe('2025-02-22T09:15:00-05:00');
    expect(letter.custodian).toEqual(refTo(OUTSIDE_HOSPITAL));
    expect(letter.type?.coding?.[0]?.code).toBe(NOTE_TYPE.consultNote.code);
  });

  it('finds a visit by how many days before today it started', () => {
    const d90 = chart.priorVisit('d90', { daysAgo: 90, time: '08:00', minutes: 20, ...visitText });
    const now = chart.todayVisit({ time: '09:30', ...visitText });
    const at = chart.encounterAt(now, d90);
    expect(at(0)).toEqual(refTo(now));
    expect(at(90)).toEqual(refTo(d90));
    expect(at(45)).toBeUndefined();
  });
});
