import { describe, expect, it } from 'vitest';
import type { EncounterSummary, LabResult } from '../../contract/clinical-context.ts';
import { extractEmFacts } from './extract-em-facts.ts';
import { chart, transcript } from './visit.test-data.ts';

const established = chart({
  encounter: {
    status: 'ok',
    data: {
      ref: 'Encounter/e1',
      status: 'in-progress',
      type: 'Office visit, established patient',
      reasons: [],
    } satisfies EncounterSummary,
  },
});
const dataOf = (text: string, context = chart()) => extractEmFacts(transcript(text, context)).data;
const keys = (items: readonly { key: string }[]) => items.map((i) => i.key);

describe('tests reviewed and ordered', () => {
  it('counts a panel once however many of its analytes are read', () => {
    const data = dataOf('DOCTOR: Your potassium was 4.6, sodium 139, and your creatinine went up to 1.53.');
    expect(keys(data.testsReviewed)).toEqual(['test:basic-metabolic-panel']);
  });

  it('keeps different tests apart and the longest name whole', () => {
    const data = dataOf(
      "DOCTOR: Today I'm also ordering the thyroid peroxidase antibodies and a urine albumin to creatinine ratio.\nDOCTOR: We'll recheck the TSH and free T4 in six weeks.",
    );
    expect(keys(data.testsOrdered)).toEqual([
      'test:tpo-antibodies',
      'test:urine-albumin-creatinine',
      'test:tsh',
      'test:free-t4',
    ]);
  });

  it('reads a multiplex swab as one test, reviewed from the result in the next sentence', () => {
    const data = dataOf(
      "DOCTOR: The nurse did the rapid COVID and flu swab when you came in. It's negative for COVID and negative for flu A and B.",
    );
    expect(keys(data.testsReviewed)).toEqual(['test:rapid-covid-flu']);
  });

  it('keys generic imaging by body part', () => {
    const data = dataOf(
      "DOCTOR: I want a chest X-ray today.\nDOCTOR: I've also reviewed the X-rays of your right knee.",
    );
    expect(keys(data.testsOrdered)).toEqual(['test:x-ray-chest']);
    expect(keys(data.testsReviewed)).toEqual(['test:x-ray-knee']);
  });

  it.each([
    ['a conditional order', "DOCTOR: If the pain persists, we'll get an MRI."],
    ['a hypothetical', "DOCTOR: Then we'd talk about a CT scan of the coronary arteries."],
    ['a deferred problem', "DOCTOR: I'd rather give the knee its own visit, with probably knee X-rays."],
    ['a result not yet in hand', 'DOCTOR: Whatever the stress test shows, your LDL needs treating.'],
    ['an order by someone else', 'DOCTOR: She heard a few crackles and she ordered an echocardiogram.'],
    ['scored questionnaires', 'DOCTOR: Your PHQ-9 is 14 today and the GAD-7 is 13.'],
    ['vital signs', 'DOCTOR: Your blood pressure is 132 over 78 and oxygen 95 percent.'],
    ['a diet instruction', 'DOCTOR: Keep the salt under 2 grams a day.'],
    ['the patient', 'PATIENT: They took X-rays at the urgent care and said the A1c was 7.'],
  ])('nothing from %s', (_why, text) => {
    const data = dataOf(text);
    expect([...data.testsReviewed, ...data.testsOrdered, ...data.independentInterpretations]).toEqual([]);
  });

  it('credits results this practice ordered at an earlier visit to that order', () => {
    const text = [
      'DOCTOR: This is your three-month check, and we got your blood work from last week.',
      'DOCTOR: Your A1c is 8.6 percent, and your potassium was 4.6.',
      'DOCTOR: I want a basic metabolic panel in two weeks.',
    ].join('\n');
    const data = dataOf(text, established);
    expect(data.testsReviewed.map((t) => [t.key, t.orderedAtPriorEncounter])).toEqual([
      ['test:hemoglobin-a1c', true],
      ['test:basic-metabolic-panel', true],
    ]);
    expect(keys(data.testsOrdered)).toEqual(['test:basic-metabolic-panel']);
  });

  it('does not credit outside results to an earlier order', () => {
    const text = [
      'DOCTOR: We got your blood work from last week.',
      'DOCTOR: She also sent labs from three weeks ago: potassium 4.5 and the NT-proBNP was 1,450.',
    ].join('\n');
    expect(dataOf(text, established).testsReviewed.every((t) => t.orderedAtPriorEncounter !== true)).toBe(
      true,
    );
  });

  it('adds the chart result with the same LOINC as evidence', () => {
    const lab: LabResult = {
      ref: 'Observation/a1c',
      display: 'Hemoglobin A1c',
      loinc: '4548-4',
      value: '7.4 %',
      flag: 'high',
    };
    const data = dataOf('DOCTOR: Your A1c was 7.4.', chart({ labs: { status: 'ok', data: [lab] } }));
    expect(data.testsReviewed[0]?.evidence).toContainEqual({
      kind: 'fhir',
      ref: 'Observation/a1c',
      label: 'Hemoglobin A1c: 7.4 %',
    });
  });
});

describe('independent interpretation and discussion', () => {
  it("reads the clinician's own read of an outside test as an interpretation", () => {
    const text = [
      'DOCTOR: Your primary-care office did the ECG last week, and their machine read it as normal.',
      "DOCTOR: I've gone through the tracing myself.",
      "DOCTOR: I've pulled up your X-rays. Here's my own read of the images.",
    ].join('\n');
    expect(keys(dataOf(text).independentInterpretations)).toEqual(['test:ecg', 'test:x-ray']);
  });

  it('reads an interactive discussion with an outside physician, not a note sent', () => {
    expect(
      keys(
        dataOf('DOCTOR: I spoke with Dr. Patel, your nephrologist, this morning about the dose.')
          .externalDiscussions,
      ),
    ).toEqual(['source:dr-patel']);
    expect(
      dataOf("DOCTOR: I'll send your therapist a note about the dose change.").externalDiscussions,
    ).toEqual([]);
    expect(dataOf('DOCTOR: Like we talked about, keep weighing yourself.').externalDiscussions).toEqual([]);
  });
});
