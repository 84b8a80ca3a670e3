import { describe, expect, it } from 'vitest';
import type { StepTab } from '../StepTabs.tsx';
import { REVIEW_STEP, stepsFor } from './role-steps.ts';

const CLINICIAN: readonly StepTab[] = [
  { id: 'context', label: 'Context', key: '1' },
  { id: 'draft', label: 'Draft', key: '2' },
];

describe('stepsFor', () => {
  it('gives clinicians their steps, billing staff the queue, and both to a user with both roles', () => {
    expect(stepsFor(['clinician'], CLINICIAN).map((s) => s.id)).toEqual(['context', 'draft']);
    expect(stepsFor(['billing'], CLINICIAN)).toEqual([REVIEW_STEP]);
    expect(stepsFor(['clinician', 'billing'], CLINICIAN).map((s) => s.id)).toEqual([
      'context',
      'draft',
      'review',
    ]);
  });

  it('shows the clinician’s steps before the session answers, and to an admin-only user', () => {
    expect(stepsFor(undefined, CLINICIAN).map((s) => s.id)).toEqual(['context', 'draft']);
    expect(stepsFor(['admin'], CLINICIAN).map((s) => s.id)).toEqual(['context', 'draft']);
  });
});
