/**
 * PKCE (RFC 7636), S256 only: SMART App Launch 2 makes it mandatory and forbids `plain`.
 *
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** A S256 challenge is the base64url SHA-256 of the verifier: always 43 characters. */
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
/** RFC 7636 §4.1: 43 to 128 unreserved characters. */
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

export function isValidS256Challenge(challenge: string): boolean {
  return CHALLENGE.test(challenge);
}

export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Whether `verifier` is well formed and hashes to `challenge`. */
export function verifyS256(verifier: string, challenge: string): boolean {
  if (!VERIFIER.test(verifier) || !isValidS256Challenge(challenge)) return false;
  // Both sides are 43 ASCII characters here, so the constant-time compare is length-safe.
  return timingSafeEqual(Buffer.from(s256Challenge(verifier)), Buffer.from(challenge));
}
