/**
 * The SMART launch as the server runs it, in three steps:
 * 1. `begin`: the `iss` must be registered (no request ever goes to an unknown one); discovery;
 *    fhirclient builds the authorize request (PKCE S256, 256-bit state) into the launch's storage.
 * 2. `authorize`: settles the browser binding (the launch's own cookie came back, or the browser
 *    keeps no cookies) and says how to reach the EHR's authorize endpoint (GET, or POST where
 *    advertised).
 * 3. `complete`: the callback (launch-callback.ts): claims the launch by its state exactly once,
 *    checks the browser, exchanges the code with openid-client and activates the session.
 *
 * @module
 */
import type { DiscoveryCache, FetchLike, SmartConfiguration } from '../../launch/discovery.ts';
import { supportsAuthorizePost } from '../../launch/discovery.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { SecretCipher } from '../crypto/secret-cipher.ts';
import type { Db } from '../db/db.ts';
import type { ClientKeyStore } from '../keys/client-keys.ts';
import type { EhrRegistration, EhrRegistry, EhrVendor } from '../registry/ehr-registration.ts';
import { AUTHORIZE_URL_KEY, clientStateStorage, type ClientStateStorage } from './client-state-storage.ts';
import { buildAuthorizeUrl } from './fhirclient-api.ts';
import { completeLaunch, type CallbackCookies, type CompletedLaunch } from './launch-callback.ts';
import { ehrUnavailable, launchExpired, notBound, notRegistered } from './launch-errors.ts';
import {
  createLaunchStore,
  isLaunchId,
  randomToken,
  sameHash,
  sha256,
  type LaunchStore,
  type LaunchType,
} from './launch-store.ts';
import { requestedScope } from './requested-scope.ts';
import { tokenClientConfiguration, type AssertionAlg } from './token-client.ts';
import type * as oidc from 'openid-client';

/** How long a started launch may take to come back from the EHR. */
const AUTHORIZE_WINDOW_MS = 10 * 60_000;
/** How long an expired launch stays (for support questions) before it is deleted. */
const PURGE_AFTER_MS = 24 * 3_600_000;

export interface LaunchServiceDeps {
  readonly db: Db;
  readonly registry: EhrRegistry;
  readonly cipher: SecretCipher;
  readonly keys: ClientKeyStore;
  readonly discovery: DiscoveryCache;
  readonly audit: AuditLog;
  /** Our public origin; the redirect URI is `${publicUrl}/callback`. */
  readonly publicUrl: string;
  readonly now?: () => Date;
  /** Forces the client assertion algorithm (tests of both); otherwise chosen from discovery. */
  readonly assertionAlg?: AssertionAlg;
  /** The fetch for an EHR's token and JWKS calls (traced, timed by vendor); openid-client's own when absent. */
  readonly oauthFetch?: (vendor: EhrVendor) => FetchLike;
}

export type AuthorizeStep = { readonly frameOrigins: readonly string[] } & (
  | { readonly method: 'GET'; readonly url: URL }
  | { readonly method: 'POST'; readonly action: string; readonly fields: readonly [string, string][] }
);

export interface LaunchService {
  readonly store: LaunchStore;
  begin(input: {
    iss: string;
    launch: string | undefined;
    launchType: LaunchType;
    /** Hash of the binding cookie the browser gets with this launch. */
    browserBinding: Buffer;
  }): Promise<string>;
  /** `bindingCookie`: the launch's binding cookie as this request carried it. */
  authorize(launchId: string, bindingCookie: string | undefined): Promise<AuthorizeStep>;
  complete(query: URLSearchParams, cookies: CallbackCookies, requestId: string): Promise<CompletedLaunch>;
  storage(launchId: string): ClientStateStorage;
  registrationOf(registrationId: string): Promise<EhrRegistration>;
  discoveryOf(registration: EhrRegistration): Promise<SmartConfiguration>;
  /** The registered frame origins of a launch's EHR; empty for an unknown launch. */
  frameOriginsOf(launchId: string): Promise<readonly string[]>;
  /** openid-client configuration for this registration (cached: it holds the JWKS cache). */
  tokenClient(registration: EhrRegistration): Promise<oidc.Configuration>;
}

