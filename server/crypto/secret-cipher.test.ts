import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  cipherForKeys,
  createSecretCipher,
  deriveKeyId,
  parseEncryptionKey,
  SecretCipherError,
  type SecretCipherErrorCode,
} from './secret-cipher.ts';

const keyA = { id: 'k-2025', key: randomBytes(32) };
const keyB = { id: 'k-2026', key: randomBytes(32) };
const SECRET = 'client-secret-Zebra-42';
const AAD = 'ehr_registration:3f1c';

function failure(fn: () => unknown): SecretCipherError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(SecretCipherError);
    expect((err as Error).message).not.toContain(SECRET);
    return err as SecretCipherError;
  }
  throw new Error('expected decrypt to throw');
}

const codeOf = (fn: () => unknown): SecretCipherErrorCode => failure(fn).code;

describe('createSecretCipher', () => {
  it('round-trips, with a fresh IV each time and the key id in the header', () => {
    const cipher = createSecretCipher({ current: keyA });
    const one = cipher.encrypt(SECRET, AAD);
    const two = cipher.encrypt(SECRET, AAD);
    expect(one.equals(two)).toBe(false);
    expect(one[0]).toBe(1);
    expect(one[1]).toBe(keyA.id.length);
    expect(one.subarray(2, 2 + keyA.id.length).toString('ascii')).toBe(keyA.id);
    expect(one.length).toBe(2 + keyA.id.length + 12 + 16 + Buffer.byteLength(SECRET));
    expect(one.toString('latin1')).not.toContain(SECRET);
    expect(cipher.decrypt(one, AAD)).toBe(SECRET);
    expect(cipher.decrypt(cipher.encrypt('', AAD), AAD)).toBe('');
    expect(cipher.decrypt(cipher.encrypt('ünïcødé ✓', AAD), AAD)).toBe('ünïcødé ✓');
  });

  it('refuses a different aad', () => {
    const cipher = createSecretCipher({ current: keyA });
    const sealed = cipher.encrypt(SECRET, AAD);
    expect(codeOf(() => cipher.decrypt(sealed, 'ehr_registration:other'))).toBe('auth_failed');
  });

  it('refuses any altered byte: ciphertext, tag, IV, or a key id swapped to another known key', () => {
    const cipher = createSecretCipher({ current: keyA, previous: [{ id: 'k-2024', key: keyA.key }] });
    const sealed = cipher.encrypt(SECRET, AAD);
    const idEnd = 2 + keyA.id.length;
    for (const at of [sealed.length - 1, idEnd + 12 + 3, idEnd + 1]) {
      const tampered = Buffer.from(sealed);
      tampered[at] = (tampered[at] ?? 0) ^ 0x01;
      expect(codeOf(() => cipher.decrypt(tampered, AAD))).toBe('auth_failed');
    }
    // Same key bytes under another id: the header is authenticated, so relabelling fails too.
    const relabelled = Buffer.from(sealed);
    relabelled.write('k-2024', 2, 'ascii');
    expect(codeOf(() => cipher.decrypt(relabelled, AAD))).toBe('auth_failed');
  });

  it('refuses a value sealed under a key it does not have, naming only the key id', () => {
    const sealed = createSecretCipher({ current: keyB }).encrypt(SECRET, AAD);
    const err = failure(() => createSecretCipher({ current: keyA }).decrypt(sealed, AAD));
    expect(err.code).toBe('unknown_key');
    expect(err.message).toContain('"k-2026"');
  });

  it('refuses the right id with the wrong key bytes', () => {
    const sealed = createSecretCipher({ current: keyA }).encrypt(SECRET, AAD);
    const impostor = createSecretCipher({ current: { id: keyA.id, key: randomBytes(32) } });
    expect(codeOf(() => impostor.decrypt(sealed, AAD))).toBe('auth_failed');
  });

  it('opens values sealed by a previous key and seals new ones with the current key', () => {
    const old = createSecretCipher({ current: keyA }).encrypt(SECRET, AAD);
    const rotated = createSecretCipher({ current: keyB, previous: [keyA] });
    expect(rotated.decrypt(old, AAD)).toBe(SECRET);
    const fresh = rotated.encrypt(SECRET, AAD);
    expect(fresh.subarray(2, 2 + keyB.id.length).toString('ascii')).toBe(keyB.id);
    expect(codeOf(() => createSecretCipher({ current: keyA }).decrypt(fresh, AAD))).toBe('unknown_key');
  });

  it('refuses malformed values', () => {
    const cipher = createSecretCipher({ current: keyA });
    const sealed = cipher.encrypt(SECRET, AAD);
    expect(codeOf(() => cipher.decrypt(Buffer.alloc(0), AAD))).toBe('malformed');
    expect(codeOf(() => cipher.decrypt(Buffer.concat([Buffer.from([2]), sealed.subarray(1)]), AAD))).toBe(
      'malformed',
    );
    expect(codeOf(() => cipher.decrypt(sealed.subarray(0, 2 + keyA.id.length + 20), AAD))).toBe('malformed');
    expect(codeOf(() => cipher.decrypt(Buffer.from([1, 0, ...randomBytes(40)]), AAD))).toBe('malformed');
  });

  it('checks its keys', () => {
    expect(() => createSecretCipher({ current: { id: 'short', key: randomBytes(16) } })).toThrow(
      'must be exactly 32 bytes',
    );
    expect(() => createSecretCipher({ current: { id: '', key: randomBytes(32) } })).toThrow('key id');
    expect(() => createSecretCipher({ current: { id: 'has space', key: randomBytes(32) } })).toThrow(
      'key id',
    );
    expect(() => createSecretCipher({ current: keyA, previous: [{ id: keyA.id, key: keyB.key }] })).toThrow(
      'share the id',
    );
  });

  it('is not affected by later changes to the key buffers passed in', () => {
    const key = Buffer.from(keyA.key);
    const cipher = createSecretCipher({ current: { id: 'mutable', key } });
    const sealed = cipher.encrypt(SECRET, AAD);
    key.fill(0);
    expect(cipher.decrypt(sealed, AAD)).toBe(SECRET);
  });
});

