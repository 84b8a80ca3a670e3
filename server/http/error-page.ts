/**
 * The error page a person sees inside the EHR's frame when a launch cannot go on (an unknown
 * EHR, an expired sign-in, a refused authorization): what happened, what to do, and the request
 * id to quote to IT. Styled by /launch/launch.css; no script, no PHI.
 *
 * @module
 */
import type { Response } from 'express';
import { html, launchDocument } from './html.ts';

export const WANTS_ERROR_PAGE = 'wantsErrorPage';

/** Marks a response so the error middleware answers with a page rather than JSON. */
export function answerErrorsWithPage(res: Response): void {
  res.locals[WANTS_ERROR_PAGE] = true;
}

export function wantsErrorPage(res: Response): boolean {
  return res.locals[WANTS_ERROR_PAGE] === true;
}

const TITLES: Readonly<Record<string, string>> = {
  ehr_not_registered: 'This EHR is not registered',
  ehr_unavailable: 'The EHR did not answer',
  launch_invalid: 'This sign-in has expired',
  launch_not_bound: 'This sign-in belongs to another browser',
  launch_params_missing: 'Open RevenuePilot from the EHR',
  authorization_denied: 'The EHR did not let RevenuePilot sign in',
};

export function renderErrorPage(body: { error: string; message: string; requestId: string }): string {
  const title = TITLES[body.error] ?? 'RevenuePilot could not open';
  return launchDocument(
    title,
    html`<main class="launch-message" role="alert" data-testid="launch-error" data-error="${body.error}">
      <h1>${title}</h1>
      <p>${body.message}</p>
      <p class="request-id">Request id: <code>${body.requestId}</code></p>
    </main>`,
  );
}
