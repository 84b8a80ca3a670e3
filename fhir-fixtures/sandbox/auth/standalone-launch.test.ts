import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredApp } from '../state.ts';
import {
  CLIENT_REDIRECT,
  authorize,
  authorizeParams,
  pkcePair,
  startHarness,
  token,
  type Harness,
} from './auth-test-harness.ts';

const app: RegisteredApp = {
  clientId: 'rp-standalone',
  name: 'RevenuePilot <standalone>',
  type: 'public',
  redirectUris: [CLIENT_REDIRECT],
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness([app]);
});
afterAll(() => h.close());

/** Opens the picker and returns its transaction id, the PKCE verifier and the state sent. */
async function openPicker(scope = 'launch/patient openid fhirUser patient/*.rs') {
  const pkce = pkcePair();
  const params = authorizeParams(h, 'rp-standalone', { scope, code_challenge: pkce.challenge });
  const page = await authorize(h, params);
  expect(page.status).toBe(200);
  expect(page.contentType).toMatch(/^text\/html/);
  const transaction = /name="transaction" value="([^"]+)"/.exec(page.body)?.[1];
  expect(transaction).toBeTruthy();
  return { page, transaction: transaction!, verifier: pkce.verifier, state: params.state! };
}

const choose = (form: Record<string, string>) =>
  fetch(`${h.state.authBaseUrl}/authorize/patient`, {
    method: 'POST',
    body: new URLSearchParams(form),
    redirect: 'manual',
  });

describe('standalone launch', () => {
  it('lists the patients with name and birth date, escaping the app name', async () => {
    const { page } = await openPicker();
    expect(page.body).toContain('Maria Alvarez');
    expect(page.body).toContain('1961-04-02');
    expect(page.body).toContain('Theo Brennan');
    expect(page.body).toContain('value="rp-pat-brennan"');
    expect(page.body).toContain('RevenuePilot &lt;standalone&gt;');
    expect(page.body).not.toContain('<standalone>');
  });

  it('completes with the chosen patient and the default practitioner as the user', async () => {
    const { transaction, verifier, state } = await openPicker();
    const res = await choose({ transaction, patient: 'rp-pat-brennan', decision: 'allow' });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('state')).toBe(state);
    const tok = await token(h, {
      grant_type: 'authorization_code',
      code: location.searchParams.get('code')!,
      redirect_uri: CLIENT_REDIRECT,
      code_verifier: verifier,
      client_id: 'rp-standalone',
    });
    expect(tok.status).toBe(200);
    expect(tok.json).toMatchObject({
      patient: 'rp-pat-brennan',
      need_patient_banner: true,
      scope: 'launch/patient openid fhirUser patient/*.rs',
    });
    expect(tok.json).not.toHaveProperty('encounter');
    expect(decodeJwt(tok.json.id_token as string).fhirUser).toBe(
      `${h.state.fhirBaseUrl}/Practitioner/rp-dr-okafor`,
    );
    expect(h.state.grants.verifyAccessToken(tok.json.access_token as string)?.patient).toBe('rp-pat-brennan');
  });

  it('completes each transaction only once', async () => {
    const { transaction } = await openPicker();
    expect((await choose({ transaction, patient: 'rp-pat-alvarez', decision: 'allow' })).status).toBe(303);
    const replay = await choose({ transaction, patient: 'rp-pat-brennan', decision: 'allow' });
    expect(replay.status).toBe(400);
    expect(replay.headers.get('location')).toBeNull();
  });

  it('sends access_denied back when the user cancels', async () => {
    const { transaction, state } = await openPicker();
    const res = await choose({ transaction, decision: 'deny' });
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe(state);
  });

  it('refuses a patient id that is not in the sandbox', async () => {
    const { transaction } = await openPicker();
    const res = await choose({ transaction, patient: 'rp-pat-nobody', decision: 'allow' });
    expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
  });

  it('skips the picker when no patient context is asked for', async () => {
    const res = await authorize(
      h,
      authorizeParams(h, 'rp-standalone', { scope: 'openid fhirUser user/Practitioner.rs' }),
    );
    expect(res.status).toBe(302);
    expect(res.location!.searchParams.get('code')).toBeTruthy();
  });
});
