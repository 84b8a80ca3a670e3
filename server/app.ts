/**
 * Builds the companion server's Express app from its dependencies. Nothing here reads the
 * environment or opens connections: `main.ts` does that and passes them in.
 *
 * @module
 */
import type { Express } from 'express';
import { createDiscoveryCache, type FetchLike } from '../launch/discovery.ts';
import { adminRoutes } from './admin/ehr-registration-routes.ts';
import { createAuditLog } from './audit/audit-log.ts';
import type { Config } from './config/config.ts';
import { cipherForKeys } from './crypto/secret-cipher.ts';
import type { Db } from './db/db.ts';
import { createPipeline } from './http/pipeline.ts';
import { noFrameAncestor } from './http/security-headers.ts';
import type { ClientKeyStore } from './keys/client-keys.ts';
import { jwksRoutes } from './keys/jwks-route.ts';
import { createLaunchContextLoader } from './launch/launch-context.ts';
import { launchRoutes, type OnLaunchAuthorized } from './launch/launch-routes.ts';
import { createLaunchService } from './launch/launch-service.ts';
import { launchTokensFactory } from './launch/launch-tokens.ts';
import { createSmartStyleSource, styleOrigins } from './launch/smart-style.ts';
import type { AssertionAlg } from './launch/token-client.ts';
import { createHealthState, type HealthState } from './lifecycle/health-state.ts';
import { ehrCallObserver, observedFetch } from './observability/ehr-calls.ts';
import type { Logger } from './observability/logger.ts';
import { createMetrics, type AppMetrics } from './observability/metrics.ts';
import { metricsRoute } from './observability/metrics-route.ts';
import { instrumentDraftingProviders } from './observability/model-metrics.ts';
import { tracedFetch } from './observability/traced-fetch.ts';
import { createEhrRegistry } from './registry/ehr-registry.ts';
import { createDraftStore } from './drafting/draft-store.ts';
import type { DraftingProviders } from './drafting/drafting-providers.ts';
import { createDraftingService } from './drafting/drafting-service.ts';
import { providersFromConfig } from './drafting/providers-from-config.ts';
import { createTemplateStore } from './drafting/templates/template-store.ts';
import { createCodingService } from './coding/coding-service.ts';
import { createHccStore } from './coding/hcc/hcc-store.ts';
import { createCodeSearchService } from './coding/search/code-search-service.ts';
import { codesApiRoutes } from './routes/codes-api.ts';
import { codeSearchApiRoutes } from './routes/code-search-api.ts';
import { userRoleRoutes } from './admin/user-role-routes.ts';
import { createBillingReviewService } from './coding/review/billing-review-service.ts';
import { createIcd10cmLookup } from './coding/review/replacement-codes.ts';
import { createReviewDecisionStore } from './coding/review/review-decision-store.ts';
import { createReviewQueueStore } from './coding/review/review-queue-store.ts';
import { createCodeSuggestionStore } from './coding/store/code-suggestion-store.ts';
import { reviewApiRoutes } from './routes/review-api.ts';
import { createAdminHealthService } from './admin/health/admin-health-service.ts';
import { createAdminHealthStore } from './admin/health/admin-health-store.ts';
import { adminHealthApiRoutes } from './routes/admin-health-api.ts';
import { createUserRoleStore } from './roles/user-role-store.ts';
import { draftApiRoutes } from './routes/draft-api.ts';
import { healthRoutes } from './routes/health.ts';
import { launchApiRoutes } from './routes/launch-api.ts';
import { pluginFiles, pluginRoutes } from './routes/plugin-files.ts';

export interface AppDeps {
  readonly config: Config;
  readonly db: Db;
  readonly log: Logger;
  /** Our SMART client's signing keys (the rotating store main opens). */
  readonly keys: ClientKeyStore;
  /** How the server calls EHRs (discovery, style); tests inject latency or failures here. */
  readonly fetch?: FetchLike;
  /** Shared with the shutdown, so `/readyz` turns 503 while draining. */
  readonly health?: HealthState;
  /** Forces the client assertion algorithm (tests); otherwise chosen from each EHR's discovery. */
  readonly assertionAlg?: AssertionAlg;
  /** The drafting providers; built from `config.drafting` when not given. */
  readonly drafting?: DraftingProviders;
  /** This app's Prometheus registry and series (served at /metrics); a new one when not given. */
  readonly metrics?: AppMetrics;
}

