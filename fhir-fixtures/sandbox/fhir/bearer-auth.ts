/**
 * Bearer-token check for the FHIR API (RFC 6750): the token must be one the sandbox's
 * authorization server issued and has not expired or revoked. The grant behind it is kept on
 * `res.locals.grant` for the access policy. Failures are 401 with `WWW-Authenticate: Bearer`.
 *
 * @module
 */
import type { RequestHandler, Response } from 'express';
import type { AccessGrant } from '../grants.ts';
import type { SandboxState } from '../state.ts';
import { sendOutcome, unauthorizedOutcome } from './outcomes.ts';

const REALM = 'sandbox-ehr';

export function requireBearerToken(state: SandboxState): RequestHandler {
  return (req, res, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match?.[1]) {
      res.setHeader('WWW-Authenticate', `Bearer realm="${REALM}"`);
      sendOutcome(res, unauthorizedOutcome('An access token is required (Authorization: Bearer …)'));
      return;
    }
    const grant = state.grants.verifyAccessToken(match[1]);
    if (!grant) {
      res.setHeader(
        'WWW-Authenticate',
        `Bearer realm="${REALM}", error="invalid_token", error_description="The access token is unknown, revoked or expired"`,
      );
      sendOutcome(res, unauthorizedOutcome('The access token is unknown, revoked or expired'));
      return;
    }
    res.locals.grant = grant;
    next();
  };
}

/** The grant `requireBearerToken` attached; only call after it. */
export function grantOf(res: Response): AccessGrant {
  return res.locals.grant as AccessGrant;
}
