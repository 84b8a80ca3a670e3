/**
 * The shipped confidence model: logistic-regression weights over `FEATURE_NAMES`, fitted on our
 * labelled fixture visits (`npm run eval:codes` refits and reports them; a test fails if these
 * drift from a fresh fit). A suggestion's confidence is the probability that a certified coder
 * reports its code for the visit.
 *
 * @module
 */
import type { CandidateFeatures } from '../diagnoses/suggest-diagnoses.ts';
import { featureVector } from './confidence-features.ts';
import { predict, type FitOptions } from './logistic-regression.ts';

/** How the shipped weights were fitted; the L2 penalty was chosen by leave-one-visit-out ECE. */
export const CONFIDENCE_FIT: Required<FitOptions> = { iterations: 8000, learningRate: 0.5, l2: 0.005 };

/** bias, coded, clinician_mentions, on_problem_list, missing_detail, status_code. */
export const CONFIDENCE_WEIGHTS: readonly number[] = [-3.0681, 4.6378, 1.2044, 0.9669, -0.4325, 1.0736];

/** Probability, rounded to two places (more would claim precision a few dozen labels cannot give). */
export function diagnosisConfidence(features: CandidateFeatures, coded: boolean): number {
  return Math.round(predict(CONFIDENCE_WEIGHTS, featureVector(features, coded)) * 100) / 100;
}
