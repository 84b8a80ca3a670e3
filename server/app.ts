/**
 * Builds the companion server's Express app from its dependencies. Nothing here reads the
 * environment or opens connections: `main.ts` does that and passes them in.
 *
 * @module
 */
import type { Express } from 'express';
import type { Config } from './config/config.ts';
import type { Db } from './db/db.ts';
import { createPipeline } from './http/pipeline.ts';
import { anyFrameAncestor, type FrameAncestors } from './http/security-headers.ts';
import { createHealthState, type HealthState } from './lifecycle/health-state.ts';
import type { Logger } from './observability/logger.ts';
import { healthRoutes } from './routes/health.ts';
import { launchRoutes } from './routes/launch.ts';
import { pluginRoutes } from './routes/plugin-files.ts';

export interface AppDeps {
  readonly config: Config;
  readonly db: Db;
  readonly log: Logger;
  /** Shared with the shutdown, so `/readyz` turns 503 while draining. */
  readonly health?: HealthState;
  /** Who may frame the app; the per-EHR allowlist plugs in here. */
  readonly frameAncestors?: FrameAncestors;
}

export function createApp(deps: AppDeps): Express {
  const { config, db, log } = deps;
  const health = deps.health ?? createHealthState();
  return createPipeline(
    {
      log,
      frameAncestors: deps.frameAncestors ?? anyFrameAncestor,
      hsts: config.publicUrl.startsWith('https:'),
    },
    (app) => {
      app.use(healthRoutes({ db, health }));
      app.use(launchRoutes(config.pluginDistDir));
      app.use(pluginRoutes(config.pluginDistDir));
    },
  );
}
