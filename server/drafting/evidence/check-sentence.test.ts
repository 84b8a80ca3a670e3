import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../contract/note-draft.ts';
import { checkSentence } from './check-sentence.ts';
import { medicationLexicon } from './medication-lexicon.ts';

const lexicon = medicationLexicon(['Zorbexa 10 mg tablet']);
const said = (...quotes: string[]): Evidence[] =>
  quotes.map((quote) => ({ kind: 'input', start: 0, end: quote.length, quote, speaker: 'clinician' }));
const chart = (label: string): Evidence[] => [{ kind: 'fhir', ref: 'MedicationRequest/m1', label }];
const codes = (text: string, evidence: Evidence[]) =>
  checkSentence(text, evidence, lexicon).map((f) => f.code);
const details = (text: string, evidence: Evidence[]) =>
  checkSentence(text, evidence, lexicon).map((f) => f.detail);

describe('checkSentence', () => {
  it('flags a sentence without evidence as unsupported, and nothing else', () => {
    expect(checkSentence('Furosemide 40 mg daily.', [], lexicon)).toEqual([
      { code: 'unsupported', message: 'Nothing in the input or the chart supports this sentence.' },
    ]);
  });

  it('flags a dose the evidence gives differently', () => {
    expect(
      checkSentence('Furosemide 40 mg daily.', said('furosemide 20 milligrams every morning'), lexicon),
    ).toEqual([
      {
        code: 'unverified_detail',
        message: 'The dose 40 mg does not appear in the evidence.',
        detail: '40 mg',
      },
    ]);
  });

  it('accepts a dose the evidence speaks, spells or writes in another unit', () => {
    expect(codes('Furosemide 40 mg daily.', said('furosemide forty milligrams every morning'))).toEqual([]);
    expect(codes('Amoxicillin 1 g twice daily.', chart('Amoxicillin 1000 MG Oral Tablet'))).toEqual([]);
    expect(
      codes('Entresto 49/51 mg twice daily.', said('Entresto, 49 and 51 milligrams twice a day')),
    ).toEqual([]);
    expect(codes('Apixaban 2.5 mg.', said('apixaban two and a half milligrams'))).toEqual([]);
  });

  it('needs the dose’s unit in the same piece of evidence', () => {
    expect(details('Apixaban 5 mg twice daily.', said('apixaban 5 twice a day'))).toEqual(['5 mg']);
    expect(details('Apixaban 5 mg twice daily.', said('apixaban 5 twice a day, 5 g of salt'))).toEqual([
      '5 mg',
    ]);
    expect(
      codes('Spironolactone 25 mg daily.', said('metoprolol 50 milligrams, spironolactone 25 once a day')),
    ).toEqual([]);
    expect(
      details('Spironolactone 25 mg daily.', said('spironolactone 25 once a day', 'metoprolol 50 mg')),
    ).toEqual(['25 mg']);
    expect(codes('Two 200 mg tablets.', said('two of the 200-milligram tablets'))).toEqual([]);
    expect(details('Two 400 mg tablets.', said('two 200-milligram tablets'))).toEqual(['400 mg']);
    expect(details('eGFR 48 mL/min.', said('kidney function 48'))).toEqual([]);
  });

  it('verifies usually-unspoken units from the numbers alone', () => {
    expect(
      codes('BP 132/78 mmHg, HR 88 bpm.', said('Your blood pressure is 132 over 78, heart rate 88')),
    ).toEqual([]);
    expect(details('BP 132/80 mmHg.', said('132 over 78'))).toEqual(['132/80 mmHg']);
  });

  it('matches spoken numbers, thousands separators and ranges', () => {
    expect(codes('Symptoms for 5 weeks.', said('about five weeks now'))).toEqual([]);
    expect(codes('Symptoms for five weeks.', said('about 5 weeks now'))).toEqual([]);
    expect(codes('NT-proBNP 1,450.', said('the NT-proBNP was 1450'))).toEqual([]);
    expect(
      codes('Home glucose 150s to 180s.', said("I'm seeing a lot of one-fifties, sometimes one-eighty")),
    ).toEqual([]);
    expect(codes('Glucose readings of 150 and 180.', said('readings from 150 to 180'))).toEqual([]);
    expect(details('Glucose readings of 150 to 200.', said('readings from 150 to 180'))).toEqual([
      '150 to 200',
    ]);
    expect(details('Weight 74.2 kg, up 1.7 kg.', said('74.2 kilos this morning'))).toEqual(['1.7 kg']);
  });

  it('reads numbers across all the evidence, chart labels included', () => {
    expect(
      codes('Metformin 1000 mg twice daily since 2019.', [
        ...chart('Metformin 1000 mg tablet'),
        ...said('since 2019'),
      ]),
    ).toEqual([]);
    expect(details('Seen on 2024-03-15.', chart('Visit 2024-03-16'))).toEqual(['2024-03-15']);
  });

  it('flags a medication the evidence does not name, brand and generic alike', () => {
    expect(codes('Continue Eliquis.', said('keep taking the apixaban'))).toEqual([]);
    expect(codes('Continue metoprolol.', chart('Metoprolol succinate ER 50 mg'))).toEqual([]);
    expect(codes('Continue Zorbexa.', said('zorbexa as before'))).toEqual([]);
    expect(checkSentence('Continue rivaroxaban.', said('keep taking the apixaban'), lexicon)).toEqual([
      {
        code: 'unverified_detail',
        message: 'The medication rivaroxaban does not appear in the evidence.',
        detail: 'rivaroxaban',
      },
    ]);
  });

  it('flags the wrong side', () => {
    expect(checkSentence('Left ankle swelling.', said('my right ankle is swollen'), lexicon)).toEqual([
      {
        code: 'unverified_detail',
        message: 'The side "Left ankle" does not appear in the evidence.',
        detail: 'Left ankle',
      },
    ]);
    expect(codes('Bilateral ankle edema.', said('both ankles are puffy'))).toEqual([]);
    expect(codes('Edema of both legs.', said('the left leg and the right leg'))).toEqual([]);
    expect(codes('Right ear pain.', said('it hurts on the right'))).toEqual([]);
  });

  it('compares sides on the same body part', () => {
    expect(details('Left ankle swelling.', said('left ventricle enlarged; right ankle swollen'))).toEqual([
      'Left ankle',
    ]);
    expect(codes('Left ankle swelling.', said('the right ankle is fine, the left one is swollen'))).toEqual(
      [],
    );
    expect(codes('Right tympanic membrane normal.', said('Right ear looks great'))).toEqual([]);
    expect(codes('Left knee pain.', said('on the left'))).toEqual([]);
    expect(details('Left knee pain.', said('right ankle'))).toEqual(['Left knee']);
  });

  it('reports each missing detail once', () => {
    expect(details('40 mg then 40 mg, left knee and left knee.', said('20 mg, right knee'))).toEqual([
      '40 mg',
      'left knee',
    ]);
  });

  it('flags a sentence that drops the hedge of its evidence', () => {
    expect(
      checkSentence('Right ankle sprain.', said('on the right, this is probably an ankle sprain'), lexicon),
    ).toEqual([
      {
        code: 'uncertain',
        message: 'The evidence says "probably"; the sentence states it as certain.',
        detail: 'probably',
      },
    ]);
    expect(codes('Pneumonia.', said('we need to rule out pneumonia'))).toEqual(['uncertain']);
    expect(codes('Hashimoto thyroiditis.', said('the most likely cause is Hashimoto thyroiditis'))).toEqual([
      'uncertain',
    ]);
    expect(codes('Stable angina.', said('stable angina versus reflux'))).toEqual(['uncertain']);
    expect(codes('Fracture of the ankle.', said('R/O fracture'))).toEqual(['uncertain']);
    expect(codes('Sprain.', said('sprain, probably'))).toEqual(['uncertain']);
    expect(codes('Knee X-rays today.', said('a full exam and probably knee X-rays'))).toEqual(['uncertain']);
  });

  it('keeps a hedged sentence, and ignores hedges about something else', () => {
    expect(codes('Probable ankle sprain.', said('this is probably an ankle sprain'))).toEqual([]);
    expect(codes('Ankle X-ray to rule out fracture.', said('an X-ray to rule out a fracture'))).toEqual([]);
    expect(codes('Pneumonia unlikely.', said("it's probably not pneumonia"))).toEqual([]);
    expect(codes('Chronic knee pain.', said('a full exam and probably knee X-rays'))).toEqual([]);
    expect(
      codes('Fever for five days.', said("it's probably not pneumonia, but you've had fever for five days")),
    ).toEqual([]);
    expect(codes('Antibiotic if the X-ray shows pneumonia.', said('probably not pneumonia'))).toEqual([]);
    expect(
      codes('Ankle swelling for ten days.', said('ankle swelling for ten days. I think I paid for it')),
    ).toEqual([]);
    expect(codes('Stable angina, not confirmed.', said('possible stable angina'))).toEqual([]);
    expect(codes('Unlikely to be cardiac.', said('chest pain is unlikely cardiac'))).toEqual([]);
  });
});
