/**
 * The Admin step: shown, beside whatever else the user's roles give, to users with the admin role.
 *
 * @module
 */
import type { AppRole } from '../../../server/contract/launch-session.ts';
import type { StepTab } from '../StepTabs.tsx';

export const ADMIN_STEP: StepTab = { id: 'admin', label: 'Admin', key: '6' };

/** The given steps, with Admin last for an admin. */
export function withAdminStep(roles: readonly AppRole[] | undefined, steps: readonly StepTab[]): StepTab[] {
  return roles?.includes('admin') ? [...steps, ADMIN_STEP] : [...steps];
}
