import { describe, expect, it } from 'vitest';
import {
  capabilitiesFor,
  patientBannerValue,
  rotatesRefreshTokens,
  scopeSpeaksSyntax,
  scopeSyntaxRefusal,
} from './vendor-rules.ts';

describe('scope syntax (Epic before Nov 2024 speaks v1 only)', () => {
  it('lets v2 read every spelling', () => {
    for (const scope of ['patient/Patient.rs', 'user/*.cruds', 'patient/*.read', 'launch', 'openid']) {
      expect(scopeSpeaksSyntax(scope, 'v2')).toBe(true);
    }
    expect(scopeSyntaxRefusal(['patient/Patient.rs', 'user/Condition.read'], 'v2')).toBeUndefined();
  });

  it('lets v1 read v1 resource scopes and non-resource scopes, not v2 ones', () => {
    for (const scope of ['patient/*.read', 'user/DocumentReference.write', 'patient/Patient.*', 'launch']) {
      expect(scopeSpeaksSyntax(scope, 'v1')).toBe(true);
    }
    for (const scope of [
      'patient/Patient.rs',
      'user/*.cruds',
      'patient/Observation.rs?category=vital-signs',
    ]) {
      expect(scopeSpeaksSyntax(scope, 'v1')).toBe(false);
    }
  });

  it('refuses a v1-only request naming every v2 scope, with invalid_scope', () => {
    const refusal = scopeSyntaxRefusal(
      ['launch', 'patient/Patient.rs', 'patient/*.read', 'user/Condition.cr'],
      'v1',
    );
    expect(refusal?.code).toBe('invalid_scope');
    expect(refusal?.description).toContain('patient/Patient.rs user/Condition.cr');
    expect(refusal?.description).not.toContain('patient/*.read');
    expect(scopeSyntaxRefusal(['launch', 'openid', 'patient/*.read'], 'v1')).toBeUndefined();
  });

  it('drops permission-v2 from v1 capabilities only', () => {
    const all = ['launch-ehr', 'permission-v1', 'permission-v2'];
    expect(capabilitiesFor(all, 'v1')).toEqual(['launch-ehr', 'permission-v1']);
    expect(capabilitiesFor(all, 'v2')).toEqual(all);
  });
});

describe('need_patient_banner spelling', () => {
  it('is a string for Epic and a boolean otherwise', () => {
    expect(patientBannerValue('epic', false)).toBe('false');
    expect(patientBannerValue('epic', true)).toBe('true');
    expect(patientBannerValue('generic', false)).toBe(false);
    expect(patientBannerValue('oracle-health', true)).toBe(true);
  });
});

describe('refresh-token rotation', () => {
  it('is skipped for Oracle Health only', () => {
    expect(rotatesRefreshTokens('oracle-health')).toBe(false);
    expect(rotatesRefreshTokens('generic')).toBe(true);
    expect(rotatesRefreshTokens('epic')).toBe(true);
  });
});
