/**
 * Refresh tokens: opaque, bound to the client they were issued to, carrying the scope and launch
 * context of the original grant. Rotated on every use (the old one stops working), which is what a
 * strict server may do and what well-behaved clients must cope with; the refresh grant skips the
 * rotation where the vendor profile does (Oracle Health, see vendor-rules.ts).
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import type { LaunchContext } from '../grants.ts';

export interface RefreshGrant {
  readonly clientId: string;
  /** The scope of the original grant; refreshes may ask for it or less. */
  readonly scope: string;
  readonly context: LaunchContext | undefined;
  /** `offline_access` outlives the user's session; `online_access` does not. */
  readonly kind: 'offline' | 'online';
}

export interface RefreshTokenLifetimes {
  readonly offlineMs: number;
  readonly onlineMs: number;
}

export const DEFAULT_REFRESH_LIFETIMES: RefreshTokenLifetimes = {
  offlineMs: 90 * 24 * 3600_000,
  onlineMs: 8 * 3600_000,
};

export class RefreshTokenStore {
  readonly #tokens = new Map<string, { grant: RefreshGrant; expiresAt: number }>();
  readonly #now: () => number;
  readonly #lifetimes: RefreshTokenLifetimes;

  constructor(options: { now: () => number; lifetimes?: RefreshTokenLifetimes }) {
    this.#now = options.now;
    this.#lifetimes = options.lifetimes ?? DEFAULT_REFRESH_LIFETIMES;
  }

  issue(grant: RefreshGrant): string {
    const token = randomBytes(32).toString('base64url');
    const lifetime = grant.kind === 'offline' ? this.#lifetimes.offlineMs : this.#lifetimes.onlineMs;
    this.#tokens.set(token, { grant, expiresAt: this.#now() + lifetime });
    return token;
  }

  /** The live grant behind `token`, or undefined when unknown, rotated away or expired. */
  get(token: string): RefreshGrant | undefined {
    const entry = this.#tokens.get(token);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#tokens.delete(token);
      return undefined;
    }
    return entry.grant;
  }

  revoke(token: string): void {
    this.#tokens.delete(token);
  }
}
