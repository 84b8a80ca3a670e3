import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredApp } from '../state.ts';
import {
  CLIENT_REDIRECT,
  DOCTOR,
  authorize,
  authorizeParams,
  pkcePair,
  startHarness,
  token,
  type Harness,
} from './auth-test-harness.ts';

const publicApp: RegisteredApp = {
  clientId: 'rp-public',
  name: 'Public',
  type: 'public',
  redirectUris: [CLIENT_REDIRECT],
};
const otherPublic: RegisteredApp = { ...publicApp, clientId: 'rp-other', name: 'Other' };
const symmetricApp: RegisteredApp = {
  clientId: 'rp-sym',
  name: 'Symmetric',
  type: 'confidential-symmetric',
  redirectUris: [CLIENT_REDIRECT],
  clientSecret: 's3cr3t-that-is-long-enough-for-a-test',
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness([publicApp, otherPublic, symmetricApp]);
});
afterAll(() => h.close());

/** Runs an EHR launch's authorize step and returns the code and its verifier. */
async function codeFor(
  clientId: string,
  scope = 'launch openid fhirUser patient/*.rs',
  needPatientBanner = true,
): Promise<{ code: string; verifier: string }> {
  const launch = h.state.grants.createLaunch({
    patient: 'rp-pat-brennan',
    fhirUser: DOCTOR,
    needPatientBanner,
  });
  const pkce = pkcePair();
  const res = await authorize(
    h,
    authorizeParams(h, clientId, { launch, scope, code_challenge: pkce.challenge }),
  );
  const code = res.location?.searchParams.get('code');
  expect(code).toBeTruthy();
  return { code: code!, verifier: pkce.verifier };
}

const exchange = (clientId: string, code: string, verifier: string, extra: Record<string, string> = {}) =>
  token(h, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: CLIENT_REDIRECT,
    code_verifier: verifier,
    client_id: clientId,
    ...extra,
  });

function expectError(res: Awaited<ReturnType<typeof token>>, status: number, error: string): void {
  expect(res.status).toBe(status);
  expect(res.json.error).toBe(error);
  expect(typeof res.json.error_description).toBe('string');
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.json).not.toHaveProperty('access_token');
}

describe('authorization_code grant', () => {
  it('refuses a wrong PKCE verifier', async () => {
    const { code } = await codeFor('rp-public');
    expectError(await exchange('rp-public', code, pkcePair().verifier), 400, 'invalid_grant');
  });

  it('refuses a reused code and revokes the token the first use produced', async () => {
    const { code, verifier } = await codeFor('rp-public');
    const first = await exchange('rp-public', code, verifier);
    expect(first.status).toBe(200);
    expect(h.state.grants.verifyAccessToken(first.json.access_token as string)).toBeDefined();
    expectError(await exchange('rp-public', code, verifier), 400, 'invalid_grant');
    expect(h.state.grants.verifyAccessToken(first.json.access_token as string)).toBeUndefined();
  });

  it('refuses a code after its minute is up', async () => {
    const { code, verifier } = await codeFor('rp-public');
    h.advance(61_000);
    expectError(await exchange('rp-public', code, verifier), 400, 'invalid_grant');
  });

  it('refuses a code presented by another client', async () => {
    const { code, verifier } = await codeFor('rp-public');
    expectError(await exchange('rp-other', code, verifier), 400, 'invalid_grant');
  });

  it('refuses a different redirect_uri', async () => {
    const { code, verifier } = await codeFor('rp-public');
    expectError(
      await exchange('rp-public', code, verifier, { redirect_uri: `${CLIENT_REDIRECT}/` }),
      400,
      'invalid_grant',
    );
  });

  it('refuses a body that is not form-encoded', async () => {
    const res = await fetch(h.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'rp-public' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('refuses an unsupported grant type', async () => {
    expectError(
      await token(h, { grant_type: 'password', client_id: 'rp-public' }),
      400,
      'unsupported_grant_type',
    );
  });
});

describe('confidential-symmetric clients', () => {
  const basic = (id: string, secret: string) => ({
    Authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
  });

  it('authenticate with client_secret_basic and client_secret_post', async () => {
    const a = await codeFor('rp-sym');
    const viaBasic = await token(
      h,
      {
        grant_type: 'authorization_code',
        code: a.code,
        redirect_uri: CLIENT_REDIRECT,
        code_verifier: a.verifier,
      },
      basic('rp-sym', symmetricApp.clientSecret!),
    );
    expect(viaBasic.status).toBe(200);
    const b = await codeFor('rp-sym');
    const viaPost = await exchange('rp-sym', b.code, b.verifier, {
      client_secret: symmetricApp.clientSecret!,
    });
    expect(viaPost.status).toBe(200);
  });

  it('are refused with a wrong secret, by either method', async () => {
    const { code, verifier } = await codeFor('rp-sym');
    const form = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: CLIENT_REDIRECT,
      code_verifier: verifier,
    };
    const viaBasic = await token(h, form, basic('rp-sym', 'wrong-secret'));
    expectError(viaBasic, 401, 'invalid_client');
    expect(viaBasic.headers.get('www-authenticate')).toMatch(/^Basic/);
    expectError(
      await exchange('rp-sym', code, verifier, { client_secret: 'wrong-secret' }),
      401,
      'invalid_client',
    );
  });

  it('are refused without any secret', async () => {
    const { code, verifier } = await codeFor('rp-sym');
    expectError(await exchange('rp-sym', code, verifier), 401, 'invalid_client');
  });
});

describe('client_credentials', () => {
  it('is refused for a public client', async () => {
    const res = await token(h, {
      grant_type: 'client_credentials',
      scope: 'system/Patient.rs',
      client_id: 'rp-public',
    });
    expectError(res, 400, 'unauthorized_client');
  });

  it('is refused for a public client that sends a secret it does not have', async () => {
    const res = await token(h, {
      grant_type: 'client_credentials',
      scope: 'system/Patient.rs',
      client_id: 'rp-public',
      client_secret: 'x',
    });
    expectError(res, 401, 'invalid_client');
  });
});

describe('refresh_token grant', () => {
  it('refreshes with offline_access, narrower scope allowed, wider refused, tokens rotated', async () => {
    const scope = 'launch openid fhirUser offline_access patient/*.rs';
    const { code, verifier } = await codeFor('rp-public', scope);
    const first = await exchange('rp-public', code, verifier);
    expect(first.status).toBe(200);
    const refreshToken = first.json.refresh_token as string;
    expect(refreshToken).toBeTruthy();

    expectError(
      await token(h, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'rp-other' }),
      400,
      'invalid_grant',
    );
    expectError(
      await token(h, {
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: 'rp-public',
        scope: 'patient/*.cruds',
      }),
      400,
      'invalid_scope',
    );

    const narrower = await token(h, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: 'rp-public',
      scope: 'patient/Observation.rs offline_access',
    });
    expect(narrower.status).toBe(200);
    expect(narrower.json).toMatchObject({
      scope: 'patient/Observation.rs offline_access',
      patient: 'rp-pat-brennan',
      token_type: 'Bearer',
    });
    const grant = h.state.grants.verifyAccessToken(narrower.json.access_token as string);
    expect(grant?.patient).toBe('rp-pat-brennan');
    expect(grant?.scope).toBe('patient/Observation.rs offline_access');

    expectError(
      await token(h, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'rp-public' }),
      400,
      'invalid_grant',
    );
    const again = await token(h, {
      grant_type: 'refresh_token',
      refresh_token: narrower.json.refresh_token as string,
      client_id: 'rp-public',
    });
    expect(again.status).toBe(200);
    expect(again.json.scope).toBe(scope);
  });
});

