/**
 * How RevenuePilot and the sandbox EHR know each other, both ways, as health-system IT sets it up:
 * the EHR's app registration (client id, launch URL, exact redirect URI, our JWKS URL for
 * `private_key_jwt`) and RevenuePilot's EHR registration (issuer, client id, auth method, vendor,
 * the EHR origins allowed to frame the app, the scopes to ask for).
 *
 * @module
 */
import type { RegisteredApp, SandboxState } from './state.ts';

export const COMPANION_CLIENT_ID = 'revenuepilot-local';

/** What RevenuePilot asks every EHR for, in v2 spelling (converted for v1-only EHRs). */
export const COMPANION_SCOPES = [
  'patient/Patient.rs',
  'patient/Encounter.rs',
  'patient/Condition.crs',
  'patient/MedicationRequest.rs',
  'patient/AllergyIntolerance.rs',
  'patient/Observation.rs',
  'patient/Coverage.rs',
  'patient/DocumentReference.crs',
  'user/Practitioner.rs',
  'online_access',
].join(' ');

export function companionAppRegistration(companionUrl: string): RegisteredApp {
  const base = companionUrl.replace(/\/$/, '');
  return {
    clientId: COMPANION_CLIENT_ID,
    name: 'RevenuePilot',
    type: 'confidential-asymmetric',
    launchUrl: `${base}/launch`,
    redirectUris: [`${base}/callback`],
    jwksUri: `${base}/.well-known/jwks.json`,
  };
}

/** The body of RevenuePilot's admin API call that registers this sandbox as an EHR. */
export interface CompanionEhrRegistration {
  readonly name: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly authMethod: 'private_key_jwt';
  readonly vendor: 'epic' | 'oracle-health' | 'generic';
  readonly frameOrigins: string[];
  readonly scopes: string;
}

export function sandboxEhrRegistration(state: SandboxState): CompanionEhrRegistration {
  return {
    name: 'Sandbox EHR',
    issuer: state.fhirBaseUrl,
    clientId: COMPANION_CLIENT_ID,
    authMethod: 'private_key_jwt',
    vendor: state.vendor,
    frameOrigins: [state.baseUrl],
    scopes: COMPANION_SCOPES,
  };
}
