/**
 * Remembers the `jti` of every accepted client assertion until the assertion expires, so the
 * same assertion cannot be used twice (RFC 7523 §3, SMART Backend Services).
 *
 * @module
 */

export class JtiReplayCache {
  /** Key: client id + jti; value: the assertion's `exp` in epoch ms. */
  readonly #seen = new Map<string, number>();
  readonly #now: () => number;

  constructor(options: { now: () => number }) {
    this.#now = options.now;
  }

  /** Records the jti; false when it was already seen and has not yet expired. */
  remember(clientId: string, jti: string, expiresAtMs: number): boolean {
    this.#purge();
    const key = `${clientId}\u0000${jti}`;
    if (this.#seen.has(key)) return false;
    this.#seen.set(key, expiresAtMs);
    return true;
  }

  #purge(): void {
    const now = this.#now();
    for (const [key, exp] of this.#seen) if (exp <= now) this.#seen.delete(key);
  }
}
