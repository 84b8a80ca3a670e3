import type { DocumentReference, Encounter, Patient, Practitioner } from '@medplum/fhirtypes';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenSandbox, type Listening } from '../listen.ts';
import { SandboxState } from '../state.ts';
import { createEhrPages } from './ehr-pages.ts';

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
  for (const [id, family, time] of [
    ['p1', 'Alpha', '09:00'],
    ['p2', 'Beta', '08:30'],
  ] as const) {
    await state.repo.updateResource<Patient>({
      resourceType: 'Patient',
      id,
      name: [{ family, given: ['Test'] }],
      birthDate: '1960-01-01',
    });
    await state.repo.updateResource<Encounter>({
      resourceType: 'Encounter',
      id: `e-${id}`,
      status: 'arrived',
      class: { code: 'AMB' },
      subject: { reference: `Patient/${id}` },
      period: { start: `${today}T${time}:00-05:00` },
      participant: [{ individual: { reference: 'Practitioner/doc' } }],
    });
  }
  await state.repo.updateResource<DocumentReference>({
    resourceType: 'DocumentReference',
    id: 'n1',
    status: 'current',
    subject: { reference: 'Patient/p1' },
    date: '2026-01-05T10:00:00Z',
    content: [
      {
        attachment: {
          contentType: 'text/plain',
          data: Buffer.from('Prior note <b>text</b>').toString('base64'),
        },
      },
    ],
  });
  const app = express().use('/ehr', createEhrPages(state));
  listening = await listenSandbox(state, app, { host: '127.0.0.1' });
  base = listening.url;
});

afterAll(() => listening.close());

const get = async (path: string) => {
  const res = await fetch(base + path, { redirect: 'manual' });
  return { status: res.status, text: await res.text(), location: res.headers.get('location') };
};

describe('sandbox EHR pages', () => {
  it("lists today's visits in time order", async () => {
    const { text } = await get('/ehr');
    expect(text.indexOf('Beta')).toBeGreaterThan(0);
    expect(text.indexOf('Beta')).toBeLessThan(text.indexOf('Alpha'));
  });

  it('hosts the app in an iframe with iss and a launch bound to patient, visit and user', async () => {
    const { text } = await get('/ehr/chart/p1?encounter=e-p1');
    const src = /<iframe[^>]*src="([^"]+)"/.exec(text)?.[1]?.replaceAll('&amp;', '&');
    expect(src).toBeDefined();
    const url = new URL(src!);
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:9/launch');
    expect(url.searchParams.get('iss')).toBe(`${base}/fhir/r4`);
    const context = state.grants.getLaunch(url.searchParams.get('launch')!);
    expect(context).toMatchObject({
      patient: 'p1',
      encounter: 'e-p1',
      fhirUser: 'Practitioner/doc',
      needPatientBanner: false,
    });
  });

  it('refuses a visit that belongs to another patient', async () => {
    expect((await get('/ehr/chart/p1?encounter=e-p2')).status).toBe(404);
  });

  it('switches patient by relaunching the chart of the chosen visit', async () => {
    const { status, location } = await get('/ehr/switch?encounter=e-p2');
    expect(status).toBe(302);
    expect(location).toBe('/ehr/chart/p2?encounter=e-p2');
  });

  it('opens two charts side by side, each with its own launch', async () => {
    const { status, text } = await get('/ehr/side-by-side?left=e-p1&right=e-p2');
    expect(status).toBe(200);
    const launches = [...text.matchAll(/launch=([\w-]+)/g)].map(
      (m) => state.grants.getLaunch(m[1]!)?.patient,
    );
    expect(launches).toEqual(['p1', 'p2']);
  });

  it('shows the patient notes with their text escaped', async () => {
    const { text } = await get('/ehr/patients/p1/notes');
    expect(text).toContain('Notes (1)');
    expect(text).toContain('Prior note &lt;b&gt;text&lt;/b&gt;');
  });
});

describe('EHR banner', () => {
  it("shows the visit at the clinic's local time, whatever the server's timezone", async () => {
    const { text } = await get('/ehr/chart/p1?encounter=e-p1');
    expect(text).toContain(`Visit ${today} 09:00`);
    expect(text).toMatch(/DOB 1960-01-01\s+\(\d+ y\)/);
  });
});
