import type { Observation } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScopes } from '../../../launch/scopes.ts';
import type { AccessGrant } from '../grants.ts';
import { accessForGrant, fencedPatient, permits } from './access-policy.ts';
import { ensureFhirDefinitions } from './fhir-definitions.ts';

beforeAll(() => ensureFhirDefinitions());

const grant = (scope: string, patient?: string): AccessGrant => ({
  clientId: 'c',
  scope,
  scopes: parseScopes(scope),
  ...(patient ? { patient } : {}),
  expiresAt: Number.MAX_SAFE_INTEGER,
});
const vital = (patient: string): Observation => ({
  resourceType: 'Observation',
  status: 'final',
  category: [{ coding: [{ code: 'vital-signs' }] }],
  code: {},
  subject: { reference: `Patient/${patient}` },
});

describe('accessForGrant', () => {
  it('fences patient scopes to the launch patient for compartment types only', () => {
    const policy = accessForGrant(grant('patient/*.rs', 'a'));
    const access = policy('Observation', 'r');
    expect(access.allowed && fencedPatient(access)).toBe('a');
    expect(access.allowed && permits(access, vital('a'))).toBe(true);
    expect(access.allowed && permits(access, vital('b'))).toBe(false);
    expect(policy('Practitioner', 'r')).toEqual({ allowed: true, conditions: 'all' });
  });

  it('lets a user scope lift the fence a patient scope sets', () => {
    const access = accessForGrant(grant('patient/Observation.rs user/Observation.rs', 'a'))(
      'Observation',
      's',
    );
    expect(access).toEqual({ allowed: true, conditions: 'all' });
  });

  it('refuses interactions no scope covers, with a reason naming the scope needed', () => {
    const access = accessForGrant(grant('patient/Observation.rs', 'a'))('Observation', 'c');
    expect(access.allowed).toBe(false);
    expect(!access.allowed && access.reason).toContain('patient/Observation.c');
  });

  it('refuses patient scopes when no patient is in context', () => {
    expect(accessForGrant(grant('patient/*.rs'))('Observation', 'r').allowed).toBe(false);
  });

  it('applies v2 query filters', () => {
    const access = accessForGrant(grant('user/Observation.rs?category=vital-signs'))('Observation', 'r');
    expect(access.allowed && permits(access, vital('b'))).toBe(true);
    expect(
      access.allowed && permits(access, { ...vital('b'), category: [{ coding: [{ code: 'laboratory' }] }] }),
    ).toBe(false);
    expect(access.allowed && fencedPatient(access)).toBeUndefined();
  });
});
