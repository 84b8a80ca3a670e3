/**
 * What an administrator may send to create or change an EHR registration (admin API and CLI),
 * validated and normalised once here: issuer and origins by the URL rules, scopes by the SMART
 * scope grammar, and a client secret exactly when the EHR authenticates us with one. Problems
 * name the field, never its value (the secret above all).
 *
 * @module
 */
import { z } from 'zod';
import { parseResourceScope } from '../../launch/scopes.ts';
import { AppError } from '../errors/app-error.ts';
import { AUTH_METHODS, EHR_VENDORS, type AuthMethod } from './ehr-registration.ts';
import { bareOrigin, isAbsoluteHttpUrl, isAllowedScheme, normaliseIssuer } from './registration-urls.ts';

/** Scopes other than resource scopes that RevenuePilot may ask an EHR for. */
export const CONTEXT_SCOPES: ReadonlySet<string> = new Set([
  'launch',
  'launch/patient',
  'launch/encounter',
  'openid',
  'fhirUser',
  'profile',
  'offline_access',
  'online_access',
]);

const MAX_FRAME_ORIGINS = 20;
const SCHEME_RULE = 'must use https (plain http only for localhost or 127.0.0.1)';

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const URL_RULE = 'must be an absolute http(s) URL with no query, fragment or credentials';
// One message per value: the scheme rule applies only to values that are URLs at all. (No
// `abort`: an aborting issue would skip the cross-field check and hide its problem.)
const allowedSchemeIfUrl = (value: string) => !isAbsoluteHttpUrl(value) || isAllowedScheme(value);

const issuer = z
  .string()
  .trim()
  .refine(isAbsoluteHttpUrl, URL_RULE)
  .refine(allowedSchemeIfUrl, SCHEME_RULE)
  .transform((value) => normaliseIssuer(value) ?? value);

const idTokenIssuer = z
  .string()
  .trim()
  .refine(isAbsoluteHttpUrl, URL_RULE)
  .refine(allowedSchemeIfUrl, SCHEME_RULE);

const frameOrigin = z
  .string()
  .trim()
  .refine(
    (value) => bareOrigin(value) !== undefined,
    'must be a bare origin like https://ehr.example.org (no path)',
  )
  .refine((value) => bareOrigin(value) === undefined || isAllowedScheme(value), SCHEME_RULE)
  .transform((value) => bareOrigin(value) ?? value);

const frameOrigins = z
  .array(frameOrigin)
  .min(1, 'needs at least one origin (where the EHR shows the app)')
  .max(MAX_FRAME_ORIGINS, `must list at most ${MAX_FRAME_ORIGINS} origins`)
  .transform((origins) => [...new Set(origins)]);

const scopes = z
  .string()
  .max(4000, 'must be at most 4000 characters')
  .transform((value, ctx) => {
    const list = [...new Set(value.split(/\s+/).filter(Boolean))];
    if (list.length === 0) ctx.addIssue({ code: 'custom', message: 'must list at least one scope' });
    for (const scope of list) {
      if (!CONTEXT_SCOPES.has(scope) && !parseResourceScope(scope)) {
        ctx.addIssue({
          code: 'custom',
          message: `${JSON.stringify(scope)} is not a SMART scope RevenuePilot can use`,
        });
      }
    }
    return list.join(' ');
  });

const fields = {
  name: text(200),
  issuer,
  clientId: text(255),
  authMethod: z.enum(AUTH_METHODS),
  vendor: z.enum(EHR_VENDORS),
  frameOrigins,
  scopes,
  idTokenIssuer: idTokenIssuer.nullable().optional(),
  // Never echoed: only its length is judged.
  clientSecret: z
    .string()
    .min(1, 'must not be empty')
    .max(4096, 'must be at most 4096 characters')
    .optional(),
};

/** Creating a registration: everything but `idTokenIssuer` is required; `clientSecret` iff client_secret_basic. */
export const ehrRegistrationInput = z.strictObject(fields).superRefine(
  (input, ctx) => {
    // Also runs when other fields failed, so one answer lists every problem.
    const { authMethod, clientSecret } = input as { authMethod?: unknown; clientSecret?: unknown };
    if (!AUTH_METHODS.includes(authMethod as AuthMethod)) return;
    const wantsSecret = authMethod === 'client_secret_basic';
    if (wantsSecret && clientSecret === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['clientSecret'],
        message: 'is required when authMethod is client_secret_basic',
      });
    }
    if (!wantsSecret && clientSecret !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['clientSecret'],
        message: 'is only for authMethod client_secret_basic',
      });
    }
  },
  { when: ({ value }) => typeof value === 'object' && value !== null },
);

/**
 * Changing a registration: any subset of the fields; `idTokenIssuer: null` clears it. Whether a
 * secret is required depends on what is stored, so the registry checks that rule on update.
 */
export const ehrRegistrationPatch = z.strictObject(fields).partial();

export type EhrRegistrationInput = z.input<typeof ehrRegistrationInput>;
export type NewEhrRegistration = z.output<typeof ehrRegistrationInput>;
export type EhrRegistrationPatch = z.input<typeof ehrRegistrationPatch>;
export type EhrRegistrationChanges = z.output<typeof ehrRegistrationPatch>;

/**
 * Every problem, field first: `issuer: must use https …; frameOrigins.0: …`. `label` renames
 * fields (the CLI shows its flag names).
 */
export function describeProblems(error: z.ZodError, label: (field: string) => string = (f) => f): string {
  return error.issues
    .map((issue) => {
      const [field, ...rest] = issue.path.map(String);
      return field === undefined ? issue.message : `${[label(field), ...rest].join('.')}: ${issue.message}`;
    })
    .join('; ');
}

function invalid(error: z.ZodError): AppError {
  // The zod error stays out of `cause`: its issues may carry the input.
  return new AppError('bad_request', `The EHR registration is not valid: ${describeProblems(error)}.`);
}

/** Validates a new registration; AppError `bad_request` listing every field problem. */
export function parseEhrRegistrationInput(raw: unknown): NewEhrRegistration {
  const parsed = ehrRegistrationInput.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

/** Validates a change to a registration; AppError `bad_request` listing every field problem. */
export function parseEhrRegistrationPatch(raw: unknown): EhrRegistrationChanges {
  const parsed = ehrRegistrationPatch.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}
