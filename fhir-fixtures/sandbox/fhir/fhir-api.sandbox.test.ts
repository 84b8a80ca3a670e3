import type { Bundle, CapabilityStatement, Encounter, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientFixtures } from '../../patients/index.ts';
import { startSandbox, type RunningSandbox } from '../create-sandbox.ts';
import { fhirFetch } from './test-server.ts';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, vendor: 'epic' });
});
afterAll(() => sandbox.close());

describe('the FHIR API inside the composed sandbox', () => {
  it('advertises the same SMART endpoints in /metadata as in smart-configuration', async () => {
    const metadata = await fhirFetch<CapabilityStatement>(`${sandbox.fhirBaseUrl}/metadata`, undefined);
    expect(metadata.json.software?.name).toMatch(/^Epic/);
    const smart = (await (
      await fetch(`${sandbox.fhirBaseUrl}/.well-known/smart-configuration`)
    ).json()) as Record<string, string>;
    const uris = metadata.json.rest?.[0]?.security?.extension?.[0]?.extension ?? [];
    expect(uris.find((u) => u.url === 'authorize')?.valueUri).toBe(smart.authorization_endpoint);
    expect(uris.find((u) => u.url === 'token')?.valueUri).toBe(smart.token_endpoint);
  });

  it("serves each fixture patient's chart to a token launched for that patient only", async () => {
    for (const fixture of patientFixtures) {
      const token = sandbox.state.grants.issueAccessToken(
        {
          clientId: 'test',
          scope: 'launch patient/*.rs',
          patient: fixture.patientId,
          encounter: fixture.encounterId,
        },
        60,
      );
      const patient = await fhirFetch<Patient>(`${sandbox.fhirBaseUrl}/Patient/${fixture.patientId}`, token);
      expect(patient.status).toBe(200);
      const encounters = await fhirFetch<Bundle<Encounter>>(
        `${sandbox.fhirBaseUrl}/Encounter?patient=${fixture.patientId}`,
        token,
      );
      expect(encounters.json.entry?.map((e) => e.resource?.id)).toContain(fixture.encounterId);
      const other = patientFixtures.find((f) => f.patientId !== fixture.patientId);
      if (other)
        expect((await fhirFetch(`${sandbox.fhirBaseUrl}/Patient/${other.patientId}`, token)).status).toBe(
          403,
        );
    }
  });
});
