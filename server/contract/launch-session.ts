/**
 * What the plugin learns about its own launch: `GET /api/launches/:launchId/session`.
 * Types only, so `plugin/` may import them. No token ever appears here.
 *
 * @module
 */

/** Colours and fonts from the EHR's `smart_style_url`, already validated by the server. */
export interface SmartStyle {
  readonly colorBackground?: string;
  readonly colorError?: string;
  readonly colorHighlight?: string;
  readonly colorModalBackdrop?: string;
  readonly colorSuccess?: string;
  readonly colorText?: string;
  readonly dimBorderRadius?: string;
  readonly dimFontSize?: string;
  readonly dimSpacingSize?: string;
  readonly fontFamilyBody?: string;
  readonly fontFamilyHeading?: string;
}

/** A product feature and whether the EHR's grant allows it. */
export interface FeatureState {
  readonly id: 'context' | 'note-writeback' | 'diagnosis-writeback' | 'user-identity';
  readonly label: string;
  readonly enabled: boolean;
  /** Why it is off, in words: "The EHR did not grant permission to file notes (DocumentReference)." */
  readonly reason?: string;
}

/**
 * What the signed-in user may do in RevenuePilot at this EHR (`app_user_role`): `clinician` the
 * charting steps, `billing` the billing review queue, `admin` the admin console. A user the app
 * has no roles for is a clinician.
 */
export type AppRole = 'clinician' | 'billing' | 'admin';

export interface LaunchSessionInfo {
  readonly launchId: string;
  readonly launchType: 'ehr' | 'standalone';
  /** False when the EHR shows its own patient banner (`need_patient_banner: false`). */
  readonly needPatientBanner: boolean;
  readonly style?: SmartStyle;
  readonly ehr: { readonly name: string; readonly vendor: 'epic' | 'oracle-health' | 'generic' };
  readonly features: readonly FeatureState[];
  /** The signed-in user's app roles, never empty. */
  readonly roles: readonly AppRole[];
  /** When this session ends at the latest (ISO instant); the plugin says "relaunch" after it. */
  readonly expiresAt: string;
}
