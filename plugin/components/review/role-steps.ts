/**
 * Which steps the shell shows for the signed-in user's app roles: clinicians get the charting
 * steps, billing staff the review queue, a user with both roles both. Until the session answers,
 * the clinician's steps (the role every user has by default).
 *
 * @module
 */
import type { AppRole } from '../../../server/contract/launch-session.ts';
import type { StepTab } from '../StepTabs.tsx';

export const REVIEW_STEP: StepTab = { id: 'review', label: 'Review queue', key: '5' };

export function stepsFor(
  roles: readonly AppRole[] | undefined,
  clinicianSteps: readonly StepTab[],
): StepTab[] {
  const given = roles ?? ['clinician'];
  const steps = [
    ...(given.includes('clinician') ? clinicianSteps : []),
    ...(given.includes('billing') ? [REVIEW_STEP] : []),
  ];
  // An admin-only user has nothing here yet; the clinician's steps still work from the chart.
  return steps.length > 0 ? steps : [...clinicianSteps];
}
