/**
 * For tests: the FHIR API and control API on a free port over a fresh SandboxState, with a
 * helper to mint access tokens the way the authorization server would. Standalone, so FHIR
 * tests do not depend on the auth server or the EHR pages.
 *
 * @module
 */
import type { Resource } from '@medplum/fhirtypes';
import express from 'express';
import { createControlApi } from '../control-api.ts';
import { listenSandbox } from '../listen.ts';
import { SandboxState, type SandboxOptions } from '../state.ts';
import { createFhirApi } from './fhir-api.ts';

export interface FhirTestServer {
  readonly state: SandboxState;
  /** `http://127.0.0.1:port/fhir/r4` */
  readonly base: string;
  /** `http://127.0.0.1:port/_sandbox` */
  readonly control: string;
  token(scope: string, patient?: string, lifetimeSeconds?: number): string;
  close(): Promise<void>;
}

export async function startFhirTestServer(options: SandboxOptions = {}): Promise<FhirTestServer> {
  const state = new SandboxState(options);
  const app = express();
  app.use('/fhir/r4', createFhirApi(state));
  app.use('/_sandbox', createControlApi(state));
  const { close } = await listenSandbox(state, app, { host: '127.0.0.1' });
  return {
    state,
    base: state.fhirBaseUrl,
    control: `${state.baseUrl}/_sandbox`,
    token: (scope, patient, lifetimeSeconds = 3600) =>
      state.grants.issueAccessToken(
        { clientId: 'test-client', scope, ...(patient ? { patient } : {}), fhirUser: 'Practitioner/test-dr' },
        lifetimeSeconds,
      ),
    close,
  };
}

/** GET/POST/… with a bearer token; returns status, headers and parsed JSON. */
export async function fhirFetch<T extends Resource = Resource>(
  url: string,
  token: string | undefined,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<{ status: number; headers: Headers; json: T }> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/fhir+json' } : {}),
      ...init.headers,
    },
    ...(init.body !== undefined
      ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }
      : {}),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: (text ? JSON.parse(text) : undefined) as T,
  };
}
