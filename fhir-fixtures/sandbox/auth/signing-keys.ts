/**
 * The sandbox's own signing key for id_tokens (RS256, the one algorithm Epic and most OIDC
 * clients accept), generated with jose when the auth API starts and published at `/auth/jwks`.
 *
 * @module
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

export const ID_TOKEN_ALG = 'RS256';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export interface KeyRing {
  /** The key id_tokens are signed with now. */
  current(): Promise<SigningKey>;
  /** The public JWKS that verifiers fetch. */
  jwks(): Promise<{ keys: JWK[] }>;
}

/** Starts generating the key at once; callers await it on first use. */
export function createKeyRing(): KeyRing {
  const key = generateSigningKey();
  // Key generation cannot fail for a supported algorithm; still, never leave it unobserved.
  key.catch(() => undefined);
  return {
    current: () => key,
    jwks: async () => ({ keys: [(await key).publicJwk] }),
  };
}

async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(ID_TOKEN_ALG);
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { kid, privateKey, publicJwk: { ...jwk, kid, alg: ID_TOKEN_ALG, use: 'sig' } };
}
