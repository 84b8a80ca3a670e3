/**
 * What the plugin may show about how it was opened. Only the EHR's host is read: the `launch`
 * value is opaque and is never displayed, stored or sent anywhere but the server.
 *
 * @module
 */

export interface LaunchInfo {
  /** Host of the FHIR server that launched the app, e.g. `fhir.example.org`; undefined when opened directly. */
  readonly ehrHost: string | undefined;
}

export function readLaunchInfo(search: string): LaunchInfo {
  const iss = new URLSearchParams(search).get('iss');
  if (!iss) return { ehrHost: undefined };
  try {
    return { ehrHost: new URL(iss).host };
  } catch {
    return { ehrHost: undefined };
  }
}