export function createApp(deps: AppDeps): Express {
  const { config, db, log, keys } = deps;
  const health = deps.health ?? createHealthState();
  const metrics = deps.metrics ?? createMetrics();
  // Every outbound call (EHR, model server) carries a child traceparent of its request's trace.
  const fetchFn = tracedFetch(deps.fetch ?? ((input, init) => globalThis.fetch(input, init)));
  const cipher = cipherForKeys(config.tokenEncryptionKey, config.tokenEncryptionPreviousKeys);
  const registry = createEhrRegistry(db, cipher);
  const audit = createAuditLog(db);
  const launches = createLaunchService({
    db,
    registry,
    cipher,
    keys,
    audit,
    discovery: createDiscoveryCache({ fetch: fetchFn }),
    publicUrl: config.publicUrl,
    ...(deps.assertionAlg ? { assertionAlg: deps.assertionAlg } : {}),
    oauthFetch: (vendor) => observedFetch(fetchFn, ehrCallObserver(metrics, vendor), 'oauth'),
  });
  const files = pluginFiles(config.pluginDistDir);
  const styles = createSmartStyleSource(fetchFn);
  const contexts = createLaunchContextLoader({
    launches,
    tokens: launchTokensFactory(launches),
    audit,
    log,
    observeEhr: async (launch) =>
      ehrCallObserver(
        metrics,
        await launches.registrationOf(launch.registrationId).then(
          (registration) => registration.vendor,
          () => 'unknown',
        ),
      ),
  });
  // The EHR round trips for the context and the style start while the browser loads the plugin.
  const onAuthorized: OnLaunchAuthorized = (done, requestId) => {
    contexts.prefetch(done.launchId, requestId);
    if (done.smartStyleUrl) void styles.get(done.smartStyleUrl, styleOrigins(done.registration));
  };
  const drafts = createDraftStore(db);
  const drafting = createDraftingService({
    templates: createTemplateStore(db),
    drafts,
    providers: instrumentDraftingProviders(
      deps.drafting ?? providersFromConfig(config.drafting, { log, fetch: fetchFn }),
      metrics,
    ),
    audit,
    maxInputChars: config.drafting.maxInputChars,
  });
  // ICD-10-CM typeahead: the active release's index, built on the first search.
  const codeSearch = createCodeSearchService({ db, log });
  // Code suggestions from the saved draft and the chart, checked against the same loaded release.
  const coding = createCodingService({
    db,
    drafts,
    hcc: createHccStore(db),
    codeSet: () => codeSearch.codeSet(),
    audit,
  });
  // App roles per EHR user (billing staff see the review queue) and billing's code decisions.
  const roles = createUserRoleStore(db);
  const review = createBillingReviewService({
    suggestions: createCodeSuggestionStore(db),
    queue: createReviewQueueStore(db),
    decisions: createReviewDecisionStore(db),
    drafts,
    icd10cm: createIcd10cmLookup(db),
    audit,
  });
  return createPipeline(
    { log, frameAncestors: noFrameAncestor, hsts: config.publicUrl.startsWith('https:'), metrics },
    (app) => {
      app.use(metricsRoute({ metrics, token: config.metricsToken }));
      app.use(healthRoutes({ db, health }));
      app.use(jwksRoutes(keys));
      app.use(launchRoutes(launches, files, onAuthorized));
      app.use(launchApiRoutes({ launches, contexts, styles, audit, roles }));
      app.use(draftApiRoutes({ store: launches.store, drafting, contexts, log }));
      app.use(codeSearchApiRoutes({ store: launches.store, codes: codeSearch }));
      app.use(codesApiRoutes({ store: launches.store, coding, contexts }));
      app.use(reviewApiRoutes({ store: launches.store, roles, audit, review }));
      app.use(
        adminHealthApiRoutes({
          store: launches.store,
          roles,
          audit,
          health: createAdminHealthService({
            store: createAdminHealthStore(db),
            audit,
            now: () => new Date(),
          }),
        }),
      );
      app.use('/admin/api', adminRoutes({ registry, adminApiToken: config.adminApiToken }));
      app.use('/admin/api', userRoleRoutes({ registry, roles, adminApiToken: config.adminApiToken }));
      app.use(pluginRoutes(files, (launchId) => launches.frameOriginsOf(launchId)));
    },
  );
}
