import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
