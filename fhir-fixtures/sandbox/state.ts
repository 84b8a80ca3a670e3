/**
 * The sandbox EHR's shared state: its FHIR repository, grants, registered apps, vendor profile,
 * SMART scope syntax, fault settings and search page-size ceiling. One instance per running sandbox; tests make as
 * many as they like.
 *
 * @module
 */
import { MemoryRepository } from '@medplum/fhir-router';
import { MAX_PAGE_SIZE } from './fhir/search-request.ts';
import { GrantStore } from './grants.ts';

export type VendorProfileName = 'generic' | 'epic' | 'oracle-health';

/**
 * The SMART scope syntax the authorization server speaks: 'v2' (`.cruds`, and v1 too) or 'v1'
 * only (`.read`/`.write`), as Epic releases before Nov 2024. See auth/vendor-rules.ts.
 */
export type ScopeSyntax = 'v2' | 'v1';

/**
 * Injected failures for the FHIR API, settable per run (HTTP control API or in-process).
 * `mode` decides what happens to a matching request; `remaining` limits how many requests it
 * hits (undefined: every one until cleared).
 */
export interface FaultSettings {
  /** Added before every FHIR response (ms). */
  latencyMs: number;
  mode: 'none' | 'http-500' | 'http-503' | 'timeout-after-commit' | 'drop-connection';
  /** Which requests the mode applies to. */
  appliesTo: 'all' | 'reads' | 'writes';
  remaining: number | undefined;
}

export const NO_FAULTS: Readonly<FaultSettings> = Object.freeze({
  latencyMs: 0,
  mode: 'none',
  appliesTo: 'all',
  remaining: undefined,
});

/**
 * How the authorization server caches an app's JWKS fetched from its `jwksUri`
 * (auth/remote-jwks-cache.ts). Defaults model Epic: the response's max-age, at most 29 h; an
 * unknown `kid` refetches once the copy is 5 minutes old.
 */
export interface JwksCachePolicy {
  /** The longest a fetched JWKS is kept, whatever its Cache-Control says. */
  readonly maxAgeSeconds: number;
  /** An assertion with an unknown kid refetches the JWKS only when the copy is this old. */
  readonly unknownKidRefetchSeconds: number;
  /** The cache's clock in ms; default the sandbox's `now` (tests of key rotation move it alone). */
  readonly now?: () => number;
}

export const EPIC_JWKS_CACHE: Readonly<JwksCachePolicy> = Object.freeze({
  maxAgeSeconds: 29 * 3600,
  unknownKidRefetchSeconds: 300,
});

export type ClientType = 'public' | 'confidential-symmetric' | 'confidential-asymmetric';

/** An app registered with the sandbox's authorization server, as health-system IT would. */
export interface RegisteredApp {
  readonly clientId: string;
  readonly name: string;
  readonly type: ClientType;
  /** Exact-match redirect URIs. */
  readonly redirectUris: readonly string[];
  /** The EHR opens `${launchUrl}?iss=…&launch=…` in its iframe. */
  readonly launchUrl?: string;
  /** For `confidential-symmetric`. */
  readonly clientSecret?: string;
  /** For `confidential-asymmetric`: a JWKS URL or inline public JWKS. */
  readonly jwksUri?: string;
  readonly jwks?: { keys: readonly JsonWebKey[] };
  /** Scopes the app may be granted; a request for more is narrowed to these. Undefined: any. */
  readonly allowedScopes?: string;
}

export interface SandboxOptions {
  readonly apps?: readonly RegisteredApp[];
  readonly vendor?: VendorProfileName;
  /** Default 'v2'. With 'v1', discovery advertises only v1 and authorize refuses v2 resource scopes. */
  readonly scopeSyntax?: ScopeSyntax;
  readonly faults?: Partial<FaultSettings>;
  /** Access-token lifetime in seconds (Epic ~3600, Oracle Health 570). */
  readonly accessTokenLifetimeSeconds?: number;
  /** How apps' remote JWKS are cached (default {@link EPIC_JWKS_CACHE}). */
  readonly jwksCache?: Partial<JwksCachePolicy>;
  readonly now?: () => number;
  /** The visit date the fixtures are built for, YYYY-MM-DD; defaults to today. */
  readonly today?: string;
  /** Load the synthetic outpatient fixtures (default true). */
  readonly loadFixtures?: boolean;
  /**
   * Largest search page the FHIR API returns (default 1000): a larger `_count` is lowered to it,
   * so a client must follow `next` links, as against Epic or Oracle Health. 1 to MAX_PAGE_SIZE_LIMIT.
   */
  readonly maxPageSize?: number;
  /** Transaction or batch Bundle files (e.g. Synthea exports) loaded by `startSandbox`. */
  readonly bundleFiles?: readonly string[];
}

/** The highest `maxPageSize` the control API and `SANDBOX_MAX_PAGE_SIZE` accept. */
export const MAX_PAGE_SIZE_LIMIT = 10_000;

/** Throws unless `value` is a usable page-size ceiling (a whole number, 1 to MAX_PAGE_SIZE_LIMIT). */
function checkedMaxPageSize(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE_LIMIT) {
    throw new RangeError(
      `maxPageSize must be a whole number from 1 to ${MAX_PAGE_SIZE_LIMIT} (got ${value})`,
    );
  }
  return value;
}

export class SandboxState {
  readonly repo = new MemoryRepository();
  readonly grants: GrantStore;
  readonly apps = new Map<string, RegisteredApp>();
  readonly now: () => number;
  readonly today: string;
  vendor: VendorProfileName;
  /** See SandboxOptions.scopeSyntax; read per request, so changing it takes effect at once. */
  scopeSyntax: ScopeSyntax;
  faults: FaultSettings;
  /** See SandboxOptions.maxPageSize; read per request, so changing it takes effect at once. */
  maxPageSize: number;
  accessTokenLifetimeSeconds: number;
  readonly jwksCache: JwksCachePolicy & { readonly now: () => number };
  #baseUrl: string | undefined;

  constructor(options: SandboxOptions = {}) {
    this.now = options.now ?? Date.now;
    this.today = options.today ?? new Date(this.now()).toISOString().slice(0, 10);
    this.grants = new GrantStore({ now: this.now });
    this.vendor = options.vendor ?? 'generic';
    this.scopeSyntax = options.scopeSyntax ?? 'v2';
    this.faults = { ...NO_FAULTS, ...options.faults };
    this.maxPageSize = checkedMaxPageSize(options.maxPageSize ?? MAX_PAGE_SIZE);
    this.accessTokenLifetimeSeconds = options.accessTokenLifetimeSeconds ?? 3600;
    this.jwksCache = { ...EPIC_JWKS_CACHE, now: this.now, ...options.jwksCache };
    for (const app of options.apps ?? []) this.apps.set(app.clientId, app);
  }

  /** The sandbox's origin, e.g. `http://127.0.0.1:8090`; known once it listens. */
  get baseUrl(): string {
    if (!this.#baseUrl) throw new Error('sandbox base URL is not known before it listens');
    return this.#baseUrl;
  }

  set baseUrl(url: string) {
    this.#baseUrl = url.replace(/\/$/, '');
  }

  /** The FHIR base URL, which is also the `iss` apps are launched with. */
  get fhirBaseUrl(): string {
    return `${this.baseUrl}/fhir/r4`;
  }

  /** The authorization server's issuer (token, authorize, JWKS live under it). */
  get authBaseUrl(): string {
    return `${this.baseUrl}/auth`;
  }
}
