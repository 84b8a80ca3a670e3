import { describe, expect, it } from 'vitest';
import { externalSources } from './external-sources.ts';
import { readVisit } from './visit-reading.ts';
import { chart, transcript } from './visit.test-data.ts';

const notes = (text: string, context = chart()) =>
  externalSources(readVisit(transcript(text, context))).notes.map((n) => n.key);

describe('external notes', () => {
  it('keys each note by its source, two sources in one sentence counted apart', () => {
    const text =
      'DOCTOR: So Dr. Okafor sent me a very nice referral note, and I also have the records your endocrinologist in Lakeport faxed over.';
    expect(notes(text)).toEqual(['source:dr-okafor', 'source:lakeport']);
  });

  it('follows "her note" back to the doctor just named, and a role to the name beside it', () => {
    const text = [
      'DOCTOR: First, your primary doctor at Riverbend, Dr. Riverside, saw you three weeks ago, and I read her note.',
      'DOCTOR: Her note says the primary doctor heard crackles.',
    ].join('\n');
    expect(notes(text)).toEqual(['source:dr-riverside']);
  });

  it('reaches back for "I have it here" to the report and the source the patient named', () => {
    const text = [
      'PATIENT: I went to the eye doctor, Riverbend Eye, last month. They said they would send you the report.',
      'DOCTOR: They did, I have it here. The dilated exam showed no diabetic retinopathy.',
    ].join('\n');
    expect(notes(text)).toEqual(['source:riverbend-eye']);
  });

  it('counts a role that names an organisation already met as that organisation', () => {
    const text = [
      'DOCTOR: I have the note from Example Urgent Care.',
      'PATIENT: My husband drove me to the urgent care that night.',
      'DOCTOR: That matches their note: swelling over the outside of the ankle.',
    ].join('\n');
    expect(notes(text)).toEqual(['source:example-urgent-care', 'source:example-urgent-care']);
  });

  it.each([
    [
      'a test report',
      'DOCTOR: She ordered an echocardiogram.\nDOCTOR: I have the report here. The ejection fraction is 30 percent.',
    ],
    ['our own note', "DOCTOR: I've read my last note again."],
    ['a note sent', "DOCTOR: I'll send Dr. Riverside a copy of today's note."],
    ['a note the patient read', 'PATIENT: I read the letter from the hospital.'],
    ['having to ask', 'DOCTOR: I have to ask about smoking.'],
    ['the chart', 'DOCTOR: Right, I see that in his chart.'],
  ])('no external note from %s', (_why, text) => {
    expect(notes(text)).toEqual([]);
  });

  it('never takes the practitioner for an outside source', () => {
    const context = chart({
      practitioner: { status: 'ok', data: { ref: 'Practitioner/p1', name: 'Sam Lindqvist-Testdoc MD' } },
    });
    expect(notes('DOCTOR: I have the note Dr. Lindqvist wrote last spring.', context)).toEqual([]);
  });
});
