/**
 * Composes the sandbox EHR on one origin:
 *   /fhir/r4/…                              FHIR R4 REST API (bearer token, scopes, compartment)
 *   /fhir/r4/.well-known/smart-configuration SMART discovery
 *   /auth/…                                 SMART authorization server (authorize, token, JWKS, OIDC)
 *   /ehr/…                                  the clinician's EHR: schedule, chart with the app iframe, notes
 *   /_sandbox/…                             test controls: vendor profile, faults, token expiry
 *
 * @module
 */
import express from 'express';
import { createAuthApi, smartConfigurationHandler } from './auth/auth-api.ts';
import { createControlApi } from './control-api.ts';
import { createEhrPages } from './ehr/ehr-pages.ts';
import { createFhirApi } from './fhir/fhir-api.ts';
import { addLatency } from './fhir/faults.ts';
import { listenSandbox } from './listen.ts';
import { loadBundleFile, loadFixturePatients } from './load-bundles.ts';
import { SandboxState, type SandboxOptions } from './state.ts';

export interface RunningSandbox {
  readonly state: SandboxState;
  readonly url: string;
  readonly fhirBaseUrl: string;
  close(): Promise<void>;
}

export function createSandboxApp(state: SandboxState): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Injected latency is the EHR's: discovery and the authorization server are as slow as FHIR.
  app.get('/fhir/r4/.well-known/smart-configuration', addLatency(state), smartConfigurationHandler(state));
  app.use('/fhir/r4', createFhirApi(state));
  app.use('/auth', addLatency(state), createAuthApi(state));
  app.use('/ehr', createEhrPages(state));
  app.use('/_sandbox', createControlApi(state));
  app.get('/', (_req, res) => res.redirect('/ehr'));
  return app;
}

/**
 * Starts a sandbox on `port` (0 = any free port) and loads the synthetic patients, then each of
 * `options.bundleFiles` (a missing or failing file is an error: the caller decides what is optional).
 * It answers at `http://localhost:port` (all local interfaces), while the companion server uses
 * `127.0.0.1`: two different sites, as an EHR and an embedded app are in real life, so cookie and
 * frame rules are exercised the way they are in the field.
 */
export async function startSandbox(
  options: SandboxOptions & { port?: number } = {},
): Promise<RunningSandbox> {
  const state = new SandboxState(options);
  if (options.loadFixtures !== false) await loadFixturePatients(state);
  for (const file of options.bundleFiles ?? []) await loadBundleFile(state, file);
  const listening = await listenSandbox(state, createSandboxApp(state), { port: options.port ?? 0 });
  return {
    state,
    url: state.baseUrl,
    fhirBaseUrl: state.fhirBaseUrl,
    close: listening.close,
  };
}
