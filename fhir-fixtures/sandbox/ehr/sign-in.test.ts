import type { Encounter, Patient, Practitioner } from '@medplum/fhirtypes';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenSandbox, type Listening } from '../listen.ts';
import { loadFixturePatients } from '../load-bundles.ts';
import { SandboxState } from '../state.ts';
import { createEhrPages } from './ehr-pages.ts';
import { BILLING_SPECIALIST, BILLING_SPECIALIST_REF, loadEhrStaff } from './ehr-staff.ts';
import { signedInUser } from './chart-data.ts';

const today = '2026-03-02';
let listening: Listening;
let state: SandboxState;
let base: string;

beforeAll(async () => {
  state = new SandboxState({
    today,
    apps: [
      {
        clientId: 'app-1',
        name: 'Test App',
        type: 'public',
        redirectUris: [],
        launchUrl: 'http://127.0.0.1:9/launch',
      },
    ],
  });
  await state.repo.updateResource<Practitioner>({
    resourceType: 'Practitioner',
    id: 'doc',
    name: [{ family: 'Example', given: ['Dana'] }],
  });
  await state.repo.updateResource<Patient>({
    resourceType: 'Patient',
    id: 'p1',
    name: [{ family: 'Alpha', given: ['Test'] }],
  });
  await state.repo.updateResource<Encounter>({
    resourceType: 'Encounter',
    id: 'e-p1',
    status: 'arrived',
    class: { code: 'AMB' },
    subject: { reference: 'Patient/p1' },
    period: { start: `${today}T09:00:00-05:00` },
    participant: [{ individual: { reference: 'Practitioner/doc' } }],
  });
  await loadEhrStaff(state);
  listening = await listenSandbox(state, express().use('/ehr', createEhrPages(state)), { host: '127.0.0.1' });
  base = listening.url;
});
afterAll(() => listening.close());

async function launchUserOfChart(cookie?: string): Promise<string | undefined> {
  const res = await fetch(`${base}/ehr/chart/p1?encounter=e-p1`, cookie ? { headers: { cookie } } : {});
  const src = /<iframe[^>]*src="([^"]+)"/.exec(await res.text())?.[1]?.replaceAll('&amp;', '&');
  return state.grants.getLaunch(new URL(src!).searchParams.get('launch')!)?.fhirUser;
}

async function signIn(user: string): Promise<Response> {
  return fetch(`${base}/ehr/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ user }),
    redirect: 'manual',
  });
}

describe('signing in to the sandbox EHR', () => {
  it('launches the app as the visit’s clinician until someone signs in', async () => {
    expect(await launchUserOfChart()).toBe('Practitioner/doc');
  });

  it('lists the EHR’s users, the billing specialist with her role', async () => {
    const page = await (await fetch(`${base}/ehr/sign-in`)).text();
    expect(page).toContain('Bea Biller-Testcoder (Certified professional coder (fictional))');
    expect(page).toContain('<option value="doc"');
  });

  it('launches every chart as the signed-in billing specialist, until she signs out', async () => {
    const res = await signIn(BILLING_SPECIALIST.id);
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
    expect(res.headers.getSetCookie()[0]).toMatch(/Path=\/ehr; HttpOnly; SameSite=Lax/);
    expect(await launchUserOfChart(cookie)).toBe(BILLING_SPECIALIST_REF);

    const out = await fetch(`${base}/ehr/sign-out`, {
      method: 'POST',
      headers: { cookie },
      redirect: 'manual',
    });
    expect(out.headers.getSetCookie()[0]).toMatch(/^sandbox_ehr_user=;/);
    expect(await launchUserOfChart('sandbox_ehr_user=')).toBe('Practitioner/doc');
  });

  it('refuses an unknown user and ignores a cookie naming one', async () => {
    expect((await signIn('nobody-here')).status).toBe(400);
    expect((await signIn('../../Patient/p1')).status).toBe(400);
    expect(await launchUserOfChart('sandbox_ehr_user=nobody-here')).toBe('Practitioner/doc');
  });
});

describe('the fixture sandbox', () => {
  it('holds the billing specialist, and a fixture clinician stays the default user', async () => {
    const fixtures = new SandboxState({ today });
    await loadFixturePatients(fixtures);
    const bea = await fixtures.repo.readResource<Practitioner>('Practitioner', BILLING_SPECIALIST.id);
    expect(bea.name?.[0]?.text).toBe('Bea Biller-Testcoder');
    expect(await signedInUser(fixtures)).not.toBe(BILLING_SPECIALIST_REF);
    expect(await signedInUser(fixtures)).toMatch(/^Practitioner\/rp-dr-/);
  });
});
