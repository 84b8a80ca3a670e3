import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseScopes, prefersV2Scopes, scopesAllow, toV1Scopes } from '../../../launch/scopes.ts';
import type { RegisteredApp } from '../state.ts';
import {
  CLIENT_REDIRECT,
  DOCTOR,
  authorize,
  authorizeParams,
  omit,
  pkcePair,
  startHarness,
  token,
  type Harness,
} from './auth-test-harness.ts';

const publicApp: RegisteredApp = {
  clientId: 'rp-public',
  name: 'RevenuePilot (public)',
  type: 'public',
  redirectUris: [CLIENT_REDIRECT],
};
const narrowApp: RegisteredApp = {
  clientId: 'rp-narrow',
  name: 'RevenuePilot (narrow)',
  type: 'public',
  redirectUris: [CLIENT_REDIRECT],
  allowedScopes: 'openid fhirUser patient/*.rs user/DocumentReference.cr',
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness([publicApp, narrowApp]);
});
afterAll(() => h.close());

const ehrLaunch = (): string =>
  h.state.grants.createLaunch({ patient: 'rp-pat-alvarez', fhirUser: DOCTOR, needPatientBanner: true });

function expectRedirectError(
  res: Awaited<ReturnType<typeof authorize>>,
  error: string,
  state: string | undefined,
): void {
  expect(res.status).toBe(302);
  expect(`${res.location!.origin}${res.location!.pathname}`).toBe(CLIENT_REDIRECT);
  expect(res.location!.searchParams.get('error')).toBe(error);
  expect(res.location!.searchParams.get('error_description')).toBeTruthy();
  expect(res.location!.searchParams.get('state')).toBe(state ?? null);
  expect(res.location!.searchParams.get('iss')).toBe(h.state.authBaseUrl);
  expect(res.location!.searchParams.has('code')).toBe(false);
}

describe('authorize refusals', () => {
  it('refuses code_challenge_method=plain', async () => {
    const params = authorizeParams(h, 'rp-public', { launch: ehrLaunch(), code_challenge_method: 'plain' });
    expectRedirectError(await authorize(h, params), 'invalid_request', params.state);
  });

  it('refuses a request without a PKCE challenge', async () => {
    const params = omit(
      authorizeParams(h, 'rp-public', { launch: ehrLaunch() }),
      'code_challenge',
      'code_challenge_method',
    );
    expectRedirectError(await authorize(h, params), 'invalid_request', params.state);
  });

  it('refuses a challenge without its method', async () => {
    const params = omit(authorizeParams(h, 'rp-public', { launch: ehrLaunch() }), 'code_challenge_method');
    expectRedirectError(await authorize(h, params), 'invalid_request', params.state);
  });

  it('shows an error page and never redirects for a redirect URI that is not an exact match', async () => {
    for (const redirect of [
      `${CLIENT_REDIRECT}/`,
      'https://evil.example.test/callback',
      `${CLIENT_REDIRECT}?x=1`,
    ]) {
      const res = await authorize(
        h,
        authorizeParams(h, 'rp-public', { launch: ehrLaunch(), redirect_uri: redirect }),
      );
      expect(res.status).toBe(400);
      expect(res.location).toBeUndefined();
      expect(res.contentType).toMatch(/^text\/html/);
      expect(res.body).toContain('redirect_uri');
    }
  });

  it('shows an error page for an unknown client', async () => {
    const res = await authorize(h, authorizeParams(h, 'nobody', { launch: ehrLaunch() }));
    expect(res.status).toBe(400);
    expect(res.location).toBeUndefined();
    expect(res.body).toContain('client_id');
  });

  it('refuses an unknown launch value', async () => {
    const params = authorizeParams(h, 'rp-public', { launch: 'not-a-launch-this-ehr-issued' });
    expectRedirectError(await authorize(h, params), 'invalid_request', params.state);
  });

  it('refuses an expired launch value', async () => {
    const launch = ehrLaunch();
    h.advance(11 * 60_000);
    const params = authorizeParams(h, 'rp-public', { launch });
    expectRedirectError(await authorize(h, params), 'invalid_request', params.state);
  });

  it('refuses an aud that is not the FHIR base URL', async () => {
    const params = authorizeParams(h, 'rp-public', { launch: ehrLaunch(), aud: h.state.authBaseUrl });
    expectRedirectError(await authorize(h, params), 'invalid_request', params.state);
  });

  it('refuses a request without state (and cannot echo one)', async () => {
    const params = omit(authorizeParams(h, 'rp-public', { launch: ehrLaunch() }), 'state');
    expectRedirectError(await authorize(h, params), 'invalid_request', undefined);
  });

  it('refuses response types other than code', async () => {
    const params = authorizeParams(h, 'rp-public', { launch: ehrLaunch(), response_type: 'token' });
    expectRedirectError(await authorize(h, params), 'unsupported_response_type', params.state);
  });

  it('refuses an EHR launch that does not ask for the launch scope', async () => {
    const params = authorizeParams(h, 'rp-public', {
      launch: ehrLaunch(),
      scope: 'openid fhirUser patient/*.rs',
    });
    expectRedirectError(await authorize(h, params), 'invalid_scope', params.state);
  });
});

