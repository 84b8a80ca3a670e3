/**
 * The SMART launch end to end over HTTP: the sandbox EHR's chart opens RevenuePilot's /launch,
 * which discovers, authorizes by POST with PKCE, and exchanges the code as a confidential
 * asymmetric client. The token request is captured to check the client assertion itself.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ClinicalContext } from '../../server/contract/clinical-context.ts';
import type { LaunchSessionInfo } from '../../server/contract/launch-session.ts';
import { COMPANION_CLIENT_ID } from '../../fhir-fixtures/sandbox/companion-app.ts';
import { usCoreBundlePath } from '../../fhir-fixtures/shared-data.ts';
import { parseScopes } from '../../launch/scopes.ts';
import { startCompanionStack, type CompanionStack } from '../support/companion-stack.ts';
import {
  authorizeLaunch,
  chartLaunchUrl as chartLaunchUrlOf,
  completeLaunch,
  continueLaunch,
  runLaunch,
  type LaunchedSession,
} from '../support/launch-client.ts';

const chartLaunchUrl = (stack: CompanionStack, patientId: string) =>
  chartLaunchUrlOf(stack.sandbox.url, patientId);

async function api<T>(
  stack: CompanionStack,
  session: LaunchedSession,
  path: string,
  auth: 'token' | 'cookie' | 'none' = 'token',
) {
  const headers: Record<string, string> = {};
  if (auth === 'token') headers.authorization = `Bearer ${session.sessionToken}`;
  if (auth === 'cookie' && session.cookie) headers.cookie = session.cookie;
  const res = await fetch(`${stack.serverUrl}/api/launches/${session.launchId}/${path}`, { headers });
  return { status: res.status, body: (await res.json()) as T & { error?: string; message?: string } };
}

describe.each(['RS384', 'ES384'] as const)('confidential asymmetric launch with %s', (alg) => {
  let stack: CompanionStack;
  beforeAll(async () => {
    stack = await startCompanionStack({ assertionAlg: alg });
  });
  afterAll(() => stack?.close());
  afterEach(() => vi.restoreAllMocks());

  it('signs the client assertion with aud = the token endpoint and completes the launch', async () => {
    const tokenRequests: URLSearchParams[] = [];
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/auth/token') && init?.body)
        tokenRequests.push(new URLSearchParams(init.body as string | URLSearchParams));
      return realFetch(input, init);
    });
    const session = await runLaunch(await chartLaunchUrl(stack, 'rp-pt-quill'));

    expect(tokenRequests).toHaveLength(1);
    const assertion = tokenRequests[0]!.get('client_assertion')!;
    expect(tokenRequests[0]!.get('client_assertion_type')).toBe(
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    );
    const header = decodeProtectedHeader(assertion);
    const claims = decodeJwt(assertion);
    expect(header.alg).toBe(alg);
    const jwks = (await (await fetch(`${stack.serverUrl}/.well-known/jwks.json`)).json()) as {
      keys: { kid: string; alg: string }[];
    };
    expect(jwks.keys.find((k) => k.kid === header.kid)?.alg).toBe(alg);
    expect(claims.aud).toBe(`${stack.sandbox.url}/auth/token`);
    expect(claims.iss).toBe(COMPANION_CLIENT_ID);
    expect(claims.sub).toBe(COMPANION_CLIENT_ID);
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(300);

    const info = await api<LaunchSessionInfo>(stack, session, 'session');
    expect(info.status).toBe(200);
    expect(info.body.launchType).toBe('ehr');
    expect(info.body.needPatientBanner).toBe(false);
    expect(info.body.style?.colorError).toBe('#b3261e');
    expect(info.body.features.every((f) => f.enabled)).toBe(true);
    expect(session.csp).toContain(`frame-ancestors ${stack.sandbox.url}`);
  });
});

describe('launch safety', () => {
  let stack: CompanionStack;
  beforeAll(async () => {
    stack = await startCompanionStack();
  });
  afterAll(() => stack?.close());

  it('an unregistered iss gets an error page and no request is sent to it', async () => {
    let hits = 0;
    const stranger = createServer((_req, res) => {
      hits += 1;
      res.end('{}');
    });
    await new Promise<void>((resolve) => stranger.listen(0, '127.0.0.1', resolve));
    const iss = `http://127.0.0.1:${(stranger.address() as AddressInfo).port}/fhir`;
    try {
      const res = await fetch(`${stack.serverUrl}/launch?iss=${encodeURIComponent(iss)}&launch=abc`);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toContain('text/html');
      const page = await res.text();
      expect(page).toContain('This EHR is not registered');
      expect(page).toContain('data-error="ehr_not_registered"');
      expect(hits).toBe(0);
    } finally {
      stranger.close();
    }
  });

  it('reads the context for the launch patient and audits every FHIR read', async () => {
    const session = await runLaunch(await chartLaunchUrl(stack, 'rp-pt-quill'));
    // The first call takes the read the callback started; Refresh reads again.
    for (let call = 0; call < 2; call++) {
      const res = await api<ClinicalContext>(stack, session, 'context');
      expect(res.status).toBe(200);
      expect(res.body.patient.ref).toBe('Patient/rp-pt-quill');
      expect(res.body.problems.status).toBe('ok');
    }

    type Row = {
      action: string;
      actor: string | null;
      request_id: string;
      detail: Record<string, unknown> | null;
    };
    const { rows } = await stack.db.query<Row>(
      `select action, actor, request_id, detail from audit_event where patient_ref = 'Patient/rp-pt-quill' order by id`,
    );
    const authorized = rows.filter((r) => r.action === 'launch.authorize').at(-1)!;
    const calls = rows.filter((r) => r.action === 'api.context.read').slice(-2);
    expect(calls.map((c) => c.detail?.prefetched)).toEqual([true, false]);
    expect(calls.every((c) => c.actor?.includes('Practitioner/'))).toBe(true);
    // Every FHIR read is on record under the request that made it: the callback, then the call.
    for (const requestId of [authorized.request_id, calls[1]!.request_id]) {
      const types = new Set(
        rows
          .filter((r) => r.request_id === requestId && r.action.startsWith('fhir.'))
          .map((r) => r.detail?.resourceType),
      );
      for (const type of [
        'Patient',
        'Condition',
        'MedicationRequest',
        'AllergyIntolerance',
        'Observation',
        'Coverage',
        'DocumentReference',
      ]) {
        expect(types).toContain(type);
      }
    }
  });

  it('a replayed callback is refused', async () => {
    const { cookie, callback } = await authorizeLaunch(await chartLaunchUrl(stack, 'rp-pt-quill'));
    expect((await fetch(callback, { headers: { cookie: cookie! } })).status).toBe(200);
    const replay = await fetch(callback, { headers: { cookie: cookie! } });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('This sign-in has expired');
  });

  it('a callback from another browser (different cookie) is refused', async () => {
    const { cookie, callback } = await authorizeLaunch(await chartLaunchUrl(stack, 'rp-pt-quill'));
    // The same cookie names with another browser's values.
    const attacker = cookie!.replace(/=[\w-]{43}/g, `=${'A'.repeat(43)}`);
    const res = await fetch(callback, { headers: { cookie: attacker } });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('data-error="launch_not_bound"');
  });

  it('works without cookies on the in-memory session token, and the launch id alone opens nothing', async () => {
    const session = await runLaunch(await chartLaunchUrl(stack, 'rp-pt-quill'), { cookies: false });
    expect(session.cookie).toBeUndefined();
    expect((await api(stack, session, 'session')).status).toBe(200);
    const bare = await api(stack, session, 'session', 'none');
    expect(bare.status).toBe(401);
    expect(bare.body.error).toBe('session_unknown');
  });

  it('sets a per-launch binding cookie and the session cookie as __Host-, HttpOnly, Secure, SameSite=None, Partitioned', async () => {
    const res = await fetch(await chartLaunchUrl(stack, 'rp-pt-quill'), { redirect: 'manual' });
    const launchId = /\/launch\/([\w-]{22})\/authorize/.exec(res.headers.get('location')!)![1]!;
    const cookies = res.headers.getSetCookie();
    expect(cookies.map((c) => c.split('=')[0]).sort()).toEqual([
      `__Host-rp_bind_${launchId}`,
      '__Host-rp_session',
    ]);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/^__Host-[\w-]+=[\w-]{43};/);
      for (const attr of ['Path=/', 'HttpOnly', 'Secure', 'SameSite=None', 'Partitioned'])
        expect(cookie).toContain(attr);
    }
    expect(cookies.find((c) => c.startsWith('__Host-rp_bind_'))).toContain('Max-Age=600');
  });

  it('two launches started at once in a browser without cookies both complete, and both survive a reload', async () => {
    const urls = await Promise.all([
      chartLaunchUrl(stack, 'rp-pt-quill'),
      chartLaunchUrl(stack, 'rp-pt-marsh'),
    ]);
    const starts = await Promise.all(urls.map((url) => fetch(url, { redirect: 'manual' })));
    // The browser's jar after both answers: the session cookie of the last one wins, both binding cookies stay.
    const jar = new Map<string, string>();
    for (const res of starts) {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [name, value] = pair!.split('=') as [string, string];
        jar.set(name, value);
      }
    }
    const cookie = [...jar].map(([n, v]) => `${n}=${v}`).join('; ');
    const sessions = await Promise.all(
      starts.map(async (res, i) => completeLaunch(await continueLaunch(res, urls[i]!, cookie), cookie)),
    );
    for (const [i, patient] of ['rp-pt-quill', 'rp-pt-marsh'].entries()) {
      const reload = await api<ClinicalContext>(stack, sessions[i]!, 'context', 'cookie');
      expect(reload.status).toBe(200);
      expect(reload.body.patient.ref).toBe(`Patient/${patient}`);
    }
  });

  it("two launches never mix: one launch's token does not open the other", async () => {
    const a = await runLaunch(await chartLaunchUrl(stack, 'rp-pt-quill'));
    const b = await runLaunch(await chartLaunchUrl(stack, 'rp-pt-marsh'));
    const crossed = await api(stack, { ...a, sessionToken: b.sessionToken }, 'context');
    expect(crossed.status).toBe(401);
    const ctxA = await api<ClinicalContext>(stack, a, 'context');
    const ctxB = await api<ClinicalContext>(stack, b, 'context');
    expect(ctxA.body.patient.ref).toBe('Patient/rp-pt-quill');
    expect(ctxB.body.patient.ref).toBe('Patient/rp-pt-marsh');
  });

  it('refreshes an expired access token with the refresh token, then ends the session when it cannot', async () => {
    const session = await runLaunch(await chartLaunchUrl(stack, 'rp-pt-quill'));
    expect((await api(stack, session, 'context')).status).toBe(200);
    stack.sandbox.state.grants.expireAllAccessTokens();
    const refreshed = await api<ClinicalContext>(stack, session, 'context');
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.patient.ref).toBe('Patient/rp-pt-quill');

    const registration = (await stack.registry.list())[0]!;
    await stack.registry.update(registration.id, {
      scopes: registration.scopes.replace('online_access', '').trim(),
    });
    const noRefresh = await runLaunch(await chartLaunchUrl(stack, 'rp-pt-quill'));
    await stack.registry.update(registration.id, { scopes: registration.scopes });
    expect((await api(stack, noRefresh, 'context')).status).toBe(200);
    stack.sandbox.state.grants.expireAllAccessTokens();
    const ended = await api(stack, noRefresh, 'context');
    expect(ended.status).toBe(401);
    expect(ended.body.error).toBe('session_expired');
    expect(ended.body.message).toContain('Relaunch RevenuePilot');
  });

  it('never logs patient names or tokens', () => {
    const text = stack.log.text();
    expect(text).not.toMatch(/Quill|Marsh/);
    expect(text).not.toMatch(/access_token|eyJ/);
  });
});

describe('US Core patient 355 (129 encounters, 140 observations) with 10-entry pages', () => {
  let stack: CompanionStack;
  beforeAll(async () => {
    stack = await startCompanionStack({
      sandbox: { bundleFiles: [usCoreBundlePath('355')], maxPageSize: 10 },
    });
  });
  afterAll(() => stack?.close());

  it('builds the context by following every next link', async () => {
    const session = await runLaunch(await chartLaunchUrl(stack, '355'));
    const res = await api<ClinicalContext>(stack, session, 'context');
    expect(res.status).toBe(200);
    const context = res.body;
    expect(context.patient.ref).toBe('Patient/355');
    expect(context.encounter.status).toBe('ok');
    if (context.vitals.status !== 'ok' || context.labs.status !== 'ok' || context.problems.status !== 'ok') {
      throw new Error('vitals, labs and problems should all load');
    }
    expect(context.vitals.data.some((series) => series.points.length > 1)).toBe(true);
    expect(context.labs.data.length).toBeGreaterThan(0);

    const { rows } = await stack.db.query<{ detail: { resourceType: string; pages: number; count: number } }>(
      `select detail from audit_event where patient_ref = 'Patient/355' and action = 'fhir.search'`,
    );
    // 27 vital-sign and 10 laboratory observations, in pages of 10: 3 + 1 pages, every one read.
    const observations = rows.filter((r) => r.detail.resourceType === 'Observation');
    expect(observations.reduce((n, r) => n + r.detail.count, 0)).toBe(37);
    expect(observations.reduce((n, r) => n + r.detail.pages, 0)).toBe(4);
    const conditions = rows.find((r) => r.detail.resourceType === 'Condition');
    expect(conditions?.detail.count).toBe(31);
    expect(conditions?.detail.pages).toBe(4);
  });
});

describe('an EHR that grants less than RevenuePilot asks for', () => {
  let stack: CompanionStack;
  beforeAll(async () => {
    stack = await startCompanionStack();
    const app = stack.sandbox.state.apps.get(COMPANION_CLIENT_ID)!;
    // Read-only, no allergies: the grant read back must switch features and the panel off.
    stack.sandbox.state.apps.set(COMPANION_CLIENT_ID, {
      ...app,
      allowedScopes:
        'openid fhirUser online_access patient/Patient.rs patient/Encounter.rs patient/Condition.rs patient/MedicationRequest.rs patient/Observation.rs patient/Coverage.rs patient/DocumentReference.rs user/Practitioner.rs',
    });
  });
  afterAll(() => stack?.close());

  it('switches off what the grant does not allow, each with its reason, and reads nothing it may not', async () => {
    const session = await runLaunch(await chartLaunchUrl(stack, 'rp-pt-quill'));
    const info = await api<LaunchSessionInfo>(stack, session, 'session');
    const off = info.body.features.filter((f) => !f.enabled);
    expect(off.map((f) => f.id).sort()).toEqual(['diagnosis-writeback', 'note-writeback']);
    expect(off.every((f) => typeof f.reason === 'string' && f.reason.length > 20)).toBe(true);

    const context = await api<ClinicalContext>(stack, session, 'context');
    expect(context.body.allergies).toMatchObject({
      status: 'unavailable',
      cause: 'not_granted',
      retryable: false,
    });
    expect(context.body.problems.status).toBe('ok');
    const { rows } = await stack.db.query<{ detail: { resourceType: string } }>(
      `select detail from audit_event where action like 'fhir.%' and patient_ref = 'Patient/rp-pt-quill'`,
    );
    expect(rows.some((r) => r.detail.resourceType === 'AllergyIntolerance')).toBe(false);
  });
});

describe('an EHR with short-lived access tokens', () => {
  let stack: CompanionStack;
  beforeAll(async () => {
    stack = await startCompanionStack({ sandbox: { accessTokenLifetimeSeconds: 6 } });
  });
  afterAll(() => stack?.close());
  afterEach(() => vi.restoreAllMocks());

  it('refreshes before expiry, before reading, rather than waiting for a 401', async () => {
    const session = await runLaunch(await chartLaunchUrl(stack, 'rp-pt-quill'));
    expect((await api(stack, session, 'context')).status).toBe(200);
    // Past half of the 6 s lifetime (expiry is kept in whole seconds): inside the refresh margin,
    // while the EHR still accepts the token, so only a refresh made before reading can explain a
    // token request here.
    await new Promise((resolve) => setTimeout(resolve, 4_200));
    const grants: string[] = [];
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/auth/token'))
        grants.push(new URLSearchParams(init?.body as string).get('grant_type') ?? '');
      return realFetch(input, init);
    });
    const again = await api<ClinicalContext>(stack, session, 'context');
    expect(again.status).toBe(200);
    // One refresh, however many reads follow.
    expect(grants).toEqual(['refresh_token']);
  });
});

describe('other client types the registration may choose', () => {
  let stack: CompanionStack;
  beforeAll(async () => {
    stack = await startCompanionStack();
  });
  afterAll(() => stack?.close());
  afterEach(() => vi.restoreAllMocks());

  async function tokenRequestWith(
    authMethod: 'client_secret_basic' | 'none',
  ): Promise<{ authorization: string | null; body: URLSearchParams }> {
    const secret = 'sandbox-client-secret-with-enough-length-1234';
    const app = stack.sandbox.state.apps.get(COMPANION_CLIENT_ID)!;
    stack.sandbox.state.apps.set(COMPANION_CLIENT_ID, {
      ...app,
      type: authMethod === 'none' ? 'public' : 'confidential-symmetric',
      ...(authMethod === 'none' ? {} : { clientSecret: secret }),
    });
    const registration = (await stack.registry.list())[0]!;
    await stack.registry.update(registration.id, {
      authMethod,
      ...(authMethod === 'none' ? {} : { clientSecret: secret }),
    });
    const seen: { authorization: string | null; body: URLSearchParams }[] = [];
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/auth/token')) {
        seen.push({
          authorization: new Headers(init?.headers).get('authorization'),
          body: new URLSearchParams(init?.body as string),
        });
      }
      return realFetch(input, init);
    });
    try {
      const session = await runLaunch(await chartLaunchUrl(stack, 'rp-pt-quill'));
      expect((await api<ClinicalContext>(stack, session, 'context')).body.patient.ref).toBe(
        'Patient/rp-pt-quill',
      );
    } finally {
      stack.sandbox.state.apps.set(COMPANION_CLIENT_ID, app);
      await stack.registry.update(registration.id, { authMethod: 'private_key_jwt' });
    }
    expect(seen).toHaveLength(1);
    return seen[0]!;
  }

  it('a confidential symmetric client authenticates with HTTP Basic and its stored secret', async () => {
    const { authorization, body } = await tokenRequestWith('client_secret_basic');
    expect(authorization).toMatch(/^Basic /);
    expect(body.has('client_assertion')).toBe(false);
  });

  it('a public client sends only its client id (PKCE protects the code)', async () => {
    const { authorization, body } = await tokenRequestWith('none');
    expect(authorization).toBeNull();
    expect(body.get('client_id')).toBe(COMPANION_CLIENT_ID);
    expect(body.get('code_verifier')).toMatch(/^[\w-]{43,128}$/);
  });
});

describe('vendor profiles', () => {
  afterEach(() => vi.restoreAllMocks());

  it('Epic before SMART v2: asks in v1 spelling, reads the grant in v1, takes need_patient_banner as a string', async () => {
    const stack = await startCompanionStack({ sandbox: { vendor: 'epic', scopeSyntax: 'v1' } });
    try {
      const session = await runLaunch(await chartLaunchUrl(stack, 'rp-pt-quill'));
      const info = await api<LaunchSessionInfo>(stack, session, 'session');
      // The EHR sent "false": the app must not draw a second banner.
      expect(info.body.needPatientBanner).toBe(false);
      expect(info.body.features.every((f) => f.enabled)).toBe(true);
      const { rows } = await stack.db.query<{ granted_scope: string }>(
        'select granted_scope from launch_session where id = $1',
        [session.launchId],
      );
      expect(rows[0]!.granted_scope).toContain('patient/DocumentReference.write');
      expect(parseScopes(rows[0]!.granted_scope).resources.every((scope) => scope.version === 1)).toBe(true);
      const context = await api<ClinicalContext>(stack, session, 'context');
      expect(context.body.allergies.status).toBe('ok');
    } finally {
      await stack.close();
    }
  });

  it('Oracle Health: refreshes more than once although refresh answers carry no new refresh token', async () => {
    const stack = await startCompanionStack({ sandbox: { vendor: 'oracle-health' } });
    try {
      const session = await runLaunch(await chartLaunchUrl(stack, 'rp-pt-quill'));
      expect((await api(stack, session, 'context')).status).toBe(200);
      for (let refresh = 0; refresh < 2; refresh++) {
        stack.sandbox.state.grants.expireAllAccessTokens();
        const again = await api<ClinicalContext>(stack, session, 'context');
        expect(again.status).toBe(200);
      }
    } finally {
      await stack.close();
    }
  });
});
