import { describe, expect, it } from 'vitest';
import { patientFixtures } from '../../fhir-fixtures/patients/index.ts';
import { contextFromBundle } from './context-from-bundle.ts';

const fixture = patientFixtures[0]!;

describe('contextFromBundle', () => {
  it('builds the chart a launch would show, for the bundle’s patient and encounter', async () => {
    const context = await contextFromBundle(fixture.bundle('2026-11-25'), {
      encounterId: fixture.encounterId,
      now: new Date('2026-11-25T12:00:00Z'),
    });
    expect(context.patient.ref).toBe(`Patient/${fixture.patientId}`);
    expect(context.encounter).toMatchObject({
      status: 'ok',
      data: { ref: `Encounter/${fixture.encounterId}` },
    });
    expect(context.medications.status).toBe('ok');
  });

  it('refuses what is not a bundle, or a bundle without a patient', async () => {
    await expect(contextFromBundle({ resourceType: 'Patient', id: 'x' })).rejects.toMatchObject({
      code: 'bad_request',
    });
    await expect(
      contextFromBundle({ resourceType: 'Bundle', type: 'collection', entry: [] }),
    ).rejects.toThrow(/no Patient/);
  });
});
