/**
 * The labelled set the confidence model is fitted on: every condition the engine assessed in a
 * visit, coded or withheld, labelled 1 when a certified coder's answer for that visit reports its
 * code. Withheld conditions matter as much as suggestions: they teach the model what a
 * rightly-left-out mention looks like.
 *
 * @module
 */
import type { DiagnosisResult } from '../diagnoses/suggest-diagnoses.ts';
import { featureVector } from './confidence-features.ts';
import { fitLogistic, predict, type FitOptions } from './logistic-regression.ts';

export interface LabelledItem {
  /** The visit it came from, for leave-one-visit-out evaluation. */
  readonly group: string;
  readonly code: string;
  readonly coded: boolean;
  readonly x: readonly number[];
  readonly y: number;
}

export function labelledItems(
  group: string,
  result: DiagnosisResult,
  goldCodes: readonly string[],
): LabelledItem[] {
  const gold = new Set(goldCodes);
  return [
    ...result.candidates.map((c) => ({
      group,
      code: c.code,
      coded: true,
      x: featureVector(c.features, true),
      y: gold.has(c.code) ? 1 : 0,
    })),
    ...result.notCoded
      .filter((w) => w.code !== undefined)
      .map((w) => ({
        group,
        code: w.code!,
        coded: false,
        x: featureVector(w.features, false),
        y: gold.has(w.code!) ? 1 : 0,
      })),
  ];
}

export function fitOn(items: readonly LabelledItem[], options?: FitOptions): number[] {
  return fitLogistic(
    items.map((i) => i.x),
    items.map((i) => i.y),
    options,
  );
}

/** Each item's probability from a model fitted without its visit: an honest calibration check. */
export function leaveOneVisitOut(items: readonly LabelledItem[], options?: FitOptions): number[] {
  const groups = [...new Set(items.map((i) => i.group))];
  const out = new Array<number>(items.length).fill(0);
  for (const group of groups) {
    const weights = fitOn(
      items.filter((i) => i.group !== group),
      options,
    );
    items.forEach((item, k) => {
      if (item.group === group) out[k] = predict(weights, item.x);
    });
  }
  return out;
}
