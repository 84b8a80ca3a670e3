import type { Encounter, Practitioner } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usCoreBundlePath } from '../../shared-data.ts';
import { startSandbox, type RunningSandbox } from '../create-sandbox.ts';
import { signedInUser } from './chart-data.ts';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    today: '2026-03-02',
    bundleFiles: [usCoreBundlePath('355'), usCoreBundlePath('85')],
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
});
afterAll(() => sandbox.close());

const get = async (path: string) => {
  const res = await fetch(sandbox.url + path, { redirect: 'manual' });
  return { status: res.status, text: await res.text() };
};

/** The launch context bound to the chart's app iframe. */
function launchOf(page: string) {
  const src = /<iframe[^>]*src="([^"]+)"/.exec(page)?.[1]?.replaceAll('&amp;', '&');
  expect(src).toBeDefined();
  return sandbox.state.grants.getLaunch(new URL(src!).searchParams.get('launch')!);
}

async function practitionerExists(reference: string | undefined): Promise<boolean> {
  const [type, id] = reference?.split('/') ?? [];
  if (type !== 'Practitioner' || !id) return false;
  return sandbox.state.repo.readResource<Practitioner>(type, id).then(
    () => true,
    () => false,
  );
}

describe('the Synthea US Core patients in the sandbox EHR', () => {
  it('lists both beside the fixtures, each linking to its chart', async () => {
    const { status, text } = await get('/ehr/patients');
    expect(status).toBe(200);
    expect(text).toContain('href="/ehr/chart/355"');
    expect(text).toContain('href="/ehr/chart/85"');
  });

  it.each(['355', '85'])(
    "opens patient %s's chart without a visit, launched as an existing practitioner",
    async (id) => {
      const { status, text } = await get(`/ehr/chart/${id}`);
      expect(status).toBe(200);
      expect(text).toContain('data-testid="ehr-banner"');
      const launch = launchOf(text);
      expect(launch).toMatchObject({ patient: id });
      expect(launch?.encounter).toBeUndefined();
      expect(await practitionerExists(launch?.fhirUser)).toBe(true);
      expect(launch?.fhirUser).toBe(await signedInUser(sandbox.state, undefined));
    },
  );

  it("opens 355's chart for one of its (past) visits as that visit's clinician", async () => {
    const [encounter] = await sandbox.state.repo.searchResources<Encounter>({
      resourceType: 'Encounter',
      filters: [{ code: 'patient', operator: 'eq', value: 'Patient/355' }],
      count: 1,
    });
    expect(encounter).toBeDefined();
    const { status, text } = await get(`/ehr/chart/355?encounter=${encounter!.id}`);
    expect(status).toBe(200);
    const launch = launchOf(text);
    expect(launch).toMatchObject({ patient: '355', encounter: encounter!.id });
    expect(launch?.fhirUser).toBe(encounter!.participant?.[0]?.individual?.reference);
    expect(await practitionerExists(launch?.fhirUser)).toBe(true);
  });

  it("falls back to the default user when a visit's participant is no practitioner it holds", async () => {
    const visit: Encounter = {
      resourceType: 'Encounter',
      status: 'finished',
      class: { code: 'AMB' },
      subject: { reference: 'Patient/355' },
      participant: [{ individual: { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' } }],
    };
    expect(await signedInUser(sandbox.state, visit)).toBe(await signedInUser(sandbox.state, undefined));
  });
});
