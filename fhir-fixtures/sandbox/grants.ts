/**
 * What the sandbox's authorization server has handed out: EHR launch contexts and access tokens.
 * Shared by the SMART authorization server (which issues) and the FHIR server (which enforces).
 * Tokens are opaque random strings held in memory, so tests can expire or revoke them at will.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { parseScopes, type ParsedScopes } from '../../launch/scopes.ts';

/** The context an EHR binds to a `launch` value when it opens an app from a chart. */
export interface LaunchContext {
  /** Patient id (bare), when the launch is in a patient's chart. */
  readonly patient?: string;
  /** Encounter id (bare), when the launch is in a visit. */
  readonly encounter?: string;
  /** The signed-in user, e.g. `Practitioner/rp-dr-okafor`. */
  readonly fhirUser: string;
  readonly needPatientBanner: boolean;
  readonly smartStyleUrl?: string;
  readonly intent?: string;
}

export interface AccessGrant {
  readonly clientId: string;
  /** The granted scope string, as sent in the token response. */
  readonly scope: string;
  readonly scopes: ParsedScopes;
  readonly patient?: string;
  readonly encounter?: string;
  readonly fhirUser?: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

export interface GrantStoreOptions {
  readonly now?: () => number;
  /** How long a `launch` value may wait for its authorize request. */
  readonly launchTtlMs?: number;
}

export class GrantStore {
  readonly #launches = new Map<string, { context: LaunchContext; expiresAt: number }>();
  readonly #tokens = new Map<string, AccessGrant>();
  readonly #now: () => number;
  readonly #launchTtlMs: number;

  constructor(options: GrantStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#launchTtlMs = options.launchTtlMs ?? 10 * 60_000;
  }

  /** Registers a launch and returns its opaque `launch` value. */
  createLaunch(context: LaunchContext): string {
    const launch = randomBytes(24).toString('base64url');
    this.#launches.set(launch, { context, expiresAt: this.#now() + this.#launchTtlMs });
    return launch;
  }

  /** The context of a live launch value; undefined when unknown or expired. */
  getLaunch(launch: string): LaunchContext | undefined {
    const entry = this.#launches.get(launch);
    if (!entry || entry.expiresAt <= this.#now()) return undefined;
    return entry.context;
  }

  issueAccessToken(grant: Omit<AccessGrant, 'scopes' | 'expiresAt'>, lifetimeSeconds: number): string {
    const token = randomBytes(32).toString('base64url');
    this.#tokens.set(token, {
      ...grant,
      scopes: parseScopes(grant.scope),
      expiresAt: this.#now() + lifetimeSeconds * 1000,
    });
    return token;
  }

  /** The grant behind a bearer token; undefined when unknown, revoked or expired. */
  verifyAccessToken(token: string): AccessGrant | undefined {
    const grant = this.#tokens.get(token);
    if (!grant || grant.expiresAt <= this.#now()) return undefined;
    return grant;
  }

  revokeAccessToken(token: string): void {
    this.#tokens.delete(token);
  }

  /** Ends every live token at once (the "expired token mid-use" scenario). */
  expireAllAccessTokens(): void {
    this.#tokens.clear();
  }
}
