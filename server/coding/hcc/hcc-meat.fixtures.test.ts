/**
 * HCC flags and MEAT on the fixture visits: the gold diagnoses of the diabetes, heart failure and
 * depression visits, each with the transcript sentences a coder would cite, flagged with the
 * shipped V28 seed. The prior notes in the chart stand in for copied-forward documentation.
 */
import { describe, expect, it } from 'vitest';
import { transcript as depression } from '../../../fhir-fixtures/patients/behavioural-health-depression-transcript.ts';
import { transcript as heartFailure } from '../../../fhir-fixtures/patients/cardiology-heart-failure-transcript.ts';
import { PRIOR_NOTE_D190 } from '../../../fhir-fixtures/patients/primary-care-diabetes-notes.ts';
import { transcript as diabetes } from '../../../fhir-fixtures/patients/primary-care-diabetes-transcript.ts';
import type { Evidence, InputEvidence } from '../../contract/note-draft.ts';
import { hccFlagsFor, type HccDiagnosis } from './hcc-flags.ts';
import { checkMeat } from './meat.ts';
import { seedHccModelData } from './seed-hcc.ts';

const model = seedHccModelData();

function quoteIn(text: string, quote: string): InputEvidence {
  const start = text.indexOf(quote);
  expect(start, `"${quote}" is in the transcript`).toBeGreaterThanOrEqual(0);
  return { kind: 'input', start, end: start + quote.length, quote };
}

const dx = (text: string, code: string, ...quotes: string[]): HccDiagnosis => ({
  code,
  evidence: quotes.map((q) => quoteIn(text, q)),
});

describe('HCC flags on the fixture visits', () => {
  it('diabetes visit: CKD-linked diabetes supersedes diabetes with hyperglycemia; CKD 3a flagged; MEAT from the visit', () => {
    const flags = hccFlagsFor(
      [
        dx(
          diabetes,
          'E11.65',
          'So your diabetes is not controlled right now',
          'we start empagliflozin 10 milligrams daily',
        ),
        dx(
          diabetes,
          'E11.22',
          'I think the kidney disease is caused by the diabetes and the blood pressure together',
        ),
        dx(diabetes, 'I12.9', 'So the blood pressure is also above goal'),
        dx(
          diabetes,
          'N18.31',
          "So you have chronic kidney disease stage 3a, and it's slowly progressing",
          'Your eGFR',
        ),
        dx(diabetes, 'E78.5', "and you're there on the atorvastatin 20"),
      ],
      model,
      { inputText: diabetes },
    );
    expect(flags.map((f) => [f.hcc, f.diagnosisCodes, f.supersedes])).toEqual([
      ['HCC37', ['E11.22'], ['HCC38']],
      ['HCC329', ['N18.31'], []],
    ]);
    expect(flags[0]!.label).toBe('Diabetes with Chronic Complications');
    expect(flags[0]!.meat).toMatchObject({ met: true, elements: ['assess'] });
    // "Slowly progressing" is monitoring and the eGFR evaluation; naming the stage alone is no assessment.
    expect(flags[1]!.meat).toMatchObject({ met: true, elements: ['monitor', 'evaluate'] });
  });

  it('heart failure visit: acute on chronic supersedes hypertensive heart disease; atrial fibrillation flagged', () => {
    const flags = hccFlagsFor(
      [
        dx(
          heartFailure,
          'I50.23',
          "You have chronic systolic heart failure, and right now you're having a mild exacerbation",
          'take the furosemide 40 milligrams twice a day',
          'The pumping function, the ejection fraction, is 30 percent.',
        ),
        dx(
          heartFailure,
          'I11.0',
          "Your high blood pressure is part of why the heart muscle got weak, and today it's at goal.",
        ),
        dx(heartFailure, 'I48.19', 'Your atrial fibrillation is persistent, the rate is controlled'),
        dx(heartFailure, 'Z79.01', "you're well protected from stroke on the apixaban"),
      ],
      model,
      { inputText: heartFailure },
    );
    expect(flags.map((f) => [f.hcc, f.label, f.supersedes])).toEqual([
      ['HCC224', 'Acute on Chronic Heart Failure', ['HCC226']],
      ['HCC238', 'Specified Heart Arrhythmias', []],
    ]);
    expect(flags[0]!.meat).toMatchObject({ met: true, elements: ['monitor', 'evaluate', 'treat'] });
    expect(flags[0]!.meat.evidence).toHaveLength(3);
    // Read in its sentence, the AF span also carries "protected from stroke on the apixaban".
    expect(flags[1]!.meat).toMatchObject({ met: true, elements: ['assess', 'treat'] });
  });

  it('depression visit: recurrent moderate depression meets all four elements; anxiety does not risk-adjust', () => {
    const flags = hccFlagsFor(
      [
        dx(
          depression,
          'F33.1',
          'Your major depressive disorder, the recurrent depression, is in a moderate episode right now',
          'Your PHQ-9 is 14 today.',
          "I'd like to increase the sertraline to 150 milligrams daily.",
        ),
        dx(depression, 'F41.1', 'Your generalized anxiety disorder is worse too.'),
      ],
      model,
      { inputText: depression },
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      hcc: 'HCC155',
      label: 'Major Depression, Moderate or Severe, without Psychosis',
      diagnosisCodes: ['F33.1'],
      meat: { met: true, elements: ['monitor', 'evaluate', 'assess', 'treat'] },
    });
  });

  it('reads a one-word span in its sentence when given the transcript', () => {
    const word = quoteIn(diabetes, 'diabetes is not controlled');
    const bare: InputEvidence = { ...word, end: word.start + 'diabetes'.length, quote: 'diabetes' };
    expect(checkMeat([bare]).met).toBe(false);
    expect(checkMeat([bare], { inputText: diabetes })).toMatchObject({ met: true, elements: ['assess'] });
  });

  it('a diagnosis carried only by the chart and a prior note fails MEAT, however well that note was written', () => {
    const copiedForward: Evidence[] = [
      {
        kind: 'fhir',
        ref: 'Condition/walter-ckd3a',
        label: 'Chronic kidney disease, stage 3a (problem list)',
      },
      { kind: 'fhir', ref: 'DocumentReference/walter-d190', label: PRIOR_NOTE_D190 },
    ];
    const [flag] = hccFlagsFor([{ code: 'N18.31', evidence: copiedForward }], model, { inputText: diabetes });
    expect(flag).toMatchObject({ hcc: 'HCC329', meat: { met: false, elements: [], evidence: [] } });
  });
});
