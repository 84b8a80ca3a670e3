import { describe, expect, it } from 'vitest';
import { parseResourceScope, parseScopes, prefersV2Scopes, scopesAllow, toV1Scopes } from './scopes.ts';

describe('parseResourceScope', () => {
  it('reads v2 letters in c-r-u-d-s order', () => {
    const s = parseResourceScope('patient/Observation.rs');
    expect(s?.context).toBe('patient');
    expect(s?.resourceType).toBe('Observation');
    expect([...(s?.interactions ?? [])]).toEqual(['r', 's']);
    expect(s?.version).toBe(2);
  });

  it('maps v1 read and write to their v2 equivalents', () => {
    expect([...parseResourceScope('user/Condition.read')!.interactions]).toEqual(['r', 's']);
    expect([...parseResourceScope('user/Condition.write')!.interactions]).toEqual(['c', 'u', 'd']);
    expect(parseResourceScope('patient/*.*')!.interactions.size).toBe(5);
  });

  it('keeps a v2 query filter', () => {
    expect(parseResourceScope('patient/Observation.rs?category=vital-signs')?.query).toBe(
      'category=vital-signs',
    );
  });

  it.each([
    'patient/Observation.sr',
    'patient/Observation.rr',
    'patient/Observation.x',
    'patient/observation.rs',
    'launch',
    'user/Condition.read?x=1',
  ])('refuses %s as a resource scope', (raw) => expect(parseResourceScope(raw)).toBeUndefined());
});

describe('scopesAllow', () => {
  const scopes = parseScopes('launch openid fhirUser patient/*.rs user/DocumentReference.c');

  it('separates non-resource scopes', () => {
    expect([...scopes.other]).toEqual(['launch', 'openid', 'fhirUser']);
  });

  it('allows what the grant names and nothing more', () => {
    expect(scopesAllow(scopes, 'Condition', 'r')).toBe(true);
    expect(scopesAllow(scopes, 'Condition', 'c')).toBe(false);
    expect(scopesAllow(scopes, 'DocumentReference', 'c')).toBe(true);
    expect(scopesAllow(scopes, 'DocumentReference', 'c', ['patient'])).toBe(false);
  });
});

describe('scope spelling for the EHR', () => {
  it('prefers v2 when the EHR says permission-v2 or lists a v2 scope', () => {
    expect(prefersV2Scopes({ capabilities: ['permission-v2'] })).toBe(true);
    expect(prefersV2Scopes({ capabilities: ['permission-v1'] })).toBe(false);
    expect(prefersV2Scopes({ capabilities: [], scopes_supported: ['patient/*.rs'] })).toBe(true);
    expect(prefersV2Scopes({ capabilities: [], scopes_supported: ['patient/*.read'] })).toBe(false);
  });

  it('spells v2 scopes in v1', () => {
    expect(
      toV1Scopes('launch openid patient/Observation.rs patient/DocumentReference.crs user/Condition.c'),
    ).toBe(
      'launch openid patient/Observation.read patient/DocumentReference.read patient/DocumentReference.write user/Condition.write',
    );
    expect(toV1Scopes('patient/Observation.rs?category=laboratory patient/Patient.read')).toBe(
      'patient/Observation.read patient/Patient.read',
    );
  });
});
