/**
 * The OperationOutcomes this server answers with, and the one function that writes them.
 * Statuses follow `@medplum/core`'s `getStatus` (the outcome's `id` picks the status), so an
 * outcome thrown deep in the repository comes out of the router with the right HTTP code.
 *
 * @module
 */
import { getStatus, OperationOutcomeError } from '@medplum/core';
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { Response } from 'express';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

function outcome(
  id: string | undefined,
  code: OperationOutcomeIssue['code'],
  text: string,
): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    ...(id ? { id } : {}),
    issue: [{ severity: 'error', code, details: { text } }],
  };
}

/** 403: the token is valid but its scopes or patient compartment do not cover the request. */
export function forbiddenOutcome(text: string): OperationOutcome {
  return outcome('forbidden', 'forbidden', text);
}

/** 401: no token, or one the authorization server does not (or no longer) vouch for. */
export function unauthorizedOutcome(text: string): OperationOutcome {
  return outcome('unauthorized', 'login', text);
}

/** 422: the resource parsed but breaks the R4 structure rules. Keeps the validator's issues. */
export function unprocessableOutcome(issues: OperationOutcomeIssue[]): OperationOutcome {
  return { resourceType: 'OperationOutcome', id: 'business-rule', issue: issues };
}

/** 400 with a message (bad search parameter, unsupported feature, malformed body). */
export function badRequestOutcome(text: string): OperationOutcome {
  return outcome(undefined, 'invalid', text);
}

export function notSupportedOutcome(text: string): OperationOutcome {
  return outcome(undefined, 'not-supported', text);
}

export function notFoundOutcome(text: string): OperationOutcome {
  return outcome('not-found', 'not-found', text);
}

/** 404 for a resource type R4 does not define. */
export function unknownTypeOutcome(resourceType: string): OperationOutcome {
  return notFoundOutcome(`Unknown resource type: ${resourceType}`);
}

export function fail(result: OperationOutcome): never {
  throw new OperationOutcomeError(result);
}

/**
 * Statuses `getStatus` cannot infer from an outcome id (413, 415, 500, 503) are passed
 * explicitly; everything else follows the outcome.
 */
export function sendOutcome(res: Response, result: OperationOutcome, status = getStatus(result)): void {
  res.status(status).type(FHIR_JSON).send(JSON.stringify(result));
}

/** An outcome with a fixed status and no `id`, for statuses `getStatus` has no id for. */
export function statusOutcome(code: OperationOutcomeIssue['code'], text: string): OperationOutcome {
  return outcome(undefined, code, text);
}
