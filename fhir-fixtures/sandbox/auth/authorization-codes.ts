/**
 * Authorization codes: random, single use, about a minute long, bound to the client, the redirect
 * URI, the PKCE challenge, the granted scope and the launch context. A code presented twice is
 * refused and the tokens issued from it are revoked (RFC 6749 §4.1.2).
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import type { LaunchContext } from '../grants.ts';

export interface AuthorizationCodeGrant {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  /** The granted scope string. */
  readonly scope: string;
  readonly context: LaunchContext;
  readonly nonce?: string;
}

export type RedeemResult =
  | { readonly ok: true; readonly grant: AuthorizationCodeGrant; readonly recordToken: (t: string) => void }
  | {
      readonly ok: false;
      readonly reason: 'unknown' | 'expired' | 'reused';
      readonly issuedTokens: readonly string[];
    };

interface Entry {
  readonly grant: AuthorizationCodeGrant;
  readonly expiresAt: number;
  used: boolean;
  readonly issuedTokens: string[];
}

export class AuthorizationCodeStore {
  readonly #codes = new Map<string, Entry>();
  readonly #now: () => number;
  readonly #ttlMs: number;

  constructor(options: { now: () => number; ttlMs?: number }) {
    this.#now = options.now;
    this.#ttlMs = options.ttlMs ?? 60_000;
  }

  issue(grant: AuthorizationCodeGrant): string {
    this.#purge();
    const code = randomBytes(32).toString('base64url');
    this.#codes.set(code, { grant, expiresAt: this.#now() + this.#ttlMs, used: false, issuedTokens: [] });
    return code;
  }

  /**
   * Marks the code used and returns its grant. Any presentation burns the code, even one that
   * later fails a check, so a stolen code cannot be retried with guessed verifiers.
   */
  redeem(code: string): RedeemResult {
    const entry = this.#codes.get(code);
    if (!entry) return { ok: false, reason: 'unknown', issuedTokens: [] };
    if (entry.used) return { ok: false, reason: 'reused', issuedTokens: [...entry.issuedTokens] };
    entry.used = true;
    if (entry.expiresAt <= this.#now()) return { ok: false, reason: 'expired', issuedTokens: [] };
    return { ok: true, grant: entry.grant, recordToken: (token) => entry.issuedTokens.push(token) };
  }

  /** Used codes stay until they would have expired, so a replay is still recognised as one. */
  #purge(): void {
    const now = this.#now();
    for (const [code, entry] of this.#codes) {
      if (entry.expiresAt + this.#ttlMs <= now) this.#codes.delete(code);
    }
  }
}
