import { describe, expect, it } from 'vitest';
import { patientFixtures } from '../../../fhir-fixtures/patients/index.ts';
import { SEED_TEMPLATES } from '../templates/seed-templates.ts';
import { fixtureCase, templateIdFor } from './fixture-cases.ts';

const NOW = new Date('2025-03-10T15:00:00Z');

describe('templateIdFor', () => {
  it('picks the specialty template, the diabetes one for the primary-care diabetes visit, SOAP for the sick child', () => {
    const picks = Object.fromEntries(patientFixtures.map((f) => [f.key, templateIdFor(f)]));
    expect(picks).toEqual({
      'primary-care-diabetes': 'diabetes-follow-up',
      'cardiology-heart-failure': 'cardiology-follow-up',
      'endocrinology-type1-thyroid': 'diabetes-follow-up',
      'paediatrics-otitis-media': 'soap-progress',
      'orthopaedics-ankle-sprain': 'orthopaedic-injury',
      'cardiology-chest-pain': 'cardiology-follow-up',
      'behavioural-health-depression': 'behavioural-health-follow-up',
      'primary-care-bronchitis': 'soap-progress',
    });
    const ids = new Set(SEED_TEMPLATES.map((t) => t.id));
    for (const id of Object.values(picks)) expect(ids.has(id)).toBe(true);
  });

  it('falls back to the SOAP note for a specialty it does not know', () => {
    expect(templateIdFor({ key: 'x', specialty: 'dermatology' })).toBe('soap-progress');
  });
});

describe('fixtureCase', () => {
  it('reads the chart for the visit encounter and carries the transcript and gold facts', async () => {
    const fixture = patientFixtures[0]!;
    const c = await fixtureCase(fixture, NOW);
    expect(c.key).toBe(fixture.key);
    expect(c.input).toEqual({ kind: 'transcript', text: fixture.visit.transcript });
    expect(c.keyFacts).toBe(fixture.visit.gold.keyFacts);
    expect(c.context.patient.ref).toBe(`Patient/${fixture.patientId}`);
    expect(c.context.encounter).toMatchObject({
      status: 'ok',
      data: { ref: `Encounter/${fixture.encounterId}` },
    });
    expect(c.context.medications).toMatchObject({ status: 'ok' });
  });
});
