/**
 * How a token-endpoint answer (code exchange or refresh) updates a launch's fhirclient state: the
 * new fields over the old, the expiry from `expires_in`, and the refresh token kept when the
 * answer carries none (Oracle Health's refresh answers never do).
 *
 * @module
 */
import type { SmartClientState } from './fhirclient-api.ts';
import type { SmartTokenResponse } from './token-client.ts';

export function withTokens(
  state: SmartClientState,
  tokens: SmartTokenResponse,
  nowMs: number,
): SmartClientState {
  const refreshToken = tokens.refresh_token ?? state.tokenResponse?.refresh_token;
  return {
    ...state,
    tokenResponse: {
      ...state.tokenResponse,
      ...(tokens as SmartClientState['tokenResponse']),
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
    },
    ...(tokens.expires_in ? { expiresAt: Math.floor(nowMs / 1000) + tokens.expires_in } : {}),
  };
}

/** Whether the EHR wants the app to show a patient banner (Epic sends the string "false"). */
export function needsPatientBanner(tokens: SmartTokenResponse): boolean {
  return tokens.need_patient_banner !== false && tokens.need_patient_banner !== 'false';
}
