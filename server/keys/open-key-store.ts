/**
 * The rotating signing key store as the server, the `keys:rotate` command and the integration
 * tests open it: sealed with the token encryption key ring, the grace from configuration, and
 * seeded from CLIENT_JWKS for any algorithm the table has no key of yet.
 *
 * @module
 */
import type { Config } from '../config/config.ts';
import { cipherForKeys } from '../crypto/secret-cipher.ts';
import type { Db } from '../db/db.ts';
import type { Logger } from '../observability/logger.ts';
import type { StaticClientKeyStore } from './client-keys.ts';
import { createRotatingKeyStore, type RotatingKeyStore } from './rotating-key-store.ts';

export const HOUR_MS = 3_600_000;

export interface OpenKeyStoreInput {
  readonly config: Pick<
    Config,
    'tokenEncryptionKey' | 'tokenEncryptionPreviousKeys' | 'keyRotationGraceHours'
  >;
  /** Migrated. */
  readonly db: Db;
  /** CLIENT_JWKS, loaded and checked. */
  readonly seed: StaticClientKeyStore;
  readonly log?: Logger;
  readonly now?: () => Date;
}

export async function openClientKeyStore(input: OpenKeyStoreInput): Promise<RotatingKeyStore> {
  const { config } = input;
  const store = createRotatingKeyStore({
    db: input.db,
    cipher: cipherForKeys(config.tokenEncryptionKey, config.tokenEncryptionPreviousKeys),
    graceMs: config.keyRotationGraceHours * HOUR_MS,
    ...(input.log ? { log: input.log } : {}),
    ...(input.now ? { now: input.now } : {}),
  });
  await store.seed(input.seed.keys);
  return store;
}
