/**
 * The numbers the confidence model reads for one assessed condition, coded or withheld: whether
 * the rules coded it, how often the clinician affirmed it, whether the chart's problem list has
 * it, whether a detail is missing, and whether it is a status code (family history, tobacco,
 * long-term drugs, counselling) rather than a condition.
 *
 * @module
 */
import type { CandidateFeatures } from '../diagnoses/suggest-diagnoses.ts';

export const FEATURE_NAMES = [
  'bias',
  'coded',
  'clinician_mentions',
  'on_problem_list',
  'missing_detail',
  'status_code',
] as const;

export function featureVector(features: CandidateFeatures, coded: boolean): number[] {
  const status = features.kind !== 'diagnosis' && features.kind !== 'symptom';
  return [
    1,
    coded ? 1 : 0,
    Math.log1p(features.clinicianMentions),
    features.onProblemList ? 1 : 0,
    features.missingDetail ? 1 : 0,
    status ? 1 : 0,
  ];
}
