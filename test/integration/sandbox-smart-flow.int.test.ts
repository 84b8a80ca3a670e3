/**
 * The composed sandbox EHR, as an app meets it: the chart page launches the app, the app
 * discovers the SMART endpoints from `iss`, authorizes with PKCE, authenticates with a signed
 * client assertion, and reads FHIR with the token — which the FHIR server holds to the launch
 * patient and the granted scopes. The client side here is written independently with jose.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Bundle, Patient } from '@medplum/fhirtypes';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../fhir-fixtures/sandbox/create-sandbox.ts';

const CLIENT_ID = 'flow-test-app';
const REDIRECT = 'https://app.example.test/callback';

let sandbox: RunningSandbox;
let signingKey: CryptoKey;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES384');
  signingKey = privateKey;
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES384', use: 'sig' };
  sandbox = await startSandbox({
    port: 0,
    apps: [
      {
        clientId: CLIENT_ID,
        name: 'Flow test app',
        type: 'confidential-asymmetric',
        launchUrl: 'https://app.example.test/launch',
        redirectUris: [REDIRECT],
        jwks: { keys: [jwk] },
      },
    ],
  });
});

afterAll(() => sandbox?.close());

async function launchFromFirstVisit(): Promise<{ iss: string; launch: string }> {
  const schedule = await (await fetch(`${sandbox.url}/ehr`)).text();
  const chartPath = /href="(\/ehr\/chart\/[^"]+)"/.exec(schedule)?.[1]?.replaceAll('&amp;', '&');
  const chart = await (await fetch(`${sandbox.url}${chartPath}`)).text();
  const src = new URL(/<iframe[^>]*src="([^"]+)"/.exec(chart)![1]!.replaceAll('&amp;', '&'));
  return { iss: src.searchParams.get('iss')!, launch: src.searchParams.get('launch')! };
}

async function tokenFor(
  scope: string,
): Promise<{ access_token: string; patient: string; encounter: string }> {
  const { iss, launch } = await launchFromFirstVisit();
  const smart = (await (await fetch(`${iss}/.well-known/smart-configuration`)).json()) as Record<
    string,
    string
  >;
  const verifier = randomBytes(48).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const authorize = new URL(smart.authorization_endpoint!);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT,
    scope,
    state,
    aud: iss,
    launch,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const redirect = await fetch(authorize, { redirect: 'manual' });
  const back = new URL(redirect.headers.get('location')!);
  expect(back.searchParams.get('state')).toBe(state);

  const now = Math.floor(Date.now() / 1000);
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: 'ES384', kid: 'k1', typ: 'JWT' })
    .setIssuer(CLIENT_ID)
    .setSubject(CLIENT_ID)
    .setAudience(smart.token_endpoint!)
    .setIssuedAt(now)
    .setExpirationTime(now + 240)
    .setJti(randomUUID())
    .sign(signingKey);
  const res = await fetch(smart.token_endpoint!, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: back.searchParams.get('code')!,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { access_token: string; patient: string; encounter: string };
}

const fhir = (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${sandbox.fhirBaseUrl}/${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json', ...init.headers },
  });

describe('sandbox EHR launch → token → FHIR', () => {
  it("reads the launch patient's chart with the token the authorization server issued", async () => {
    const grant = await tokenFor('launch openid fhirUser patient/*.rs');
    const patient = (await (await fhir(`Patient/${grant.patient}`, grant.access_token)).json()) as Patient;
    expect(patient.id).toBe(grant.patient);
    expect((await fhir(`Encounter/${grant.encounter}`, grant.access_token)).status).toBe(200);
    const conditions = (await (
      await fhir(`Condition?patient=${grant.patient}`, grant.access_token)
    ).json()) as Bundle;
    expect(conditions.entry?.length).toBeGreaterThan(0);
  });

  it("refuses another patient's chart and a write the grant does not allow", async () => {
    const grant = await tokenFor('launch patient/*.rs');
    const others = await sandbox.state.repo.searchResources<Patient>({ resourceType: 'Patient', count: 100 });
    const other = others.find((p) => p.id !== grant.patient)!;
    expect((await fhir(`Patient/${other.id}`, grant.access_token)).status).toBe(403);
    expect((await fhir(`Observation?patient=${other.id}`, grant.access_token)).status).toBe(403);
    const create = await fhir('Condition', grant.access_token, {
      method: 'POST',
      body: JSON.stringify({ resourceType: 'Condition', subject: { reference: `Patient/${grant.patient}` } }),
    });
    expect(create.status).toBe(403);
  });

  it('lets a note be filed for the launch patient when the grant allows it, and the EHR shows it', async () => {
    const grant = await tokenFor('launch patient/*.rs patient/DocumentReference.c');
    const note = {
      resourceType: 'DocumentReference',
      status: 'current',
      docStatus: 'preliminary',
      type: { coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }] },
      subject: { reference: `Patient/${grant.patient}` },
      context: { encounter: [{ reference: `Encounter/${grant.encounter}` }] },
      date: new Date().toISOString(),
      content: [
        {
          attachment: {
            contentType: 'text/plain',
            data: Buffer.from('Integration test note').toString('base64'),
          },
        },
      ],
    };
    const created = await fhir('DocumentReference', grant.access_token, {
      method: 'POST',
      body: JSON.stringify(note),
    });
    expect(created.status).toBe(201);
    const page = await (await fetch(`${sandbox.url}/ehr/patients/${grant.patient}/notes`)).text();
    expect(page).toContain('Integration test note');
  });
});
