/**
 * Seals secrets we must keep at rest (EHR tokens, client secrets) with AES-256-GCM. Each sealed
 * value names the key that sealed it, so keys can be rotated while older values stay readable,
 * and is bound to a context string (`aad`, e.g. the row it belongs to) so a value copied to
 * another row does not decrypt there. Failures never include plaintext or key material.
 *
 * Sealed layout: `version (1) | key-id length (1) | key id (utf-8) | IV (12) | tag (16) | ciphertext`.
 * The header (version and key id) is authenticated along with the `aad`.
 *
 * @module
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export interface SecretCipher {
  /** The id of the key that seals new values (written into each sealed value's header). */
  readonly currentKeyId: string;
  encrypt(plaintext: string, aad: string): Buffer;
  /** Throws {@link SecretCipherError} when the key is unknown, the data altered or the aad differs. */
  decrypt(sealed: Buffer, aad: string): string;
}

export interface CipherKey {
  /** Written into every sealed value; 1–255 bytes of printable ASCII. Not secret. */
  readonly id: string;
  /** 32 bytes. */
  readonly key: Buffer;
}

export interface SecretCipherKeys {
  /** Seals new values; also opens values it sealed. */
  readonly current: CipherKey;
  /** Retired keys: open older values, never seal. */
  readonly previous?: readonly CipherKey[];
}

export type SecretCipherErrorCode = 'malformed' | 'unknown_key' | 'auth_failed';

/** Decryption failed; `code` says why. The message never contains plaintext or key bytes. */
export class SecretCipherError extends Error {
  override readonly name = 'SecretCipherError';
  readonly code: SecretCipherErrorCode;

  constructor(code: SecretCipherErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

const VERSION = 1;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[\x21-\x7e]{1,255}$/;

/** Reads a base64 (or base64url) encryption key that must decode to exactly 32 bytes. */
export function parseEncryptionKey(base64: string): Buffer {
  const text = base64.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) {
    throw new Error('must be base64 (for example the output of `openssl rand -base64 32`)');
  }
  const key = Buffer.from(text, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(`must decode to exactly ${KEY_BYTES} bytes (it decodes to ${key.length})`);
  }
  return key;
}

/**
 * A stable, non-secret id for a key (HMAC of a fixed label under the key, 16 hex digits), for
 * callers that hold bare keys, such as `TOKEN_ENCRYPTION_KEY`.
 */
export function deriveKeyId(key: Buffer): string {
  if (key.length !== KEY_BYTES) throw new Error(`A cipher key must be exactly ${KEY_BYTES} bytes.`);
  return createHmac('sha256', key).update('revenuepilot secret-cipher key id').digest('hex').slice(0, 16);
}

/**
 * The cipher for bare keys (`TOKEN_ENCRYPTION_KEY`, and `TOKEN_ENCRYPTION_PREVIOUS_KEYS` while
 * a rotation re-encrypts), each named by {@link deriveKeyId}, so the server and the CLIs seal and
 * open values the same way.
 */
export function cipherForKeys(current: Buffer, previous: readonly Buffer[] = []): SecretCipher {
  const named = (key: Buffer): CipherKey => ({ id: deriveKeyId(key), key });
  return createSecretCipher({ current: named(current), previous: previous.map(named) });
}

function checkKey(k: CipherKey): void {
  if (!KEY_ID.test(k.id)) throw new Error('A cipher key id must be 1-255 printable ASCII characters.');
  if (k.key.length !== KEY_BYTES) throw new Error(`Cipher key "${k.id}" must be exactly ${KEY_BYTES} bytes.`);
}

function header(keyId: string): Buffer {
  const id = Buffer.from(keyId, 'ascii');
  return Buffer.concat([Buffer.from([VERSION, id.length]), id]);
}

function additionalData(head: Buffer, aad: string): Buffer {
  // The header is self-delimiting (version, then a length-prefixed id), so this is unambiguous.
  return Buffer.concat([head, Buffer.from(aad, 'utf8')]);
}

interface Parts {
  readonly keyId: string;
  readonly head: Buffer;
  readonly iv: Buffer;
  readonly tag: Buffer;
  readonly ciphertext: Buffer;
}

function split(sealed: Buffer): Parts {
  if (sealed.length < 2) throw new SecretCipherError('malformed', 'Cannot decrypt: the value is too short.');
  if (sealed[0] !== VERSION) {
    throw new SecretCipherError('malformed', 'Cannot decrypt: unsupported sealed-value version.');
  }
  const idLength = sealed[1] ?? 0;
  const ivAt = 2 + idLength;
  const tagAt = ivAt + IV_BYTES;
  const dataAt = tagAt + TAG_BYTES;
  if (idLength === 0 || sealed.length < dataAt) {
    throw new SecretCipherError('malformed', 'Cannot decrypt: the value is truncated.');
  }
  return {
    keyId: sealed.subarray(2, ivAt).toString('ascii'),
    head: sealed.subarray(0, ivAt),
    iv: sealed.subarray(ivAt, tagAt),
    tag: sealed.subarray(tagAt, dataAt),
    ciphertext: sealed.subarray(dataAt),
  };
}

/** The id of the key that sealed `sealed`, read from its header (not checked: decrypt does that). */
export function sealedKeyId(sealed: Buffer): string {
  return split(sealed).keyId;
}

export function createSecretCipher(keys: SecretCipherKeys): SecretCipher {
  const byId = new Map<string, Buffer>();
  for (const k of [keys.current, ...(keys.previous ?? [])]) {
    checkKey(k);
    if (byId.has(k.id)) throw new Error(`Two cipher keys share the id "${k.id}".`);
    byId.set(k.id, Buffer.from(k.key));
  }
  const currentId = keys.current.id;
  const currentKey = Buffer.from(keys.current.key);

  return {
    currentKeyId: currentId,

    encrypt(plaintext, aad) {
      const head = header(currentId);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', currentKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(additionalData(head, aad));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([head, iv, cipher.getAuthTag(), ciphertext]);
    },

    decrypt(sealed, aad) {
      const parts = split(sealed);
      const key = byId.get(parts.keyId);
      if (!key) {
        throw new SecretCipherError(
          'unknown_key',
          `Cannot decrypt: sealed with key "${parts.keyId}", which is not configured.`,
        );
      }
      const decipher = createDecipheriv('aes-256-gcm', key, parts.iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(additionalData(parts.head, aad));
      decipher.setAuthTag(parts.tag);
      try {
        return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretCipherError(
          'auth_failed',
          'Cannot decrypt: the value was altered, or it belongs to a different context (aad) or key.',
        );
      }
    },
  };
}
