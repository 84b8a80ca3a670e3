/**
 * Opens a registered app the way an EHR activity does: bind a fresh `launch` value to the
 * chart's patient, visit and signed-in user, then point the frame at the app's launch URL.
 *
 * @module
 */
import type { RegisteredApp, SandboxState } from '../state.ts';

export interface LaunchTarget {
  readonly patient: string;
  readonly encounter?: string;
  readonly fhirUser: string;
  /** Ask the app to show its own patient banner (an EHR view without one); default false. */
  readonly appBanner?: boolean;
}

/** The app to embed: the one named, else the first registered app with a launch URL. */
export function embeddedApp(state: SandboxState, clientId?: string): RegisteredApp | undefined {
  if (clientId) return state.apps.get(clientId);
  return [...state.apps.values()].find((app) => app.launchUrl !== undefined);
}

export function launchUrlFor(
  state: SandboxState,
  app: RegisteredApp,
  target: LaunchTarget,
): string | undefined {
  if (!app.launchUrl) return undefined;
  const launch = state.grants.createLaunch({
    patient: target.patient,
    ...(target.encounter ? { encounter: target.encounter } : {}),
    fhirUser: target.fhirUser,
    // The chart shows its own patient banner, so the app need not (Epic sends this too), unless
    // the page asks otherwise (`?banner=app`).
    needPatientBanner: target.appBanner === true,
    smartStyleUrl: `${state.baseUrl}/ehr/smart-style.json`,
  });
  const url = new URL(app.launchUrl);
  url.searchParams.set('iss', state.fhirBaseUrl);
  url.searchParams.set('launch', launch);
  return url.toString();
}
