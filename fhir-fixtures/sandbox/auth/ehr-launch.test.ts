import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ASSERTION_TYPE,
  CLIENT_REDIRECT,
  DOCTOR,
  authorize,
  authorizeParams,
  clientAssertion,
  keyClient,
  pkcePair,
  startHarness,
  token,
  type Harness,
  type KeyClient,
} from './auth-test-harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function ehrLaunch(harness: Harness, client: KeyClient) {
  const launch = harness.state.grants.createLaunch({
    patient: 'rp-pat-alvarez',
    encounter: 'rp-enc-alvarez',
    fhirUser: DOCTOR,
    needPatientBanner: false,
    smartStyleUrl: 'https://ehr.example.test/smart-style.json',
  });
  const pkce = pkcePair();
  const params = authorizeParams(harness, client.app.clientId, {
    launch,
    scope: 'launch openid fhirUser patient/*.rs user/Encounter.rs',
    code_challenge: pkce.challenge,
    nonce: 'n-0S6_WzA2Mj',
  });
  const auth = await authorize(harness, params);
  expect(auth.status).toBe(302);
  expect(`${auth.location!.origin}${auth.location!.pathname}`).toBe(CLIENT_REDIRECT);
  expect(auth.location!.searchParams.get('state')).toBe(params.state);
  expect(auth.location!.searchParams.get('iss')).toBe(harness.state.authBaseUrl);
  const code = auth.location!.searchParams.get('code')!;
  expect(code).toBeTruthy();

  return token(harness, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: CLIENT_REDIRECT,
    code_verifier: pkce.verifier,
    client_assertion_type: ASSERTION_TYPE,
    client_assertion: await clientAssertion(harness, client),
  });
}

describe.each(['RS384', 'ES384'] as const)('EHR launch with a %s private_key_jwt client', (alg) => {
  it('returns the launch context, a verifiable id_token and a live access token', async () => {
    const client = await keyClient('rp-asym', alg);
    h = await startHarness([client.app]);
    const res = await ehrLaunch(h, client);

    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = res.json;
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'launch openid fhirUser patient/*.rs user/Encounter.rs',
      patient: 'rp-pat-alvarez',
      encounter: 'rp-enc-alvarez',
      need_patient_banner: false,
      smart_style_url: 'https://ehr.example.test/smart-style.json',
    });
    expect(body).not.toHaveProperty('refresh_token');

    const jwks = (await (await fetch(`${h.state.authBaseUrl}/jwks`)).json()) as JSONWebKeySet;
    const idToken = body.id_token as string;
    expect(decodeProtectedHeader(idToken).alg).toBe('RS256');
    const { payload } = await jwtVerify(idToken, createLocalJWKSet(jwks), {
      issuer: h.state.authBaseUrl,
      audience: 'rp-asym',
      currentDate: new Date(h.nowSeconds() * 1000),
    });
    expect(payload.fhirUser).toBe(`${h.state.fhirBaseUrl}/Practitioner/rp-dr-okafor`);
    expect(payload.sub).toBe(DOCTOR);
    expect(payload.nonce).toBe('n-0S6_WzA2Mj');

    const grant = h.state.grants.verifyAccessToken(body.access_token as string);
    expect(grant).toMatchObject({
      clientId: 'rp-asym',
      patient: 'rp-pat-alvarez',
      encounter: 'rp-enc-alvarez',
      fhirUser: DOCTOR,
    });
    expect(grant!.scopes.resources.map((s) => s.raw)).toEqual(['patient/*.rs', 'user/Encounter.rs']);
  });
});

describe('EHR launch with keys fetched from the client JWKS URL', () => {
  it('verifies the assertion against the remote key set', async () => {
    const client = await keyClient('rp-remote', 'ES384');
    h = await startHarness([]);
    const jwksUri = h.serveJwks('rp-remote', client.publicJwks);
    h.state.apps.set('rp-remote', { ...client.app, jwks: undefined, jwksUri });
    const res = await ehrLaunch(h, client);
    expect(res.status).toBe(200);
    expect(res.json.patient).toBe('rp-pat-alvarez');
  });
});