describe('vendor profiles', () => {
  afterEach(() => {
    h.state.vendor = 'generic';
  });

  const refresh = (refreshToken: string) =>
    token(h, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'rp-public' });

  it('generic: need_patient_banner is a JSON boolean', async () => {
    for (const banner of [true, false]) {
      const { code, verifier } = await codeFor('rp-public', undefined, banner);
      const res = await exchange('rp-public', code, verifier);
      expect(res.json.need_patient_banner).toBe(banner);
    }
  });

  it('epic: need_patient_banner is the string "true" or "false", on refreshes too', async () => {
    h.state.vendor = 'epic';
    const shown = await codeFor('rp-public', undefined, true);
    expect((await exchange('rp-public', shown.code, shown.verifier)).json.need_patient_banner).toBe('true');

    const hidden = await codeFor('rp-public', 'launch offline_access patient/*.rs', false);
    const first = await exchange('rp-public', hidden.code, hidden.verifier);
    expect(first.json.need_patient_banner).toBe('false');
    const refreshed = await refresh(first.json.refresh_token as string);
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.need_patient_banner).toBe('false');
  });

  it('oracle-health: a refresh returns no new refresh token and the old one keeps working', async () => {
    h.state.vendor = 'oracle-health';
    const scope = 'launch offline_access patient/*.rs';
    const { code, verifier } = await codeFor('rp-public', scope);
    const first = await exchange('rp-public', code, verifier);
    const refreshToken = first.json.refresh_token as string;
    expect(refreshToken).toBeTruthy();

    const once = await refresh(refreshToken);
    expect(once.status).toBe(200);
    expect(once.json).not.toHaveProperty('refresh_token');
    expect(once.json).toMatchObject({ scope, patient: 'rp-pat-brennan' });
    expect(once.json.expires_in).toBe(h.state.accessTokenLifetimeSeconds);
    expect(h.state.grants.verifyAccessToken(once.json.access_token as string)).toBeDefined();
    expect(once.json.need_patient_banner).toBe(true);

    const twice = await refresh(refreshToken);
    expect(twice.status).toBe(200);
    expect(twice.json).not.toHaveProperty('refresh_token');
    expect(twice.json.access_token).not.toBe(once.json.access_token);
    // Still bound to its client, and still no wider than the original grant.
    expectError(
      await token(h, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'rp-other' }),
      400,
      'invalid_grant',
    );
    expectError(
      await token(h, {
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: 'rp-public',
        scope: 'patient/*.cruds',
      }),
      400,
      'invalid_scope',
    );
  });

  it('generic: a refresh rotates the refresh token and retires the old one', async () => {
    const { code, verifier } = await codeFor('rp-public', 'launch offline_access patient/*.rs');
    const first = await exchange('rp-public', code, verifier);
    const once = await refresh(first.json.refresh_token as string);
    expect(once.status).toBe(200);
    expect(typeof once.json.refresh_token).toBe('string');
    expect(once.json.refresh_token).not.toBe(first.json.refresh_token);
    expectError(await refresh(first.json.refresh_token as string), 400, 'invalid_grant');
  });
});
