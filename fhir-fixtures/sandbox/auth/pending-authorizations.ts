/**
 * Authorize requests waiting for the user to pick a patient (standalone launch). The picker page
 * carries only an unguessable transaction id; the validated request stays on the server, so the
 * browser cannot alter the client, redirect URI, scope or PKCE challenge between the two steps.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import type { AuthorizeRequest } from './authorize-request.ts';

export class PendingAuthorizations {
  readonly #pending = new Map<string, { request: AuthorizeRequest; expiresAt: number }>();
  readonly #now: () => number;
  readonly #ttlMs: number;

  constructor(options: { now: () => number; ttlMs?: number }) {
    this.#now = options.now;
    this.#ttlMs = options.ttlMs ?? 10 * 60_000;
  }

  add(request: AuthorizeRequest): string {
    const now = this.#now();
    for (const [id, entry] of this.#pending) if (entry.expiresAt <= now) this.#pending.delete(id);
    const id = randomBytes(24).toString('base64url');
    this.#pending.set(id, { request, expiresAt: now + this.#ttlMs });
    return id;
  }

  /** Removes and returns the request: each transaction completes at most once. */
  take(id: string): AuthorizeRequest | undefined {
    const entry = this.#pending.get(id);
    this.#pending.delete(id);
    if (!entry || entry.expiresAt <= this.#now()) return undefined;
    return entry.request;
  }
}
