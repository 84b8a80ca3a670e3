/**
 * The `FhirReader` for one launch: fhirclient's `Client` does each request with the launch's
 * access token; this module adds what the product needs around it. Paging is followed here, and
 * only to links under the EHR's own base (a token never goes to another server). An access token
 * near expiry, or refused with 401, is refreshed once through openid-client; with no refresh token
 * the read fails as `session_expired`. Every read is added to the request's audit trail, carries a
 * child W3C `traceparent` of the request's trace and is timed for the EHR latency metric. Errors
 * become `FhirReadError`s with our own words: fhirclient's messages quote URLs and bodies (PHI).
 *
 * @module
 */
import type { Bundle, Resource, ResourceType } from '@medplum/fhirtypes';
import { parseScopes, scopesAllow } from '../../launch/scopes.ts';
import type { AuditEntry } from '../audit/audit-log.ts';
import { FhirReadError, type FhirReader } from '../context/fhir-reader.ts';
import { ehrAgentFor } from './ehr-connection-pool.ts';
import { observeEhrCall, type EhrCallObserver } from '../observability/ehr-calls.ts';
import { currentOutboundTraceparent } from '../observability/request-context.ts';
import type { ClientStateStorage } from './client-state-storage.ts';
import { fhirclientFor, type SmartClientState } from './fhirclient-api.ts';
import type { LaunchRecord } from './launch-store.ts';

const REQUEST_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_PAGES = 20;
/** Refresh this long before the access token's stated expiry (half its lifetime when that is shorter). */
const REFRESH_MARGIN_S = 60;

/** Whether the access token is close enough to its expiry to refresh before using it. */
export function needsRefresh(state: SmartClientState, nowS: number): boolean {
  const expiresAt = state.expiresAt;
  if (!state.tokenResponse?.refresh_token || expiresAt === undefined) return false;
  const lifetime = Number(state.tokenResponse.expires_in) || 2 * REFRESH_MARGIN_S;
  return expiresAt - Math.min(REFRESH_MARGIN_S, lifetime / 2) < nowS;
}

export interface LaunchTokens {
  /** The launch's fhirclient state (server URL, token response). */
  load(): Promise<SmartClientState>;
  /** Gets a new access token; throws FhirReadError('session_expired') when it cannot. */
  refresh(): Promise<SmartClientState>;
}

/** fhirclient clears its storage on a 401; the tokens module owns that state, so hand it a view it cannot change. */
function readOnly(storage: ClientStateStorage): ClientStateStorage {
  return {
    get: (key) => storage.get(key),
    set: (_key, value) => Promise.resolve(value),
    unset: () => Promise.resolve(false),
  };
}

function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function toReadError(err: unknown, what: string): FhirReadError {
  if (err instanceof FhirReadError) return err;
  const status = statusOf(err);
  if (status === 401)
    return new FhirReadError('session_expired', `The EHR ended the session while reading ${what}.`, 401);
  if (status === 403) return new FhirReadError('forbidden', `The EHR refused to share ${what}.`, 403);
  if (status === 404 || status === 410)
    return new FhirReadError('not_found', `The EHR has no ${what}.`, status);
  if (status !== undefined && status >= 400 && status < 500)
    return new FhirReadError('malformed', `The EHR rejected the request for ${what}.`, status);
  if (status !== undefined)
    return new FhirReadError('unavailable', `The EHR failed while reading ${what}.`, status);
  if (err instanceof SyntaxError)
    return new FhirReadError('malformed', `The EHR's answer for ${what} is not valid JSON.`);
  return new FhirReadError('unavailable', `The EHR did not answer while reading ${what}.`);
}

export interface LaunchFhirReaderDeps {
  readonly launch: LaunchRecord;
  readonly storage: ClientStateStorage;
  readonly tokens: LaunchTokens;
  readonly requestId: string;
  /** Collects one audit entry per FHIR interaction; the route writes them in one statement. */
  readonly audit: AuditEntry[];
  /** Times each HTTP read for `ehr_request_duration_seconds` (bound to the EHR's vendor). */
  readonly observe?: EhrCallObserver;
  readonly now?: () => number;
}