describe('granted scope', () => {
  async function grantedScope(
    clientId: string,
    scope: string,
    method: 'GET' | 'POST' = 'GET',
  ): Promise<Record<string, unknown>> {
    const pkce = pkcePair();
    const res = await authorize(
      h,
      authorizeParams(h, clientId, { launch: ehrLaunch(), scope, code_challenge: pkce.challenge }),
      method,
    );
    expect(res.status).toBe(method === 'GET' ? 302 : 303);
    const code = res.location!.searchParams.get('code')!;
    const tok = await token(h, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: CLIENT_REDIRECT,
      code_verifier: pkce.verifier,
      client_id: clientId,
    });
    expect(tok.status).toBe(200);
    return tok.json;
  }

  it('grants v1 spellings as asked', async () => {
    const body = await grantedScope(
      'rp-public',
      'launch openid fhirUser patient/Observation.read user/DocumentReference.write',
    );
    expect(body.scope).toBe('launch openid fhirUser patient/Observation.read user/DocumentReference.write');
  });

  it('grants v2 spellings as asked', async () => {
    const body = await grantedScope(
      'rp-public',
      'launch patient/Observation.rs patient/Condition.cr user/DocumentReference.cu',
    );
    expect(body.scope).toBe('launch patient/Observation.rs patient/Condition.cr user/DocumentReference.cu');
  });

  it('narrows to the registration, keeping each spelling and the launch scope', async () => {
    const body = await grantedScope(
      'rp-narrow',
      'launch openid fhirUser offline_access patient/Observation.read patient/Condition.cruds user/DocumentReference.write user/DocumentReference.cruds',
    );
    expect(body.scope).toBe(
      'launch openid fhirUser patient/Observation.read patient/Condition.rs user/DocumentReference.cr',
    );
    expect(body).not.toHaveProperty('refresh_token');
  });

  it('works by form POST to the authorize endpoint', async () => {
    const body = await grantedScope('rp-public', 'launch patient/*.rs', 'POST');
    expect(body.patient).toBe('rp-pat-alvarez');
    expect(body.need_patient_banner).toBe(true);
  });
});

