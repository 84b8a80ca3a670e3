import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLIENT_REDIRECT,
  DOCTOR,
  keyClient,
  startHarness,
  type Harness,
  type KeyClient,
} from './auth-test-harness.ts';

// The companion server's SMART client uses openid-client; this proves the sandbox speaks to it
// the way Epic does, including the trap that its default assertion audience (the issuer) is refused.
let h: Harness;
let rp: KeyClient;
beforeAll(async () => {
  rp = await keyClient('rp-oidc', 'ES384');
  h = await startHarness([rp.app]);
});
afterAll(() => h.close());

async function configuration(audience: 'default' | 'token-endpoint'): Promise<client.Configuration> {
  const metadata = (await (
    await fetch(`${h.state.fhirBaseUrl}/.well-known/smart-configuration`)
  ).json()) as client.ServerMetadata;
  const auth = client.PrivateKeyJwt(
    { key: rp.privateKey, kid: rp.kid },
    audience === 'default'
      ? {}
      : {
          [client.modifyAssertion]: (_header, payload) => {
            payload.aud = metadata.token_endpoint;
          },
        },
  );
  const config = new client.Configuration(
    metadata,
    'rp-oidc',
    // Align the client's clock with the sandbox's frozen one, a few seconds behind it: real time
    // moves on while the sandbox's does not, and an assertion issued a second "after" the
    // sandbox's now is refused (regression: intermittent invalid_client under load).
    { [client.clockSkew]: h.nowSeconds() - Math.ceil(Date.now() / 1000) - 5 },
    auth,
  );
  client.allowInsecureRequests(config);
  return config;
}

async function launchAndCallback(
  config: client.Configuration,
  verifier: string,
  state: string,
  nonce: string,
): Promise<URL> {
  const launch = h.state.grants.createLaunch({
    patient: 'rp-pat-alvarez',
    encounter: 'rp-enc-alvarez',
    fhirUser: DOCTOR,
    needPatientBanner: false,
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CLIENT_REDIRECT,
    scope: 'launch openid fhirUser patient/*.rs',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    aud: h.state.fhirBaseUrl,
    launch,
  });
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

describe('openid-client against the sandbox', () => {
  it('completes an EHR launch with private_key_jwt once the assertion aud is the token endpoint', async () => {
    const config = await configuration('token-endpoint');
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const callback = await launchAndCallback(config, verifier, state, nonce);
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    expect(tokens.patient).toBe('rp-pat-alvarez');
    expect(tokens.encounter).toBe('rp-enc-alvarez');
    expect(tokens.claims()?.fhirUser).toBe(`${h.state.fhirBaseUrl}/Practitioner/rp-dr-okafor`);
  });

  it('refuses openid-client default assertion audience (the issuer)', async () => {
    const config = await configuration('default');
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const callback = await launchAndCallback(config, verifier, state, client.randomNonce());
    const failure = await client
      .authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state })
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    expect(failure).toBeInstanceOf(client.ResponseBodyError);
    expect((failure as client.ResponseBodyError).error).toBe('invalid_client');
  });
});
