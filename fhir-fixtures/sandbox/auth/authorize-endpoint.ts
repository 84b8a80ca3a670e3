/**
 * `/auth/authorize` (GET and form POST) and the patient picker's form target. An EHR launch
 * completes at once (no consent screen, as in Epic and Oracle Health); a standalone launch that
 * asks for `launch/patient` shows the picker first; any other request signs in the default user.
 *
 * @module
 */
import type { Request, RequestHandler, Response } from 'express';
import type { Patient, Practitioner } from '@medplum/fhirtypes';
import type { LaunchContext } from '../grants.ts';
import type { AuthContext } from './auth-context.ts';
import { validateAuthorizeRequest, type AuthorizeRequest } from './authorize-request.ts';
import { paramsSchema, readParams } from './form-params.ts';
import { sendErrorPage, sendHtml } from './html-pages.ts';
import { OAuthError } from './oauth-error.ts';
import { listPatients, renderPatientPicker } from './patient-picker.ts';

/** Relative to the authorize endpoint, so it works wherever the router is mounted. */
const PICKER_ACTION = 'authorize/patient';

export function authorizeHandler(ctx: AuthContext): RequestHandler {
  return async (req, res) => {
    const source: unknown = req.method === 'POST' ? req.body : req.query;
    const validation = validateAuthorizeRequest(ctx.state, source);
    if (validation.kind === 'page') return sendErrorPage(res, 400, validation.description);
    if (validation.kind === 'redirect') {
      return redirectBack(
        req,
        res,
        validation.redirectUri,
        errorParams(ctx, validation.error, validation.state),
      );
    }
    const { request } = validation;
    if (request.launch) return completeAuthorization(ctx, req, res, request, request.launch);

    const user = await standaloneUser(ctx);
    if (!user) {
      const error = new OAuthError('server_error', 'The sandbox has no user to sign in as.');
      return redirectBack(req, res, request.redirectUri, errorParams(ctx, error, request.state));
    }
    if (!request.scope.split(' ').includes('launch/patient')) {
      return completeAuthorization(ctx, req, res, request, { fhirUser: user, needPatientBanner: false });
    }
    const transaction = ctx.pending.add(request);
    const patients = await listPatients(ctx.state.repo);
    const html = renderPatientPicker({
      appName: request.app.name,
      transaction,
      action: PICKER_ACTION,
      patients,
    });
    return sendHtml(res, 200, html);
  };
}

const pickerSchema = paramsSchema(['transaction', 'patient', 'decision'] as const);

/** `POST /auth/authorize/patient`: the picker's choice completes the pending authorization. */
export function patientSelectionHandler(ctx: AuthContext): RequestHandler {
  return async (req, res) => {
    const read = readParams(pickerSchema, req.body);
    const params = read.ok ? read.params : {};
    const request = params.transaction === undefined ? undefined : ctx.pending.take(params.transaction);
    if (!request) {
      return sendErrorPage(
        res,
        400,
        'This sign-in has expired or was already completed. Start again from the app.',
      );
    }
    if (params.decision === 'deny') {
      const error = new OAuthError('access_denied', 'The user cancelled the sign-in.');
      return redirectBack(req, res, request.redirectUri, errorParams(ctx, error, request.state));
    }
    const patient = params.patient === undefined ? undefined : await findPatient(ctx, params.patient);
    const user = await standaloneUser(ctx);
    if (!patient || !user) {
      const error = new OAuthError('invalid_request', 'No valid patient was selected.');
      return redirectBack(req, res, request.redirectUri, errorParams(ctx, error, request.state));
    }
    return completeAuthorization(ctx, req, res, request, {
      patient,
      fhirUser: user,
      needPatientBanner: true,
    });
  };
}

function completeAuthorization(
  ctx: AuthContext,
  req: Request,
  res: Response,
  request: AuthorizeRequest,
  context: LaunchContext,
): void {
  const code = ctx.codes.issue({
    clientId: request.app.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    scope: request.scope,
    context,
    ...(request.nonce === undefined ? {} : { nonce: request.nonce }),
  });
  redirectBack(req, res, request.redirectUri, { code, state: request.state, iss: ctx.state.authBaseUrl });
}

/** RFC 6749 §4.1.2.1 error parameters, with `iss` as RFC 9207 asks of error responses too. */
function errorParams(
  ctx: AuthContext,
  error: OAuthError,
  state: string | undefined,
): Record<string, string | undefined> {
  return { error: error.code, error_description: error.description, state, iss: ctx.state.authBaseUrl };
}

/** Redirects to an already verified redirect URI; 303 after a POST so the browser switches to GET. */
function redirectBack(
  req: Request,
  res: Response,
  redirectUri: string,
  params: Record<string, string | undefined>,
): void {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(name, value);
  res.set('Cache-Control', 'no-store').redirect(req.method === 'POST' ? 303 : 302, url.href);
}

/** The configured standalone user, else the repository's first Practitioner. */
async function standaloneUser(ctx: AuthContext): Promise<string | undefined> {
  if (ctx.options.standaloneUser) return ctx.options.standaloneUser;
  const first = await ctx.state.repo.searchOne<Practitioner>({ resourceType: 'Practitioner', count: 1 });
  return first ? `Practitioner/${first.id}` : undefined;
}

async function findPatient(ctx: AuthContext, id: string): Promise<string | undefined> {
  try {
    const patient = await ctx.state.repo.readResource<Patient>('Patient', id);
    return patient.id;
  } catch {
    return undefined; // not found: the form was tampered with or the patient was removed
  }
}
