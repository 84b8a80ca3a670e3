/**
 * Test support for the authorization server (used only by `*.test.ts`): a sandbox state with a
 * controllable clock and a few synthetic resources, served over real HTTP on port 0, plus client
 * helpers (PKCE, key pairs, client assertions, authorize and token calls) written independently
 * of the server code they exercise.
 *
 * @module
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import express from 'express';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { listenSandbox } from '../listen.ts';
import type { RegisteredApp } from '../state.ts';
import { SandboxState } from '../state.ts';
import { createAuthApi, smartConfigurationHandler, type AuthApiOptions } from './auth-api.ts';

export const CLIENT_REDIRECT = 'https://app.example.test/callback';
export const DOCTOR = 'Practitioner/rp-dr-okafor';
const START = Date.parse('2026-03-02T15:00:00Z');

export interface Harness {
  readonly state: SandboxState;
  readonly url: string;
  readonly tokenUrl: string;
  /** Advance the sandbox clock. */
  advance(ms: number): void;
  nowSeconds(): number;
  /** Serve a JWKS from the test server (for apps registered with a `jwksUri`). */
  serveJwks(path: string, jwks: { keys: JWK[] }): string;
  close(): Promise<void>;
}

export async function startHarness(
  apps: readonly RegisteredApp[],
  options: AuthApiOptions = {},
): Promise<Harness> {
  let now = START;
  const state = new SandboxState({ apps, now: () => now, accessTokenLifetimeSeconds: 3600 });
  await seed(state);
  const app = express();
  const served = new Map<string, { keys: JWK[] }>();
  app.get('/fhir/r4/.well-known/smart-configuration', smartConfigurationHandler(state));
  app.use('/auth', createAuthApi(state, options));
  app.get('/client-keys/:name', (req, res) => {
    const jwks = served.get(req.params.name);
    if (jwks) res.json(jwks);
    else res.sendStatus(404);
  });
  const { close } = await listenSandbox(state, app, { host: '127.0.0.1' });
  return {
    state,
    url: state.baseUrl,
    tokenUrl: `${state.authBaseUrl}/token`,
    advance: (ms) => void (now += ms),
    nowSeconds: () => Math.floor(now / 1000),
    serveJwks: (name, jwks) => {
      served.set(name, jwks);
      return `${state.baseUrl}/client-keys/${name}`;
    },
    close,
  };
}

async function seed(state: SandboxState): Promise<void> {
  const { repo } = state;
  await repo.updateResource({
    resourceType: 'Practitioner',
    id: 'rp-dr-okafor',
    name: [{ family: 'Okafor', given: ['Ada'] }],
  });
  await repo.updateResource({
    resourceType: 'Patient',
    id: 'rp-pat-alvarez',
    name: [{ family: 'Alvarez', given: ['Maria'] }],
    birthDate: '1961-04-02',
  });
  await repo.updateResource({
    resourceType: 'Patient',
    id: 'rp-pat-brennan',
    name: [{ family: 'Brennan', given: ['Theo'] }],
    birthDate: '1988-11-19',
  });
  await repo.updateResource({
    resourceType: 'Encounter',
    id: 'rp-enc-alvarez',
    status: 'in-progress',
    class: { code: 'AMB' },
    subject: { reference: 'Patient/rp-pat-alvarez' },
  });
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface KeyClient {
  readonly app: RegisteredApp;
  readonly kid: string;
  readonly alg: 'RS384' | 'ES384';
  readonly privateKey: CryptoKey;
  readonly publicJwks: { keys: JWK[] };
}

/** A confidential-asymmetric app with a fresh key pair and an inline public JWKS. */
export async function keyClient(
  clientId: string,
  alg: 'RS384' | 'ES384',
  extra: Partial<RegisteredApp> = {},
): Promise<KeyClient> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  const kid = `${clientId}-${alg.toLowerCase()}`;
  const publicJwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }] };
  const app: RegisteredApp = {
    clientId,
    name: 'RevenuePilot (test)',
    type: 'confidential-asymmetric',
    redirectUris: [CLIENT_REDIRECT],
    jwks: publicJwks,
    ...extra,
  };
  return { app, kid, alg, privateKey, publicJwks };
}

export interface AssertionOptions {
  readonly aud?: string;
  /** Seconds from the sandbox clock's now. */
  readonly expIn?: number;
  readonly jti?: string;
  readonly kid?: string | null;
  readonly iss?: string;
  readonly sub?: string;
  readonly jku?: string;
}

export async function clientAssertion(
  h: Harness,
  client: KeyClient,
  o: AssertionOptions = {},
): Promise<string> {
  const now = h.nowSeconds();
  const header: { alg: string; typ: string; kid?: string; jku?: string } = { alg: client.alg, typ: 'JWT' };
  if (o.kid !== null) header.kid = o.kid ?? client.kid;
  if (o.jku !== undefined) header.jku = o.jku;
  return new SignJWT({})
    .setProtectedHeader(header)
    .setIssuer(o.iss ?? client.app.clientId)
    .setSubject(o.sub ?? client.app.clientId)
    .setAudience(o.aud ?? h.tokenUrl)
    .setIssuedAt(now)
    .setExpirationTime(now + (o.expIn ?? 240))
    .setJti(o.jti ?? randomUUID())
    .sign(client.privateKey);
}

export const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Authorize parameters for `app`, with every required one present and valid. */
export function authorizeParams(
  h: Harness,
  clientId: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: CLIENT_REDIRECT,
    scope: 'launch openid fhirUser patient/*.rs',
    state: randomBytes(16).toString('base64url'),
    aud: h.state.fhirBaseUrl,
    code_challenge: pkcePair().challenge,
    code_challenge_method: 'S256',
    ...extra,
  };
}

/** `params` without the named keys. */
export function omit(params: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([name]) => !names.includes(name)));
}

export interface AuthorizeResult {
  readonly status: number;
  /** The redirect target, when the server redirected. */
  readonly location: URL | undefined;
  readonly contentType: string | null;
  readonly body: string;
}

/** GET (or form POST) to /auth/authorize without following redirects. */
export async function authorize(
  h: Harness,
  params: Record<string, string>,
  method: 'GET' | 'POST' = 'GET',
): Promise<AuthorizeResult> {
  const search = new URLSearchParams(params);
  const endpoint = `${h.state.authBaseUrl}/authorize`;
  const res =
    method === 'GET'
      ? await fetch(`${endpoint}?${search}`, { redirect: 'manual' })
      : await fetch(endpoint, { method: 'POST', body: search, redirect: 'manual' });
  const location = res.headers.get('location');
  return {
    status: res.status,
    location: location === null ? undefined : new URL(location),
    contentType: res.headers.get('content-type'),
    body: await res.text(),
  };
}

export interface TokenResult {
  readonly status: number;
  readonly headers: Headers;
  readonly json: Record<string, unknown>;
}

export async function token(
  h: Harness,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<TokenResult> {
  const res = await fetch(h.tokenUrl, { method: 'POST', body: new URLSearchParams(form), headers });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
}
