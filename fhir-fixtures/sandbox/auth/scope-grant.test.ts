import { describe, expect, it } from 'vitest';
import { isWithinScope, narrowScope } from './scope-grant.ts';

const user = { contexts: ['patient', 'user'] as const, keepLaunchScopes: true };

describe('narrowScope', () => {
  it('grants everything known when the app has no registered limit', () => {
    expect(
      narrowScope('launch openid fhirUser patient/*.read user/Condition.cr made-up', undefined, user),
    ).toEqual(['launch', 'openid', 'fhirUser', 'patient/*.read', 'user/Condition.cr']);
  });

  it('drops system scopes from user-facing flows', () => {
    expect(narrowScope('system/*.rs patient/*.rs', undefined, user)).toEqual(['patient/*.rs']);
  });

  it('reduces v2 scopes to the allowed letters and v1 scopes to what v1 can say', () => {
    const allowed = 'patient/*.rs user/DocumentReference.cr';
    expect(
      narrowScope(
        'patient/Observation.cruds patient/*.* user/DocumentReference.write user/DocumentReference.read',
        allowed,
        user,
      ),
    ).toEqual(['patient/Observation.rs', 'patient/*.read']);
  });

  it('honours v2 query filters: a filtered allowance covers only the same filter', () => {
    const allowed = 'patient/Observation.rs?category=vital-signs';
    expect(
      narrowScope('patient/Observation.rs?category=vital-signs patient/Observation.rs', allowed, user),
    ).toEqual(['patient/Observation.rs?category=vital-signs']);
  });

  it('keeps launch scopes but not unlisted openid or offline_access', () => {
    expect(narrowScope('launch launch/patient openid offline_access', 'patient/*.rs', user)).toEqual([
      'launch',
      'launch/patient',
    ]);
  });
});

describe('isWithinScope', () => {
  it('accepts the same or a narrower scope and refuses a wider one', () => {
    const original = 'launch offline_access patient/*.read';
    expect(isWithinScope('patient/Observation.rs offline_access', original)).toBe(true);
    expect(isWithinScope(original, original)).toBe(true);
    expect(isWithinScope('patient/*.write', original)).toBe(false);
    expect(isWithinScope('user/*.read', original)).toBe(false);
    expect(isWithinScope('openid', original)).toBe(false);
    expect(isWithinScope('', original)).toBe(false);
  });
});
