import { describe, expect, it } from 'vitest';
import type { SmartConfiguration } from '../../launch/discovery.ts';
import { requestedScope } from './requested-scope.ts';

const discovery = (capabilities: string[]): SmartConfiguration => ({
  authorization_endpoint: 'https://ehr.example/authorize',
  token_endpoint: 'https://ehr.example/token',
  capabilities,
  code_challenge_methods_supported: ['S256'],
});

describe('requestedScope', () => {
  it('asks for launch plus identity in an EHR launch, in v2', () => {
    expect(
      requestedScope('patient/Patient.rs launch/patient online_access', 'ehr', discovery(['permission-v2'])),
    ).toBe('launch openid fhirUser patient/Patient.rs online_access');
  });

  it('asks for patient and encounter context in a standalone launch, in v1 for a v1 EHR', () => {
    expect(requestedScope('patient/Patient.rs launch', 'standalone', discovery(['permission-v1']))).toBe(
      'launch/patient launch/encounter openid fhirUser patient/Patient.read',
    );
  });
});
