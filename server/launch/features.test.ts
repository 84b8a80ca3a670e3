import { describe, expect, it } from 'vitest';
import { featuresFor } from './features.ts';

describe('featuresFor', () => {
  it('turns on everything a full grant allows', () => {
    const features = featuresFor('launch openid fhirUser patient/*.cruds');
    expect(features.every((f) => f.enabled && f.reason === undefined)).toBe(true);
  });

  it('switches off note filing with a reason when DocumentReference create was not granted', () => {
    const features = featuresFor('openid fhirUser patient/*.rs patient/Condition.c');
    const note = features.find((f) => f.id === 'note-writeback');
    expect(note?.enabled).toBe(false);
    expect(note?.reason).toMatch(/file notes/);
    expect(features.find((f) => f.id === 'diagnosis-writeback')?.enabled).toBe(true);
    expect(features.find((f) => f.id === 'context')?.enabled).toBe(true);
  });

  it('understands v1 grants and reports a missing identity', () => {
    const features = featuresFor('patient/*.read patient/DocumentReference.write');
    expect(features.find((f) => f.id === 'note-writeback')?.enabled).toBe(true);
    expect(features.find((f) => f.id === 'user-identity')?.enabled).toBe(false);
  });
});
