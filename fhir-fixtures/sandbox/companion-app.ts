/**
 * How RevenuePilot is registered with the sandbox EHR: the equivalent of an Epic or Oracle
 * Health app registration (client id, launch URL, exact redirect URIs).
 *
 * @module
 */
import type { RegisteredApp } from './state.ts';

export const COMPANION_CLIENT_ID = 'revenuepilot-local';

export function companionAppRegistration(companionUrl: string): RegisteredApp {
  const base = companionUrl.replace(/\/$/, '');
  return {
    clientId: COMPANION_CLIENT_ID,
    name: 'RevenuePilot',
    // The SMART launch (next issue) registers our JWKS and switches to private_key_jwt.
    type: 'public',
    launchUrl: `${base}/launch`,
    redirectUris: [`${base}/callback`],
  };
}