export function launchFhirReader(deps: LaunchFhirReaderDeps): FhirReader {
  const granted = parseScopes(deps.launch.grantedScope ?? '');
  const nowS = () => Math.floor((deps.now ?? Date.now)() / 1000);
  let current: Promise<SmartClientState> | undefined;

  const state = (): Promise<SmartClientState> => {
    current ??= deps.tokens.load().then((s) => (needsRefresh(s, nowS()) ? deps.tokens.refresh() : s));
    return current;
  };

  /** One GET with the current token; on 401 refreshes once and tries again. */
  async function get(url: string, resourceType: string): Promise<unknown> {
    // A copy: on a 401 fhirclient empties the state object it was given.
    const attempt = (s: SmartClientState) =>
      observeEhrCall(
        deps.observe,
        resourceType,
        async () =>
          (await fhirclientFor(readOnly(deps.storage))
            .client(structuredClone(s))
            .request(
              {
                url,
                signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
                headers: { accept: 'application/fhir+json', traceparent: currentOutboundTraceparent() },
                // node-fetch's option (fhirclient fetches through it): capped keep-alive connections.
                ...({ agent: ehrAgentFor(new URL(url, s.serverUrl).href) } as object),
              },
              { pageLimit: 1, useRefreshToken: false },
            )) as unknown,
      );
    const s = await state();
    try {
      return await attempt(s);
    } catch (err) {
      if (statusOf(err) !== 401) throw err;
      if (!s.tokenResponse?.refresh_token) throw err;
      current = deps.tokens.refresh();
      return attempt(await current);
    }
  }

  const audit = (
    action: string,
    resourceType: string,
    outcome: AuditEntry['outcome'],
    count: number,
    pages: number,
  ) =>
    deps.audit.push({
      requestId: deps.requestId,
      actor: deps.launch.fhirUser,
      patientRef: deps.launch.patientId ? `Patient/${deps.launch.patientId}` : null,
      action,
      outcome,
      // The registration lets the admin health page tell when each EHR last answered.
      detail: { resourceType, count, pages, registrationId: deps.launch.registrationId },
    });

  return {
    canRead: (resourceType) =>
      scopesAllow(granted, resourceType, 'r') || scopesAllow(granted, resourceType, 's'),

    async read(resourceType, id) {
      try {
        const body = await get(`${resourceType}/${encodeURIComponent(id)}`, resourceType);
        if (typeof body !== 'object' || body === null || (body as Resource).resourceType !== resourceType) {
          throw new FhirReadError(
            'malformed',
            `The EHR's answer for ${resourceType} is not a ${resourceType}.`,
          );
        }
        audit('fhir.read', resourceType, 'success', 1, 1);
        return body as Extract<Resource, { resourceType: typeof resourceType }>;
      } catch (err) {
        audit('fhir.read', resourceType, 'failure', 0, 0);
        throw toReadError(err, resourceType);
      }
    },

    async search<K extends ResourceType>(
      resourceType: K,
      params: Readonly<Record<string, string>>,
      options?: { readonly maxPages?: number },
    ) {
      const maxPages = options?.maxPages ?? DEFAULT_MAX_PAGES;
      const found: Extract<Resource, { resourceType: K }>[] = [];
      let pages = 0;
      try {
        const base = (await state()).serverUrl.replace(/\/+$/, '');
        let url: string | undefined = `${resourceType}?${new URLSearchParams(params).toString()}`;
        while (url && pages < maxPages) {
          const body = await get(url, resourceType);
          pages += 1;
          if (typeof body !== 'object' || body === null || (body as Resource).resourceType !== 'Bundle') {
            throw new FhirReadError(
              'malformed',
              `The EHR's answer for ${resourceType} is not a search Bundle.`,
            );
          }
          const bundle = body as Bundle;
          for (const entry of bundle.entry ?? []) {
            if (entry.resource?.resourceType === resourceType)
              found.push(entry.resource as Extract<Resource, { resourceType: K }>);
          }
          const next = bundle.link?.find((l) => l.relation === 'next')?.url;
          // Never send the token anywhere but the EHR's own FHIR base.
          url =
            next && (next === base || next.startsWith(`${base}/`) || next.startsWith(`${base}?`))
              ? next
              : undefined;
        }
        audit('fhir.search', resourceType, 'success', found.length, pages);
        return found;
      } catch (err) {
        audit('fhir.search', resourceType, 'failure', found.length, pages);
        throw toReadError(err, resourceType);
      }
    },
  };
}
