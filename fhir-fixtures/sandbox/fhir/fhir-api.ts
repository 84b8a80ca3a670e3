/**
 * The sandbox EHR's FHIR R4 REST API, mounted at `/fhir/r4`.
 *
 * What it supports
 * - Storage and REST semantics from `@medplum/fhir-router` over its MemoryRepository
 *   (`state.repo`): read, vread, `_history` of an instance, search (GET and `POST Type/_search`),
 *   create (201 + `Location`), update (PUT; PUT to a new id creates), JSON Patch, delete, and
 *   batch / transaction Bundles POSTed to the base (`urn:uuid:` references resolved;
 *   transactions are all-or-nothing, see write-journal.ts). Any R4 resource type may be stored;
 *   `/metadata` lists the ones an outpatient app uses and names the vendor profile in
 *   `software.name`.
 * - Search: reference parameters by bare id or `Type/id` (`patient=123`, `subject=Patient/123`),
 *   token (`code=http://loinc.org|4548-4`, `clinical-status=active`, `category=vital-signs`),
 *   string, uri and date parameters with prefixes (`date=ge2024-01-01&date=lt2025-01-01`),
 *   `_id`, `_lastUpdated`, `_sort` (several keys, `-` for descending, dates as instants),
 *   `_count` (default 50, at most `state.maxPageSize`: 1000 unless set lower), `_offset`,
 *   `_summary=count`, and absolute `self`/`first`/`previous`/`next` links that return the next
 *   page.
 * - Security: every interaction but `/metadata` needs a bearer token the sandbox's
 *   authorization server issued (401 + `WWW-Authenticate: Bearer` otherwise). SMART v1 and v2
 *   scopes are enforced per interaction (read/vread/history → r, search → s, create → c,
 *   update/patch → u, delete → d, PUT to a new id → u and c), for every entry of a batch or
 *   transaction too. With `patient/` scopes, resources in the Patient compartment are fenced to
 *   the launch patient: reading or writing another patient's data is 403, a search naming
 *   another patient is 403, and a search that names no patient is narrowed to the launch
 *   patient (the client sees only its patient's records, with an exact `total`). Types outside
 *   the compartment (Practitioner, Organization, Location, Medication, …) need only the scope.
 *   `user/` and `system/` scopes see everything of the type. v2 scope filters
 *   (`patient/Observation.rs?category=vital-signs`) are honoured.
 * - Errors are OperationOutcomes: 400 bad search parameter or malformed JSON, 401, 403,
 *   404 unknown resource or type, 405, 412 (If-Match), 413 over 10 MB, 415, 422 invalid R4.
 * - Faults from `state.faults` (latency, 500, 503, dropped connection, timeout after commit);
 *   see faults.ts.
 *
 * Where it deliberately differs from a production EHR
 * - In memory, one process, no persistence; transactions are not isolated from concurrent
 *   requests; a deleted resource reads as 404, not 410.
 * - No `_include`/`_revinclude`, chained or `_has` search, composite/number/quantity parameters,
 *   or operations (`$everything`, `$graphql`, …): refused with 400 rather than ignored, so a
 *   client never mistakes a partial answer for a full one. `_elements` and `_summary=true` are
 *   accepted and ignored (whole resources come back, which FHIR allows).
 * - Search narrows with a full scan per request (fine for a few thousand resources).
 * - `/metadata` also advertises the SMART endpoints (oauth-uris extension); the canonical
 *   discovery document is `.well-known/smart-configuration`, served by the auth module.
 * - Unknown search parameters are 400 (strict handling), as Epic does; lenient servers ignore them.
 * - Transactions are limited to 50 updates (the router's limit); conditional interactions need
 *   the `s` scope as well, because they search first.
 * - Validation is structural R4 only (no US Core profiles, no terminology binding checks), and
 *   vendor write rules (Epic's and Oracle Health's) are not applied yet.
 * - A refusal is 403 even when a 404 would hide that the resource exists.
 *
 * @module
 */
import express from 'express';
import type { SandboxState } from '../state.ts';
import { requireBearerToken } from './bearer-auth.ts';
import { fhirBodyParsers, fhirErrorHandler } from './body-parsing.ts';
import { capabilityStatement } from './capability-statement.ts';
import { addLatency, injectFaults } from './faults.ts';
import { ensureFhirDefinitions } from './fhir-definitions.ts';
import { fhirRequestHandler } from './fhir-request-handler.ts';
import { FHIR_JSON } from './outcomes.ts';

export function createFhirApi(state: SandboxState): express.Router {
  ensureFhirDefinitions();
  const api = express.Router();
  api.use(addLatency(state));
  api.get('/metadata', (_req, res) => {
    res.type(FHIR_JSON).send(JSON.stringify(capabilityStatement(state)));
  });
  api.use(requireBearerToken(state));
  api.use(fhirBodyParsers());
  api.use(injectFaults(state));
  api.use(fhirRequestHandler(state));
  api.use(fhirErrorHandler);
  return api;
}