describe('parseEncryptionKey', () => {
  it('accepts base64 and base64url of exactly 32 bytes', () => {
    const key = randomBytes(32);
    expect(parseEncryptionKey(key.toString('base64')).equals(key)).toBe(true);
    expect(parseEncryptionKey(`${key.toString('base64url')}\n`).equals(key)).toBe(true);
  });

  it('refuses other lengths and non-base64, without echoing the value', () => {
    expect(() => parseEncryptionKey(randomBytes(16).toString('base64'))).toThrow(
      'must decode to exactly 32 bytes (it decodes to 16)',
    );
    expect(() => parseEncryptionKey(randomBytes(33).toString('base64'))).toThrow('(it decodes to 33)');
    let message = '';
    try {
      parseEncryptionKey('not base64 at all: hunter2!');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^must be base64/);
    expect(message).not.toContain('hunter2');
  });
});

describe('deriveKeyId', () => {
  it('is stable per key, differs between keys, and is usable as a cipher key id', () => {
    expect(deriveKeyId(keyA.key)).toBe(deriveKeyId(Buffer.from(keyA.key)));
    expect(deriveKeyId(keyA.key)).not.toBe(deriveKeyId(keyB.key));
    expect(deriveKeyId(keyA.key)).toMatch(/^[0-9a-f]{16}$/);
    const cipher = createSecretCipher({ current: { id: deriveKeyId(keyA.key), key: keyA.key } });
    expect(cipher.decrypt(cipher.encrypt(SECRET, AAD), AAD)).toBe(SECRET);
    expect(() => deriveKeyId(randomBytes(31))).toThrow('32 bytes');
  });
});

describe('cipherForKeys', () => {
  it('names bare keys by deriveKeyId, as createSecretCipher would', () => {
    const sealed = cipherForKeys(keyA.key).encrypt(SECRET, AAD);
    const named = createSecretCipher({ current: { id: deriveKeyId(keyA.key), key: keyA.key } });
    expect(named.decrypt(sealed, AAD)).toBe(SECRET);
    expect(cipherForKeys(keyB.key, [keyA.key]).decrypt(sealed, AAD)).toBe(SECRET);
  });
});
