import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ASSERTION_TYPE,
  CLIENT_REDIRECT,
  clientAssertion,
  keyClient,
  startHarness,
  token,
  type AssertionOptions,
  type Harness,
  type KeyClient,
} from './auth-test-harness.ts';

let h: Harness;
let rs: KeyClient;
let es: KeyClient;
beforeAll(async () => {
  rs = await keyClient('rp-rs', 'RS384', { allowedScopes: 'system/*.rs' });
  es = await keyClient('rp-es', 'ES384', { allowedScopes: 'system/*.rs' });
  h = await startHarness([rs.app, es.app]);
});
afterAll(() => h.close());

/** A Backend Services request: the smallest grant that needs only client authentication. */
const backend = (assertion: string, extra: Record<string, string> = {}) =>
  token(h, {
    grant_type: 'client_credentials',
    scope: 'system/Patient.rs',
    client_assertion_type: ASSERTION_TYPE,
    client_assertion: assertion,
    ...extra,
  });

async function expectRefused(
  options: AssertionOptions,
  client: KeyClient = rs,
  pattern?: RegExp,
): Promise<void> {
  const res = await backend(await clientAssertion(h, client, options));
  expect(res.status).toBe(401);
  expect(res.json.error).toBe('invalid_client');
  if (pattern) expect(res.json.error_description).toMatch(pattern);
  expect(res.json).not.toHaveProperty('access_token');
}

describe('private_key_jwt client assertions', () => {
  it('accepts a correct RS384 and ES384 assertion (control)', async () => {
    for (const client of [rs, es]) {
      const res = await backend(await clientAssertion(h, client));
      expect(res.status).toBe(200);
      expect(res.json.scope).toBe('system/Patient.rs');
      expect(h.state.grants.verifyAccessToken(res.json.access_token as string)?.clientId).toBe(
        client.app.clientId,
      );
    }
  });

  it('refuses an aud that is the issuer instead of the token endpoint', async () => {
    await expectRefused({ aud: h.state.authBaseUrl }, rs, /aud/);
  });

  it('refuses an aud array that includes other audiences', async () => {
    const now = h.nowSeconds();
    const jwt = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS384', kid: rs.kid })
      .setIssuer('rp-rs')
      .setSubject('rp-rs')
      .setAudience([h.tokenUrl, h.state.authBaseUrl])
      .setExpirationTime(now + 60)
      .setJti(randomUUID())
      .sign(rs.privateKey);
    const res = await backend(jwt);
    expect(res.status).toBe(401);
  });

  it('refuses an expired assertion', async () => {
    await expectRefused({ expIn: -1 }, es, /expired/);
  });

  it('refuses an assertion whose exp is more than five minutes ahead', async () => {
    await expectRefused({ expIn: 301 }, rs, /five minutes/);
  });

  it('refuses a replayed jti', async () => {
    const jti = randomUUID();
    expect((await backend(await clientAssertion(h, es, { jti }))).status).toBe(200);
    await expectRefused({ jti }, es, /jti/);
  });

  it('refuses an assertion without kid', async () => {
    await expectRefused({ kid: null }, rs, /kid/);
  });

  it('refuses an assertion signed by a key that is not registered', async () => {
    const stranger = await keyClient('rp-rs', 'RS384');
    await expectRefused({}, stranger);
  });

  it('refuses iss or sub that is not the client id', async () => {
    await expectRefused({ iss: 'rp-es' });
    await expectRefused({ sub: 'someone-else' });
  });

  it('refuses a jku that is not the registered JWKS URL', async () => {
    await expectRefused({ jku: 'https://attacker.example.test/jwks' }, rs, /jku/);
  });

  it('refuses algorithms other than RS384 and ES384', async () => {
    const jwt = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: 'x' })
      .setIssuer('rp-rs')
      .setSubject('rp-rs')
      .setAudience(h.tokenUrl)
      .setExpirationTime(h.nowSeconds() + 60)
      .setJti(randomUUID())
      .sign(new TextEncoder().encode('a-shared-secret-that-must-not-work!'));
    const res = await backend(jwt);
    expect(res.status).toBe(401);
    expect(res.json.error_description).toMatch(/RS384 or ES384/);
  });

  it('refuses a wrong client_assertion_type', async () => {
    const res = await backend(await clientAssertion(h, rs), { client_assertion_type: 'urn:example:other' });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_request');
  });

  it('refuses an asymmetric client that sends only its client_id', async () => {
    const res = await token(h, {
      grant_type: 'authorization_code',
      code: 'x',
      redirect_uri: CLIENT_REDIRECT,
      code_verifier: 'y',
      client_id: 'rp-rs',
    });
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('invalid_client');
  });
});
