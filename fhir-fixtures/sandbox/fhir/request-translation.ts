/**
 * Express ⇄ `@medplum/fhir-router`: an HTTP request becomes a `FhirRequest` (path relative to
 * the FHIR base, repeated query parameters kept as arrays, transactions switched on), and a
 * `FhirResponse` becomes an HTTP answer with `application/fhir+json`, `Location`, `ETag` and
 * `Last-Modified` where FHIR expects them.
 *
 * @module
 */
import { getStatus, isOk } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import type { FhirRequest, FhirResponse, HttpMethod } from '@medplum/fhir-router';
import type { Request, Response } from 'express';
import { FHIR_JSON } from './outcomes.ts';

const METHODS: ReadonlySet<string> = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export function isSupportedMethod(method: string): method is HttpMethod {
  return METHODS.has(method);
}

/** Query parameters as FHIR needs them: `date=ge2024&date=lt2025` stays two values. */
export function queryOf(req: Request): Record<string, string | string[]> {
  const search = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    query[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return query;
}

/** `POST Type/_search`: the form body's parameters plus any in the URL. */
export function searchFormOf(req: Request): Record<string, string | string[]> {
  const merged: Record<string, string | string[]> = { ...queryOf(req) };
  const form = (req.body ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(form)) {
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    const prior = merged[key];
    const all = [...(prior === undefined ? [] : Array.isArray(prior) ? prior : [prior]), ...values];
    merged[key] = all.length === 1 ? (all[0] ?? '') : all;
  }
  return merged;
}

export function toFhirRequest(req: Request, method: HttpMethod, path: string, body: unknown): FhirRequest {
  return {
    method,
    url: path,
    pathname: '',
    params: {},
    query: queryOf(req),
    body,
    headers: req.headers,
    config: { transactions: true },
  };
}

export function sendFhirResponse(
  res: Response,
  [outcome, resource]: FhirResponse,
  fhirBaseUrl: string,
): void {
  const status = getStatus(outcome);
  if (resource && isOk(outcome)) setVersionHeaders(res, resource, status === 201 ? fhirBaseUrl : undefined);
  // Internal failures say so without the exception text (no internals, no PHI).
  const body =
    status >= 500
      ? { ...outcome, issue: outcome.issue.map(({ diagnostics: _d, ...issue }) => issue) }
      : (resource ?? outcome);
  res.status(status).type(FHIR_JSON).send(JSON.stringify(body));
}

function setVersionHeaders(res: Response, resource: Resource, locationBase: string | undefined): void {
  const versionId = resource.meta?.versionId;
  if (resource.resourceType === 'Bundle' || !resource.id) return;
  if (versionId) res.setHeader('ETag', `W/"${versionId}"`);
  if (resource.meta?.lastUpdated)
    res.setHeader('Last-Modified', new Date(resource.meta.lastUpdated).toUTCString());
  if (locationBase) {
    const history = versionId ? `/_history/${versionId}` : '';
    res.setHeader('Location', `${locationBase}/${resource.resourceType}/${resource.id}${history}`);
  }
}
