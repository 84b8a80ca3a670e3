import { describe, expect, it } from 'vitest';
import { parseResourceScope, parseScopes, scopesAllow } from './scopes.ts';

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
