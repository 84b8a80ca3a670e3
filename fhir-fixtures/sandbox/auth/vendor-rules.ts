/**
 * Where the sandbox's authorization server departs from plain SMART App Launch to impersonate a
 * vendor (`state.vendor`) or an older EHR release (`state.scopeSyntax`). Each quirk is one
 * function here, with the vendor fact it copies (docs: /work/shared/reference/ehr-vendors.md), so
 * the endpoints stay vendor-neutral and a rule that turns out wrong is changed in one place.
 *
 * @module
 */
import { parseResourceScope } from '../../../launch/scopes.ts';
import type { ScopeSyntax, VendorProfileName } from '../state.ts';
import { OAuthError } from './oauth-error.ts';

/**
 * Whether an EHR speaking `syntax` knows how to read `scope`. Epic releases before Nov 2024 know
 * only SMART v1 resource scopes (`.read`/`.write`); v2 (`.cruds`) came with the Nov 2024 release.
 * Non-resource scopes (`launch`, `openid`, …) mean the same in both.
 */
export function scopeSpeaksSyntax(scope: string, syntax: ScopeSyntax): boolean {
  return syntax === 'v2' || parseResourceScope(scope)?.version !== 2;
}

/**
 * The authorize request's refusal, if any, for a scope the EHR's syntax cannot read. A v1-only
 * Epic refuses a v2 resource scope instead of guessing at it: OAuth `invalid_scope`.
 */
export function scopeSyntaxRefusal(requested: Iterable<string>, syntax: ScopeSyntax): OAuthError | undefined {
  const unreadable = [...requested].filter((s) => !scopeSpeaksSyntax(s, syntax));
  if (unreadable.length === 0) return undefined;
  return new OAuthError(
    'invalid_scope',
    `This EHR supports SMART v1 scopes only (.read/.write); refused: ${unreadable.join(' ')}.`,
  );
}

/**
 * Discovery capabilities for `syntax`: a v1-only Epic release advertises `permission-v1` and not
 * `permission-v2` (clients pick their scope spelling from this).
 */
export function capabilitiesFor(capabilities: readonly string[], syntax: ScopeSyntax): string[] {
  return syntax === 'v1' ? capabilities.filter((c) => c !== 'permission-v2') : [...capabilities];
}

/**
 * `need_patient_banner` as the vendor sends it: Epic sends the strings "true"/"false" rather than
 * JSON booleans; SMART (generic) and Oracle Health send booleans.
 */
export function patientBannerValue(
  vendor: VendorProfileName,
  needPatientBanner: boolean,
): boolean | 'true' | 'false' {
  return vendor === 'epic' ? (needPatientBanner ? 'true' : 'false') : needPatientBanner;
}

/**
 * Whether a refresh-token grant rotates the refresh token. Oracle Health's refresh response
 * carries no new refresh token and the old one stays valid for later refreshes; the generic
 * profile (and Epic, as far as known) rotate: a new one is issued and the old one stops working.
 */
export function rotatesRefreshTokens(vendor: VendorProfileName): boolean {
  return vendor !== 'oracle-health';
}
