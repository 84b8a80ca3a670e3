import { describe, expect, it } from 'vitest';
import { patientFixtures } from '../../../fhir-fixtures/patients/index.ts';
import { fixtureCase } from '../../drafting/eval/fixture-cases.ts';
import { seedLookup } from '../diagnoses/diagnoses.test-support.ts';
import { suggestDiagnoses } from '../diagnoses/suggest-diagnoses.ts';
import { codingDocument } from '../document/coding-document.ts';
import { calibrationReport } from './calibration-report.ts';
import { CONFIDENCE_FIT, CONFIDENCE_WEIGHTS } from './confidence-model.ts';
import { fitOn, labelledItems, leaveOneVisitOut, type LabelledItem } from './labelled-set.ts';
import { fitLogistic, predict } from './logistic-regression.ts';

describe('calibrationReport', () => {
  it('is zero when confidence equals accuracy in every bin, and weighs bins by size', () => {
    expect(calibrationReport([0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0]).ece).toBeCloseTo(0);
    // One bin: mean 0.9, accuracy 0.5 → 0.4.
    expect(calibrationReport([0.9, 0.9], [1, 0]).ece).toBeCloseTo(0.4);
    const report = calibrationReport([0.05, 0.95, 1], [0, 1, 1]);
    expect(report.bins[0]).toMatchObject({ count: 1, accuracy: 0 });
    expect(report.bins[9]).toMatchObject({ count: 2, accuracy: 1 });
  });
});

describe('fitLogistic', () => {
  it('learns the direction of a feature and is deterministic', () => {
    const xs = [
      [1, 0],
      [1, 0],
      [1, 1],
      [1, 1],
      [1, 1],
      [1, 0],
    ];
    const ys = [0, 0, 1, 1, 0, 1];
    const w = fitLogistic(xs, ys);
    expect(predict(w, [1, 1])).toBeGreaterThan(predict(w, [1, 0]));
    expect(fitLogistic(xs, ys)).toEqual(w);
  });
});

describe('the shipped confidence model', async () => {
  const items: LabelledItem[] = [];
  for (const fixture of patientFixtures) {
    const visit = await fixtureCase(fixture, new Date('2026-11-25T15:00:00Z'));
    const result = suggestDiagnoses(
      codingDocument({ input: visit.input, context: visit.context }),
      seedLookup,
    );
    items.push(
      ...labelledItems(
        fixture.key,
        result,
        fixture.visit.gold.diagnoses.map((d) => d.code),
      ),
    );
  }

  it('is what a fresh fit on the labelled fixtures gives (refit with npm run eval:codes)', () => {
    const fresh = fitOn(items, CONFIDENCE_FIT).map((w) => Number(w.toFixed(4)));
    expect(fresh).toEqual([...CONFIDENCE_WEIGHTS]);
  });

  it('has an expected calibration error of at most 0.1, leaving each visit out of its own fit', () => {
    const report = calibrationReport(
      leaveOneVisitOut(items, CONFIDENCE_FIT),
      items.map((i) => i.y),
    );
    expect(report.items).toBeGreaterThan(20);
    expect(report.ece).toBeLessThanOrEqual(0.1);
  });
});
