/**
 * fhirclient's storage, in Postgres and keyed by launch id: each launch has its own key space,
 * so two launches in one browser (or Epic's shared sessionStorage) can never read each other's
 * state. Values hold the PKCE verifier and the token response, so every value is sealed with
 * AES-256-GCM, its additional data binding it to its launch and key.
 *
 * @module
 */
import { SMART_KEY } from 'fhirclient/lib/settings';
import type { Queryable } from '../db/db.ts';
import type { SecretCipher } from '../crypto/secret-cipher.ts';
import type { SmartClientState } from './fhirclient-api.ts';

/** Our own key in a launch's storage: the authorize URL, kept between /launch and its next hop. */
export const AUTHORIZE_URL_KEY = 'rp:authorize-url';

/** The shape fhirclient asks of a storage (`fhirclient.Storage`). */
export interface ClientStateStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<unknown>;
  unset(key: string): Promise<boolean>;
}

export function clientStateStorage(
  db: Queryable,
  cipher: SecretCipher,
  launchId: string,
): ClientStateStorage {
  const aad = (key: string) => `smart_client_state:${launchId}:${key}`;
  return {
    async get(key) {
      const { rows } = await db.query<{ value_enc: Buffer | Uint8Array }>(
        'select value_enc from smart_client_state where launch_id = $1 and key = $2',
        [launchId, key],
      );
      const row = rows[0];
      if (!row) return undefined;
      return JSON.parse(cipher.decrypt(Buffer.from(row.value_enc), aad(key))) as unknown;
    },
    async set(key, value) {
      const sealed = cipher.encrypt(JSON.stringify(value), aad(key));
      await db.query(
        `insert into smart_client_state (launch_id, key, value_enc) values ($1, $2, $3)
         on conflict (launch_id, key) do update set value_enc = excluded.value_enc, updated_at = now()`,
        [launchId, key, sealed],
      );
      return value;
    },
    async unset(key) {
      const { rowCount } = await db.query(
        'delete from smart_client_state where launch_id = $1 and key = $2',
        [launchId, key],
      );
      return rowCount > 0;
    },
  };
}

/** fhirclient's current state for a launch, found through the key it files under SMART_KEY. */
export async function loadClientState(
  storage: ClientStateStorage,
): Promise<{ key: string; state: SmartClientState } | undefined> {
  const key = await storage.get(SMART_KEY);
  if (typeof key !== 'string') return undefined;
  const state = (await storage.get(key)) as SmartClientState | undefined;
  return state ? { key, state } : undefined;
}
