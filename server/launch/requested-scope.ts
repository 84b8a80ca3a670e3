/**
 * The scope string sent to the EHR: the registration's scopes (kept in v2 spelling), the launch
 * scopes the launch type needs, `openid fhirUser` for the user's identity, in the spelling the
 * EHR advertises.
 *
 * @module
 */
import type { SmartConfiguration } from '../../launch/discovery.ts';
import { prefersV2Scopes, toV1Scopes } from '../../launch/scopes.ts';
import type { LaunchType } from './launch-store.ts';

const LAUNCH_SCOPES: Readonly<Record<LaunchType, readonly string[]>> = {
  ehr: ['launch'],
  standalone: ['launch/patient', 'launch/encounter'],
};

export function requestedScope(
  registrationScopes: string,
  launchType: LaunchType,
  discovery: SmartConfiguration,
): string {
  const wanted = new Set([...LAUNCH_SCOPES[launchType], 'openid', 'fhirUser']);
  for (const scope of registrationScopes.split(/\s+/).filter(Boolean)) {
    // The other launch type's context scopes do not belong in this request.
    if (scope === 'launch' || scope.startsWith('launch/')) continue;
    wanted.add(scope);
  }
  const scope = [...wanted].join(' ');
  return prefersV2Scopes(discovery) ? scope : toV1Scopes(scope);
}
