/**
 * The launch's HTTP face:
 * - `GET /launch?iss&launch`: EHR launch, from inside the EHR's iframe.
 * - `GET /launch/standalone?iss`: standalone launch (the EHR shows its patient picker).
 * - `GET /launch/:launchId/authorize`: binds the browser, then on to the EHR (GET or POST form).
 * - `GET /callback`: the EHR's answer; on success the plugin opens with its session bootstrap.
 * Failures render an error page inside the frame, never JSON or a stack.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import express, { Router, type Request } from 'express';
import { AppError } from '../errors/app-error.ts';
import { answerErrorsWithPage } from '../http/error-page.ts';
import { setFramePolicy } from '../http/security-headers.ts';
import { requestContextOf } from '../observability/request-context.ts';
import type { PluginFiles } from '../routes/plugin-files.ts';
import { authorizePostPage, bootPage } from './launch-pages.ts';
import type { CompletedLaunch } from './launch-callback.ts';
import type { LaunchService } from './launch-service.ts';
import type { LaunchType } from './launch-store.ts';
import { isLaunchId, sha256 } from './launch-store.ts';
import {
  clearBindingCookie,
  ensureSessionCookie,
  newBindingValue,
  readBindingCookie,
  readSessionCookie,
  setBindingCookie,
} from './session-cookie.ts';

const ASSETS_DIR = fileURLToPath(new URL('./assets/', import.meta.url));

function param(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Called once a launch is authorized, before its page is sent: the place to start reads early. */
export type OnLaunchAuthorized = (done: CompletedLaunch, requestId: string) => void;

export function launchRoutes(
  service: LaunchService,
  files: PluginFiles,
  onAuthorized: OnLaunchAuthorized = () => undefined,
): Router {
  const router = Router();

  router.use(['/launch', '/callback'], (_req, res, next) => {
    answerErrorsWithPage(res);
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.use('/launch', express.static(ASSETS_DIR, { index: false, redirect: false, dotfiles: 'ignore' }));

  async function begin(req: Request, res: express.Response, launchType: LaunchType): Promise<void> {
    const iss = param(req, 'iss');
    const launch = launchType === 'ehr' ? param(req, 'launch') : undefined;
    const missing = [!iss && 'iss', launchType === 'ehr' && !launch && 'launch'].filter(Boolean);
    if (!iss || missing.length > 0) {
      throw new AppError(
        'launch_params_missing',
        `Open RevenuePilot from the EHR: this address needs ${missing.join(' and ')} from the EHR's launch.`,
      );
    }
    const binding = newBindingValue();
    const launchId = await service.begin({ iss, launch, launchType, browserBinding: sha256(binding) });
    // Set here, looked for on the next hop: only then do we know whether this browser keeps cookies.
    setBindingCookie(res, launchId, binding);
    ensureSessionCookie(req, res);
    res.redirect(303, `/launch/${launchId}/authorize`);
  }

  router.get('/launch', (req, res) => begin(req, res, 'ehr'));
  router.get('/launch/standalone', (req, res) => begin(req, res, 'standalone'));

  router.get('/launch/:launchId/authorize', async (req, res) => {
    const launchId = req.params.launchId;
    if (!isLaunchId(launchId)) throw new AppError('not_found', 'There is nothing at this address.');
    const step = await service.authorize(launchId, readBindingCookie(req, launchId));
    if (step.method === 'GET') {
      res.redirect(302, step.url.href);
      return;
    }
    setFramePolicy(res, { frameAncestors: step.frameOrigins, formAction: [new URL(step.action).origin] });
    res.type('html').send(authorizePostPage(step.action, step.fields));
  });

  router.get('/callback', async (req, res) => {
    const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
    const requestId = requestContextOf(req)?.requestId ?? '';
    const cookies = { binding: (id: string) => readBindingCookie(req, id), session: readSessionCookie(req) };
    const done = await service.complete(query, cookies, requestId);
    clearBindingCookie(res, done.launchId);
    onAuthorized(done, requestId);
    await files.assertBuilt();
    const index = await readFile(files.indexPath, 'utf8');
    setFramePolicy(res, { frameAncestors: done.registration.frameOrigins });
    res.type('html').send(bootPage(index, { launchId: done.launchId, sessionToken: done.sessionToken }));
  });

  return router;
}
