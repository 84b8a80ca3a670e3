/**
 * Runs one authenticated FHIR request through `@medplum/fhir-router` against a
 * GuardedRepository built for the request's token and the sandbox's current `maxPageSize`, and
 * answers (unless a `timeout-after-commit` fault holds the answer back).
 *
 * @module
 */
import { isResourceType, OperationOutcomeError, parseSearchRequest } from '@medplum/core';
import type { OperationOutcome } from '@medplum/fhirtypes';
import { FhirRouter } from '@medplum/fhir-router';
import type { Request, RequestHandler } from 'express';
import type { SandboxState } from '../state.ts';
import { accessForGrant } from './access-policy.ts';
import { grantOf } from './bearer-auth.ts';
import { isResponseHeld } from './faults.ts';
import { GuardedRepository } from './guarded-repository.ts';
import {
  badRequestOutcome,
  notFoundOutcome,
  notSupportedOutcome,
  sendOutcome,
  statusOutcome,
  unknownTypeOutcome,
} from './outcomes.ts';
import {
  isSupportedMethod,
  queryOf,
  searchFormOf,
  sendFhirResponse,
  toFhirRequest,
} from './request-translation.ts';
import { normalizeSearchRequest } from './search-request.ts';

const NEEDS_BODY = new Set(['create', 'update', 'patch', 'batch']);

export function fhirRequestHandler(state: SandboxState): RequestHandler {
  const router = new FhirRouter();
  return async (req, res) => {
    const method = req.method;
    if (!isSupportedMethod(method)) {
      sendOutcome(res, statusOutcome('not-supported', `Method ${method} is not supported`), 405);
      return;
    }
    const path = req.path.split('/').filter(Boolean).join('/');
    const segments = path.split('/');
    const refusal = refuseUnsupported(method, path, segments);
    if (refusal) {
      sendOutcome(res, refusal);
      return;
    }
    const route = router.find(method, path);
    const interaction = route?.data?.interaction;
    if (!route || !interaction) {
      sendOutcome(res, notFoundOutcome(`No FHIR interaction at ${method} /${path}`));
      return;
    }
    const isSearch = interaction === 'search-type';
    const body: unknown = isSearch && method === 'POST' ? searchFormOf(req) : req.body;
    const problem = NEEDS_BODY.has(interaction)
      ? bodyProblem(req, body)
      : isSearch
        ? searchProblem(req, segments[0] ?? '', body, state.maxPageSize)
        : undefined;
    if (problem) {
      sendOutcome(res, problem.outcome, problem.status);
      return;
    }
    const repo = new GuardedRepository(state.repo, {
      policy: accessForGrant(grantOf(res)),
      validate: true,
      fhirBaseUrl: state.fhirBaseUrl,
      maxPageSize: state.maxPageSize,
    });
    const response = await router.handleRequest(toFhirRequest(req, method, path, body), repo);
    if (isResponseHeld(res)) return; // timeout-after-commit: the work is done, the answer never comes
    sendFhirResponse(res, response, state.fhirBaseUrl);
  };
}

function refuseUnsupported(
  method: string,
  path: string,
  segments: readonly string[],
): OperationOutcome | undefined {
  const operation = segments.find((s) => s.startsWith('$'));
  if (operation) return notSupportedOutcome(`Operation ${operation} is not supported by the sandbox`);
  if (path === '' && method === 'GET')
    return notSupportedOutcome('System-level search is not supported; search a resource type');
  const type = segments[0];
  if (type && !isResourceType(type)) return unknownTypeOutcome(type);
  return undefined;
}

interface Problem {
  readonly outcome: OperationOutcome;
  readonly status?: number;
}

function bodyProblem(req: Request, body: unknown): Problem | undefined {
  if (typeof body === 'object' && body !== null) return undefined;
  const type = req.headers['content-type'];
  if (type && !/json/i.test(type)) {
    return {
      outcome: statusOutcome(
        'not-supported',
        `Content-Type ${type} is not supported; send application/fhir+json`,
      ),
      status: 415,
    };
  }
  return { outcome: badRequestOutcome('A FHIR JSON body is required (Content-Type: application/fhir+json)') };
}

/** Parses the search up front so a malformed one is a 400 with a reason, not a router 500. */
function searchProblem(
  req: Request,
  resourceType: string,
  body: unknown,
  maxPageSize: number,
): Problem | undefined {
  const query = req.method === 'POST' ? (body as Record<string, string | string[]>) : queryOf(req);
  try {
    normalizeSearchRequest(parseSearchRequest(resourceType, query), { maxPageSize });
    return undefined;
  } catch (err) {
    if (err instanceof OperationOutcomeError) return { outcome: err.outcome };
    return { outcome: badRequestOutcome('Invalid search request') };
  }
}
