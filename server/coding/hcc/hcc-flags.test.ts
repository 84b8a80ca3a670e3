import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../contract/note-draft.ts';
import { hccFlagsFor, type HccDiagnosis } from './hcc-flags.ts';
import { HCC_MODEL_V28, hccModelData } from './hcc-model.ts';

/** A small model in the V28 shape: diabetes 36 > 37 > 38, heart failure 224 > 226, and E11.52 in two families. */
const model = hccModelData({
  model: HCC_MODEL_V28,
  paymentYear: 2026,
  map: [
    { code: 'E11.9', cc: 38 },
    { code: 'E11.65', cc: 38 },
    { code: 'E11.22', cc: 37 },
    { code: 'E11.52', cc: 37 },
    { code: 'E11.52', cc: 263 },
    { code: 'E11.00', cc: 36 },
    { code: 'I50.23', cc: 224 },
    { code: 'I11.0', cc: 226 },
    { code: 'I48.19', cc: 238 },
  ],
  labels: [
    { cc: 36, label: 'Diabetes with Severe Acute Complications' },
    { cc: 37, label: 'Diabetes with Chronic Complications' },
    { cc: 38, label: 'Diabetes with Glycemic, Unspecified, or No Complications' },
    { cc: 224, label: 'Acute on Chronic Heart Failure' },
    { cc: 226, label: 'Heart Failure, Except End-Stage and Acute' },
  ],
  hierarchies: [
    { parent: 36, child: 37 },
    { parent: 36, child: 38 },
    { parent: 37, child: 38 },
    { parent: 224, child: 226 },
    { parent: 263, child: 264 },
  ],
});

let offset = 0;
/** Visit text evidence (its quote is read alone: no inputText is given). */
const said = (quote: string): Evidence => {
  offset += 100;
  return { kind: 'input', start: offset, end: offset + quote.length, quote };
};
const chart = (ref: string): Evidence => ({ kind: 'fhir', ref, label: 'Problem list: stable, on treatment' });
const dx = (code: string, ...evidence: Evidence[]): HccDiagnosis => ({ code, evidence });

describe('hccFlagsFor', () => {
  it('maps, labels and orders flags by their first diagnosis, skipping codes the model does not map', () => {
    const flags = hccFlagsFor(
      [
        dx('I10', said('Blood pressure at goal.')),
        dx('I48.19', said('Continue apixaban.')),
        dx('e119', said('A1c 7.1.')),
      ],
      model,
    );
    expect(flags).toEqual([
      {
        hcc: 'HCC238',
        label: 'HCC238',
        model: 'CMS-HCC Model V28',
        diagnosisCodes: ['I48.19'],
        supersedes: [],
        meat: {
          met: true,
          elements: ['treat'],
          evidence: [expect.objectContaining({ quote: 'Continue apixaban.' })],
        },
      },
      expect.objectContaining({
        hcc: 'HCC38',
        label: 'Diabetes with Glycemic, Unspecified, or No Complications',
        diagnosisCodes: ['E11.9'],
      }),
    ]);
    expect(flags[1]!.meat.elements).toEqual(['evaluate']);
  });

  it('drops the less severe category of a family and lists it in supersedes (the diabetes visit)', () => {
    const flags = hccFlagsFor(
      [
        dx('E11.65', said('Diabetes with high sugars, A1c 8.6.')),
        dx('E11.22', said('Chronic kidney disease stage 3a from diabetes; urine albumin today.')),
      ],
      model,
    );
    expect(flags.map((f) => [f.hcc, f.diagnosisCodes, f.supersedes])).toEqual([
      ['HCC37', ['E11.22'], ['HCC38']],
    ]);
  });

  it('lists every category a parent drops, in number order, and applies the whole family at once', () => {
    const flags = hccFlagsFor(
      [dx('E11.9', said('Stable.')), dx('E11.22', said('Stable.')), dx('E11.00', said('Stable.'))],
      model,
    );
    expect(flags.map((f) => [f.hcc, f.supersedes])).toEqual([['HCC36', ['HCC37', 'HCC38']]]);
  });

  it('flags every category of a code that maps to two, and keeps unrelated families apart', () => {
    const flags = hccFlagsFor(
      [dx('E11.52', said('Foot ulcer examined.')), dx('I11.0', said('Weight stable.'))],
      model,
    );
    expect(flags.map((f) => f.hcc)).toEqual(['HCC37', 'HCC263', 'HCC226']);
    expect(flags.every((f) => f.supersedes.length === 0)).toBe(true);
  });

  it('merges the diagnoses of one category, their MEAT elements and evidence without repeats', () => {
    const shared = said('Diabetes, not at goal.');
    const flags = hccFlagsFor(
      [
        dx('E11.9', shared, chart('Condition/1')),
        dx('E11.65', shared, said('Increase metformin.')),
        dx('E11.9'),
      ],
      model,
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ diagnosisCodes: ['E11.9', 'E11.65'] });
    expect(flags[0]!.meat.elements).toEqual(['assess', 'treat']);
    expect(flags[0]!.meat.evidence.map((e) => e.kind === 'input' && e.quote)).toEqual([
      'Diabetes, not at goal.',
      'Increase metformin.',
    ]);
  });

  it('fails MEAT for a category documented only from the chart', () => {
    const [flag] = hccFlagsFor([dx('I50.23', chart('Condition/hf'))], model);
    expect(flag).toMatchObject({ hcc: 'HCC224', meat: { met: false, elements: [], evidence: [] } });
  });

  it('never lets an unsupported parent hide a supported child (the copied-forward trap)', () => {
    const flags = hccFlagsFor(
      [
        dx('I50.23', chart('Condition/old-exacerbation')),
        dx('I11.0', said('Ankles puffy; furosemide increased.')),
      ],
      model,
    );
    expect(flags.map((f) => [f.hcc, f.meat.met, f.supersedes])).toEqual([
      ['HCC224', false, []],
      ['HCC226', true, []],
    ]);
  });

  it('still drops an unsupported child under a supported parent, and under an unsupported one', () => {
    const supported = hccFlagsFor(
      [dx('I50.23', said('Weight up, edema.')), dx('I11.0', chart('Condition/x'))],
      model,
    );
    expect(supported.map((f) => [f.hcc, f.supersedes])).toEqual([['HCC224', ['HCC226']]]);
    const neither = hccFlagsFor(
      [dx('I50.23', chart('Condition/y')), dx('I11.0', chart('Condition/x'))],
      model,
    );
    expect(neither.map((f) => [f.hcc, f.meat.met, f.supersedes])).toEqual([['HCC224', false, ['HCC226']]]);
  });

  it('answers no flags for no mapped diagnoses', () => {
    expect(hccFlagsFor([], model)).toEqual([]);
    expect(hccFlagsFor([dx('F32.A', said('Mood better.'))], model)).toEqual([]);
  });
});
