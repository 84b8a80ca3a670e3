/**
 * What an administrator may send to give a user app roles (admin API and `npm run roles`): the
 * user's FHIR reference at the EHR (relative, or absolute as the EHR's id_token spells it), at
 * least one role, and optionally the name their decisions carry. Problems name the field.
 *
 * @module
 */
import { z } from 'zod';
import type { AppRole } from '../contract/launch-session.ts';
import { AppError } from '../errors/app-error.ts';
import { describeProblems } from '../registry/ehr-registration-input.ts';
import { APP_ROLES, type UserRolesToSave } from './user-role-store.ts';
import { userKey } from './user-key.ts';

const ROLE_LIST = APP_ROLES.join(', ');

export const fhirUserInput = z
  .string({ error: 'must be the user’s FHIR reference, e.g. Practitioner/123' })
  .trim()
  .min(1, 'must not be empty')
  .max(300, 'must be at most 300 characters')
  .refine(
    (value) =>
      /^(?:Practitioner|PractitionerRole|Patient|RelatedPerson|Person)\/[A-Za-z0-9\-.]{1,64}$/.test(
        userKey(value),
      ),
    'must be the user’s FHIR reference, e.g. Practitioner/123 or its absolute URL',
  )
  .transform(userKey);

export const userRolesInput = z.strictObject({
  fhirUser: fhirUserInput,
  roles: z
    .array(z.enum(APP_ROLES as [AppRole, ...AppRole[]], { error: `must each be one of ${ROLE_LIST}` }), {
      error: `must be a list of roles (${ROLE_LIST})`,
    })
    .min(1, `needs at least one role (${ROLE_LIST})`),
  displayName: z.string().trim().max(120, 'must be at most 120 characters').optional(),
});

/** Validates a role assignment; AppError `bad_request` listing every field problem. */
export function parseUserRolesInput(raw: unknown): UserRolesToSave {
  const parsed = userRolesInput.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('bad_request', `The role assignment is not valid: ${describeProblems(parsed.error)}.`);
  }
  const { displayName, ...rest } = parsed.data;
  return { ...rest, ...(displayName === undefined ? {} : { displayName }) };
}
