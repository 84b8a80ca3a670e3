/**
 * `GET /launch?iss=…&launch=…`: where the EHR opens the app. For now it checks both parameters
 * and serves the plugin's index.html. The SMART launch (iss allowlist, discovery, PKCE, redirect
 * to authorize) replaces this handler in the next issue.
 *
 * @module
 */
import { Router } from 'express';
import { AppError } from '../errors/app-error.ts';
import { pluginFiles } from './plugin-files.ts';

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

export function launchRoutes(distDir: string): Router {
  const files = pluginFiles(distDir);
  const router = Router();

  router.get('/launch', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const missing = ['iss', 'launch'].filter((name) => !nonEmptyString(query[name]));
    if (missing.length > 0) {
      throw new AppError(
        'launch_params_missing',
        `Open RevenuePilot from the EHR: this address needs ${missing.join(' and ')} from the EHR's launch.`,
      );
    }
    await files.assertBuilt();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(files.indexPath);
  });

  return router;
}