export function createLaunchService(deps: LaunchServiceDeps): LaunchService {
  const now = deps.now ?? (() => new Date());
  const store = createLaunchStore(deps.db);
  const redirectUri = `${deps.publicUrl}/callback`;
  const configs = new Map<
    string,
    { updatedAt: string; discovery: SmartConfiguration; config: oidc.Configuration }
  >();
  const storage = (launchId: string) => clientStateStorage(deps.db, deps.cipher, launchId);

  async function discoveryOf(registration: EhrRegistration): Promise<SmartConfiguration> {
    try {
      return await deps.discovery.get(registration.issuer);
    } catch (err) {
      throw ehrUnavailable(err);
    }
  }

  async function registrationOf(registrationId: string): Promise<EhrRegistration> {
    const registration = await deps.registry.get(registrationId);
    // The registration was removed while the launch was open: treat it as never registered.
    if (!registration) throw notRegistered();
    return registration;
  }

  async function tokenClient(registration: EhrRegistration): Promise<oidc.Configuration> {
    const discovery = await discoveryOf(registration);
    const cached = configs.get(registration.id);
    // A changed registration or a refreshed discovery document gets a new configuration.
    if (cached?.updatedAt === registration.updatedAt && cached.discovery === discovery) return cached.config;
    const config = tokenClientConfiguration({
      registration,
      discovery,
      clientSecret: registration.hasClientSecret
        ? await deps.registry.clientSecret(registration.id)
        : undefined,
      keys: deps.keys,
      ...(deps.assertionAlg ? { assertionAlg: deps.assertionAlg } : {}),
      ...(deps.oauthFetch ? { fetch: deps.oauthFetch(registration.vendor) } : {}),
    });
    configs.set(registration.id, { updatedAt: registration.updatedAt, discovery, config });
    return config;
  }

  const service: LaunchService = {
    store,
    storage,
    registrationOf,
    discoveryOf,
    tokenClient,

    async frameOriginsOf(launchId) {
      const launch = isLaunchId(launchId) ? await store.get(launchId) : undefined;
      if (!launch) return [];
      return (await deps.registry.get(launch.registrationId))?.frameOrigins ?? [];
    },

    async begin({ iss, launch, launchType, browserBinding }) {
      const registration = await deps.registry.findByIssuer(iss);
      if (!registration) throw notRegistered();
      const discovery = await discoveryOf(registration);
      // Housekeeping as launches arrive: expired sessions and their sealed tokens do not linger.
      await store.purgeExpired(new Date(now().getTime() - PURGE_AFTER_MS));
      const launchId = randomToken(16);
      await store.create({
        id: launchId,
        registrationId: registration.id,
        launchType,
        browserBinding,
        expiresAt: new Date(now().getTime() + AUTHORIZE_WINDOW_MS),
      });
      const stateKey = randomToken(32);
      let url: URL;
      try {
        url = await buildAuthorizeUrl(storage(launchId), {
          iss: registration.issuer,
          launch,
          clientId: registration.clientId,
          scope: requestedScope(registration.scopes, launchType, discovery),
          redirectUri,
          stateKey,
        });
      } catch (err) {
        throw ehrUnavailable(err);
      }
      await storage(launchId).set(AUTHORIZE_URL_KEY, url.href);
      await store.setStateHash(launchId, sha256(stateKey));
      return launchId;
    },

    async authorize(launchId, bindingCookie) {
      const launch = await store.get(launchId);
      if (!launch || launch.status !== 'authorizing' || launch.expiresAt <= now()) throw launchExpired();
      if (
        bindingCookie &&
        !(launch.browserBinding && sameHash(launch.browserBinding, sha256(bindingCookie)))
      ) {
        throw notBound();
      }
      // No cookie at all: this browser keeps none, so the state cannot be bound to it.
      if (!(await store.settleBinding(launchId, bindingCookie !== undefined))) throw launchExpired();
      const href = await storage(launchId).get(AUTHORIZE_URL_KEY);
      if (typeof href !== 'string') throw launchExpired();
      const url = new URL(href);
      const registration = await registrationOf(launch.registrationId);
      const discovery = await discoveryOf(registration);
      const frameOrigins = registration.frameOrigins;
      if (!supportsAuthorizePost(discovery)) return { method: 'GET', url, frameOrigins };
      // authorize-post keeps the (possibly long) launch JWT and PKCE values out of the URL.
      const fields = [...url.searchParams.entries()];
      url.search = '';
      return { method: 'POST', action: url.href, fields, frameOrigins };
    },

    complete: (query, cookies, requestId) =>
      completeLaunch(service, { audit: deps.audit, now, redirectUri }, query, cookies, requestId),
  };
  return service;
}
