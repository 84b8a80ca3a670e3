import { describe, expect, it } from 'vitest';
import type { SmartClientState } from './fhirclient-api.ts';
import { needsPatientBanner, withTokens } from './token-state.ts';

const base = { serverUrl: 'https://ehr.example/fhir', tokenResponse: {} } as SmartClientState;

describe('withTokens', () => {
  it('takes the exchange answer and its expiry', () => {
    const next = withTokens(
      base,
      { access_token: 'a', token_type: 'Bearer', expires_in: 600, patient: 'p1' },
      10_500,
    );
    expect(next.tokenResponse).toMatchObject({ access_token: 'a', patient: 'p1' });
    expect(next.expiresAt).toBe(610);
    expect(next.tokenResponse).not.toHaveProperty('refresh_token');
  });

  it('keeps the refresh token and the launch context when a refresh answer carries neither', () => {
    const first = withTokens(
      base,
      { access_token: 'a', token_type: 'Bearer', refresh_token: 'r1', patient: 'p1' },
      0,
    );
    const next = withTokens(first, { access_token: 'b', token_type: 'Bearer', expires_in: 570 }, 1_000);
    expect(next.tokenResponse).toMatchObject({ access_token: 'b', refresh_token: 'r1', patient: 'p1' });
    expect(next.expiresAt).toBe(571);
  });
});

describe('needsPatientBanner', () => {
  it('reads booleans and Epic strings, and defaults to showing the banner', () => {
    const t = { access_token: 'a', token_type: 'Bearer' };
    expect(needsPatientBanner({ ...t, need_patient_banner: false })).toBe(false);
    expect(needsPatientBanner({ ...t, need_patient_banner: 'false' })).toBe(false);
    expect(needsPatientBanner({ ...t, need_patient_banner: 'true' })).toBe(true);
    expect(needsPatientBanner(t)).toBe(true);
  });
});
