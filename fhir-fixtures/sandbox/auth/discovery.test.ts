import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './auth-test-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness([]);
});
afterAll(() => h.close());

const getJson = async (url: string) => {
  const res = await fetch(url);
  return { res, body: (await res.json()) as Record<string, unknown> };
};

describe('discovery', () => {
  it('serves the SMART configuration under the FHIR base URL', async () => {
    const { res, body } = await getJson(`${h.state.fhirBaseUrl}/.well-known/smart-configuration`);
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      issuer: h.state.authBaseUrl,
      authorization_endpoint: `${h.state.authBaseUrl}/authorize`,
      token_endpoint: `${h.state.authBaseUrl}/token`,
      jwks_uri: `${h.state.authBaseUrl}/jwks`,
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
      response_types_supported: ['code'],
    });
    expect(body.grant_types_supported).toEqual(['authorization_code', 'refresh_token', 'client_credentials']);
    expect(body.token_endpoint_auth_methods_supported).toEqual([
      'private_key_jwt',
      'client_secret_basic',
      'client_secret_post',
      'none',
    ]);
    for (const capability of [
      'launch-ehr',
      'launch-standalone',
      'authorize-post',
      'client-confidential-asymmetric',
      'context-ehr-encounter',
      'permission-v1',
      'permission-v2',
      'sso-openid-connect',
    ]) {
      expect(body.capabilities).toContain(capability);
    }
    expect(body.scopes_supported).toContain('launch/patient');
    expect(body.scopes_supported).toContain('patient/*.rs');
    expect(body.scopes_supported).toContain('patient/*.read');
  });

  it('advertises v1 only when the scope syntax is v1 (an Epic release before Nov 2024)', async () => {
    h.state.scopeSyntax = 'v1';
    try {
      const url = `${h.state.fhirBaseUrl}/.well-known/smart-configuration`;
      const { body } = await getJson(url);
      expect(body.capabilities).toContain('permission-v1');
      expect(body.capabilities).not.toContain('permission-v2');
      const scopes = body.scopes_supported as string[];
      expect(scopes).toEqual(expect.arrayContaining(['patient/*.read', 'user/*.write', 'launch', 'openid']));
      for (const v2 of ['patient/*.rs', 'patient/*.cruds', 'user/*.rs', 'user/*.cruds', 'system/*.rs']) {
        expect(scopes).not.toContain(v2);
      }
      const { body: oidc } = await getJson(`${h.state.authBaseUrl}/.well-known/openid-configuration`);
      expect(oidc.scopes_supported).toEqual(scopes);
    } finally {
      h.state.scopeSyntax = 'v2';
    }
    const { body } = await getJson(`${h.state.fhirBaseUrl}/.well-known/smart-configuration`);
    expect(body.capabilities).toContain('permission-v2');
  });

  it('serves OpenID metadata with RS256 id_tokens', async () => {
    const { body } = await getJson(`${h.state.authBaseUrl}/.well-known/openid-configuration`);
    expect(body.issuer).toBe(h.state.authBaseUrl);
    expect(body.id_token_signing_alg_values_supported).toEqual(['RS256']);
    expect(body.subject_types_supported).toEqual(['public']);
  });

  it('publishes its public signing key with a cache lifetime and no private parts', async () => {
    const { res, body } = await getJson(`${h.state.authBaseUrl}/jwks`);
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const keys = body.keys as Record<string, unknown>[];
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(typeof keys[0]!.kid).toBe('string');
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('answers GET on the token endpoint with 405', async () => {
    const res = await fetch(`${h.state.authBaseUrl}/token`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});
