/**
 * The plugin's codes API for one launch's encounter, behind `requireLaunchSession`:
 * - `POST codes/suggest`: runs the coder on the encounter's saved draft and the chart, stores and
 *   returns the suggestions (404 until a draft exists);
 * - `GET codes`: the latest suggestions (404 until the first run).
 *
 * @module
 */
import { Router } from 'express';
import type { CodingService } from '../coding/coding-service.ts';
import { parseSuggestCodesRequest } from '../coding/suggest-request-schema.ts';
import type { LaunchContextLoader } from '../launch/launch-context.ts';
import type { LaunchStore } from '../launch/launch-store.ts';
import { launchOf, requireLaunchSession } from '../launch/session-auth.ts';
import { contextReadError } from './context-read-error.ts';
import { encounterCallerOf } from './encounter-caller.ts';

export interface CodesApiDeps {
  readonly store: LaunchStore;
  readonly coding: CodingService;
  readonly contexts: LaunchContextLoader;
}

export function codesApiRoutes(deps: CodesApiDeps): Router {
  const router = Router();
  const session = requireLaunchSession(deps.store);
  const base = '/api/launches/:launchId/codes';

  router.post(`${base}/suggest`, session, async (req, res) => {
    const caller = encounterCallerOf(req, res);
    const request = parseSuggestCodesRequest(req.body);
    const launch = launchOf(res);
    let context;
    try {
      context = await deps.contexts.load(launch, caller.requestId);
    } catch (err) {
      throw await contextReadError(err, () => deps.store.end(launch.id));
    }
    res.set('Cache-Control', 'no-store').json(await deps.coding.suggest(caller, context, request));
  });

  router.get(base, session, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await deps.coding.latest(encounterCallerOf(req, res)));
  });

  return router;
}
