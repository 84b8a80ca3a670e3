/**
 * Serves the built plugin (Vite output) under `/app/`: hashed files in `assets/` are cached for a
 * year, everything else (index.html first) is revalidated on every load, so a deploy takes effect
 * at once. `/` redirects to `/app/`. Before the plugin is built, a 503 says how to build it.
 *
 * @module
 */
import { stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import express, { Router } from 'express';
import { AppError } from '../errors/app-error.ts';

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

export function pluginRoutes(distDir: string): Router {
  const files = pluginFiles(distDir);
  const router = Router();

  router.get('/', (_req, res) => res.redirect(302, '/app/'));

  router.use('/app', async (_req, _res, next) => {
    await files.assertBuilt();
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
