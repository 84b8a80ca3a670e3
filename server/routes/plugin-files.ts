/**
 * Serves the built plugin (Vite output) under `/app/`: hashed files in `assets/` are cached for a
 * year, everything else (index.html first) is revalidated on every load, so a deploy takes effect
 * at once. `/` redirects to `/app/`. Before the plugin is built, a 503 says how to build it.
 *
 * @module
 */
import { stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import express, { Router } from 'express';
import { AppError } from '../errors/app-error.ts';
import { setFramePolicy } from '../http/security-headers.ts';

export interface PluginFiles {
  readonly indexPath: string;
  /** Throws a 503 AppError naming the build command when the plugin has not been built. */
  assertBuilt(): Promise<void>;
}

export function pluginFiles(distDir: string): PluginFiles {
  const indexPath = join(distDir, 'index.html');
  return {
    indexPath,
    async assertBuilt() {
      // Checked per request (a cheap stat), so building while the server runs just works.
      const built = await stat(indexPath).then(
        (s) => s.isFile(),
        () => false,
      );
      if (!built) {
        throw new AppError(
          'plugin_not_built',
          'The RevenuePilot app has not been built on this server. Run `npm run build:plugin`, then reload.',
        );
      }
    },
  };
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** Which EHR origins may frame the plugin for a launch id; empty when the launch is unknown. */
export type LaunchFrameOrigins = (launchId: string) => Promise<readonly string[]>;

export function pluginRoutes(files: PluginFiles, frameOriginsOf: LaunchFrameOrigins): Router {
  const distDir = dirname(files.indexPath);
  const router = Router();

  router.get('/', (_req, res) => res.redirect(302, '/app/'));

  router.use('/app', async (req, res, next) => {
    await files.assertBuilt();
    if (req.path === '/' || req.path === '/index.html') {
      // A reload inside the EHR: only that launch's EHR may frame it. Without a known launch the
      // shell holds nothing and only says to open it from the EHR, so any frame may show that.
      const launchId = typeof req.query.launch === 'string' ? req.query.launch : undefined;
      const origins = launchId ? await frameOriginsOf(launchId) : [];
      setFramePolicy(res, { frameAncestors: origins.length > 0 ? origins : ['*'] });
    }
    next();
  });
  router.use(
    '/app',
    express.static(distDir, {
      index: ['index.html'],
      dotfiles: 'ignore',
      cacheControl: false,
      setHeaders(res, filePath) {
        // Vite puts content-hashed names under assets/; only those are safe to cache for ever.
        const inAssets = relative(distDir, filePath).split(sep)[0] === 'assets';
        res.setHeader('Cache-Control', inAssets ? IMMUTABLE : REVALIDATE);
      },
    }),
  );
  return router;
}
