import { describe, expect, it } from 'vitest';
import type { SmartClientState } from './fhirclient-api.ts';
import { needsRefresh } from './launch-fhir-reader.ts';

const state = (expiresAt: number | undefined, expiresIn: number, refresh = true): SmartClientState => ({
  serverUrl: 'https://ehr.example/fhir',
  expiresAt,
  tokenResponse: { access_token: 'a', expires_in: expiresIn, ...(refresh ? { refresh_token: 'r' } : {}) },
});

describe('needsRefresh', () => {
  it('refreshes within a minute of expiry for hour-long tokens', () => {
    expect(needsRefresh(state(1_000 + 3600, 3600), 1_000)).toBe(false);
    expect(needsRefresh(state(1_000 + 59, 3600), 1_000)).toBe(true);
  });

  it('uses half the lifetime for short tokens, so a fresh one is not refreshed again at once', () => {
    expect(needsRefresh(state(1_000 + 30, 30), 1_000)).toBe(false);
    expect(needsRefresh(state(1_000 + 14, 30), 1_000)).toBe(true);
  });

  it('never refreshes without a refresh token or a known expiry', () => {
    expect(needsRefresh(state(1_000, 3600, false), 2_000)).toBe(false);
    expect(needsRefresh(state(undefined, 3600), 2_000)).toBe(false);
  });
});