describe('v1-only scope syntax (an Epic release before Nov 2024)', () => {
  beforeEach(() => {
    h.state.scopeSyntax = 'v1';
  });
  afterEach(() => {
    h.state.scopeSyntax = 'v2';
  });

  it('refuses a v2 resource scope with invalid_scope, redirected with state and iss', async () => {
    const params = authorizeParams(h, 'rp-public', {
      launch: ehrLaunch(),
      scope: 'launch openid fhirUser patient/Patient.rs',
    });
    const res = await authorize(h, params);
    expectRedirectError(res, 'invalid_scope', params.state);
    expect(res.location!.searchParams.get('error_description')).toContain('patient/Patient.rs');
  });

  it('refuses a request mixing v1 and v2 resource scopes, by form POST too', async () => {
    const params = authorizeParams(h, 'rp-public', {
      launch: ehrLaunch(),
      scope: 'launch patient/Observation.read user/DocumentReference.cu',
    });
    const res = await authorize(h, params, 'POST');
    expect(res.status).toBe(303);
    expect(res.location!.searchParams.get('error')).toBe('invalid_scope');
    expect(res.location!.searchParams.get('state')).toBe(params.state);
    expect(res.location!.searchParams.get('iss')).toBe(h.state.authBaseUrl);
  });

  it('grants the same v2 request once the syntax is v2 again', async () => {
    h.state.scopeSyntax = 'v2';
    const params = authorizeParams(h, 'rp-public', {
      launch: ehrLaunch(),
      scope: 'launch openid fhirUser patient/Patient.rs',
    });
    const res = await authorize(h, params);
    expect(res.location!.searchParams.get('code')).toBeTruthy();
  });

  it('works end to end for a client that reads discovery and asks in v1', async () => {
    const discovery = (await (
      await fetch(`${h.state.fhirBaseUrl}/.well-known/smart-configuration`)
    ).json()) as { capabilities: string[]; scopes_supported: string[] };
    expect(prefersV2Scopes(discovery)).toBe(false);
    const scope = toV1Scopes('launch openid fhirUser patient/*.rs user/DocumentReference.cu');
    expect(scope).toBe('launch openid fhirUser patient/*.read user/DocumentReference.write');

    const pkce = pkcePair();
    const res = await authorize(
      h,
      authorizeParams(h, 'rp-public', { launch: ehrLaunch(), scope, code_challenge: pkce.challenge }),
    );
    expect(res.status).toBe(302);
    expect(res.location!.searchParams.get('iss')).toBe(h.state.authBaseUrl);
    const tok = await token(h, {
      grant_type: 'authorization_code',
      code: res.location!.searchParams.get('code')!,
      redirect_uri: CLIENT_REDIRECT,
      code_verifier: pkce.verifier,
      client_id: 'rp-public',
    });
    expect(tok.status).toBe(200);
    expect(tok.json).toMatchObject({ scope, patient: 'rp-pat-alvarez', token_type: 'Bearer' });
    expect(typeof tok.json.id_token).toBe('string');
    const grant = h.state.grants.verifyAccessToken(tok.json.access_token as string);
    expect(grant?.scope).toBe(scope);
    const parsed = parseScopes(grant!.scope);
    expect(scopesAllow(parsed, 'Patient', 'r', ['patient'])).toBe(true);
    expect(scopesAllow(parsed, 'DocumentReference', 'c', ['user'])).toBe(true);
    expect(scopesAllow(parsed, 'Condition', 'c')).toBe(false);
  });

  it('narrows a v1 request to the registration in v1 spelling', async () => {
    const pkce = pkcePair();
    const scope = 'launch patient/*.read user/DocumentReference.write user/Condition.write';
    const res = await authorize(
      h,
      authorizeParams(h, 'rp-narrow', { launch: ehrLaunch(), scope, code_challenge: pkce.challenge }),
    );
    const tok = await token(h, {
      grant_type: 'authorization_code',
      code: res.location!.searchParams.get('code')!,
      redirect_uri: CLIENT_REDIRECT,
      code_verifier: pkce.verifier,
      client_id: 'rp-narrow',
    });
    // rp-narrow may have user/DocumentReference.cr: v1 cannot say "create only", so no write.
    expect(tok.json.scope).toBe('launch patient/*.read');
  });
});
