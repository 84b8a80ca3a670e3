/**
 * Everything one running authorization server keeps besides the shared `SandboxState`: its
 * signing key, codes, refresh tokens, seen assertion ids, pending patient-picker requests and
 * cached remote JWKS. Made once per `createAuthApi` call; nothing is global.
 *
 * @module
 */
import type { SandboxState } from '../state.ts';
import { AuthorizationCodeStore } from './authorization-codes.ts';
import { JtiReplayCache } from './jti-replay-cache.ts';
import { PendingAuthorizations } from './pending-authorizations.ts';
import type { RemoteJwksCache } from './remote-jwks-cache.ts';
import { RefreshTokenStore } from './refresh-tokens.ts';
import { createKeyRing, type KeyRing } from './signing-keys.ts';

export interface AuthApiOptions {
  /**
   * The signed-in user for standalone launches, e.g. `Practitioner/rp-dr-okafor`.
   * Default: the first Practitioner in the repository.
   */
  readonly standaloneUser?: string;
  /** id_token lifetime in seconds (default 3600). */
  readonly idTokenLifetimeSeconds?: number;
}

export interface AuthContext {
  readonly state: SandboxState;
  readonly options: AuthApiOptions;
  readonly keys: KeyRing;
  readonly codes: AuthorizationCodeStore;
  readonly refreshTokens: RefreshTokenStore;
  readonly jtis: JtiReplayCache;
  readonly pending: PendingAuthorizations;
  /** Remote JWKS per URL, cached as `state.jwksCache` says, across requests. */
  readonly remoteJwks: Map<string, RemoteJwksCache>;
}

export function createAuthContext(state: SandboxState, options: AuthApiOptions = {}): AuthContext {
  const now = state.now;
  return {
    state,
    options,
    keys: createKeyRing(),
    codes: new AuthorizationCodeStore({ now }),
    refreshTokens: new RefreshTokenStore({ now }),
    jtis: new JtiReplayCache({ now }),
    pending: new PendingAuthorizations({ now }),
    remoteJwks: new Map(),
  };
}
