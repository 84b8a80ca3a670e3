/**
 * A launch's tokens: loaded from its encrypted fhirclient state, refreshed through openid-client
 * (fhirclient's own refresh cannot sign a client assertion). Concurrent refreshes of one launch
 * in this process share one request, so a refresh token is never spent twice. Without a refresh
 * token, or when the EHR refuses it, the session is over: `session_expired`.
 *
 * @module
 */
import { FhirReadError } from '../context/fhir-reader.ts';
import { loadClientState, type ClientStateStorage } from './client-state-storage.ts';
import type { SmartClientState } from './fhirclient-api.ts';
import type { LaunchTokens } from './launch-fhir-reader.ts';
import type { LaunchService } from './launch-service.ts';
import type { LaunchRecord } from './launch-store.ts';
import { refreshTokens } from './token-client.ts';
import { withTokens } from './token-state.ts';

const expired = (why: string) =>
  new FhirReadError('session_expired', `The EHR session has ended (${why}).`, 401);

export type LaunchTokensFactory = (launch: LaunchRecord, storage: ClientStateStorage) => LaunchTokens;

export function launchTokensFactory(
  service: LaunchService,
  now: () => number = Date.now,
): LaunchTokensFactory {
  const inFlight = new Map<string, Promise<SmartClientState>>();

  async function doRefresh(launch: LaunchRecord, storage: ClientStateStorage): Promise<SmartClientState> {
    const current = await loadClientState(storage);
    const refreshToken = current?.state.tokenResponse?.refresh_token;
    if (!current || !refreshToken) throw expired('no refresh token');
    const { key, state } = current;
    const registration = await service.registrationOf(launch.registrationId);
    let result;
    try {
      result = await refreshTokens(await service.tokenClient(registration), refreshToken);
    } catch {
      // The cause (an openid-client error) can quote the EHR's response: not kept.
      throw expired('refresh refused');
    }
    const next = withTokens(state, result.tokens, now());
    await storage.set(key, next);
    return next;
  }

  return (launch, storage) => ({
    async load() {
      const state = (await loadClientState(storage))?.state;
      if (!state?.tokenResponse?.access_token) throw expired('no access token');
      return state;
    },
    refresh() {
      let pending = inFlight.get(launch.id);
      if (!pending) {
        pending = doRefresh(launch, storage).finally(() => inFlight.delete(launch.id));
        inFlight.set(launch.id, pending);
      }
      return pending;
    },
  });
}
