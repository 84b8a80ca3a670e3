/**
 * Every database column that holds values sealed by secret-cipher.ts, with the primary key that
 * finds a row and the `aad` its value is bound to: what a token encryption key rotation must
 * re-encrypt (reencrypt.ts) and what `keys:rotate --status` counts. The aad formats repeat the
 * owners' (server/registry, server/launch, server/keys); a test writes through each owner and
 * reads back after re-encryption, and another checks that every `*_enc` column in the migrations
 * is listed here.
 *
 * @module
 */

export interface SealedColumn {
  readonly table: string;
  /** A `bytea` column of sealed values (null allowed). */
  readonly column: string;
  /** The primary key's text columns, in order: rows are visited in this order, in batches. */
  readonly key: readonly string[];
  /** The additional data the value is sealed with, from the row's key values. */
  aad(key: readonly string[]): string;
}

export const SEALED_COLUMNS: readonly SealedColumn[] = Object.freeze([
  {
    table: 'ehr_registration',
    column: 'client_secret_enc',
    key: ['id'],
    aad: ([id]) => `ehr_registration:${id}`,
  },
  {
    table: 'smart_client_state',
    column: 'value_enc',
    key: ['launch_id', 'key'],
    aad: ([launchId, key]) => `smart_client_state:${launchId}:${key}`,
  },
  {
    table: 'client_signing_key',
    column: 'private_jwk_enc',
    key: ['kid'],
    aad: ([kid]) => `client_signing_key:${kid}`,
  },
]);

/** `table.column`, for output. */
export const columnLabel = (c: SealedColumn): string => `${c.table}.${c.column}`;
