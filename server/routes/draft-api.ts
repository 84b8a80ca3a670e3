/**
 * The plugin's drafting API for one launch, behind `requireLaunchSession`; the draft belongs to
 * the launch's encounter, so a relaunch from the same chart finds it again.
 * - `GET templates`, `GET drafting` (providers and limits): no PHI.
 * - `GET draft`: the working draft (404 until there is one).
 * - `PUT draft`: autosave of input, edits and status, refused when stale (409).
 * - `POST draft/generate`: newline-delimited JSON: `progress` events while the provider works,
 *   then `done` with the stored draft or `error`. Errors before the first byte are ordinary JSON
 *   error responses with their status. A client that goes away cancels the provider call.
 *
 * @module
 */
import { Router } from 'express';
import type { DraftStreamEvent } from '../contract/note-draft.ts';
import type { ClinicalContext } from '../contract/clinical-context.ts';
import { parseGenerateRequest, parseSaveRequest } from '../drafting/draft-request-schemas.ts';
import type { DraftingService } from '../drafting/drafting-service.ts';
import { encounterCallerOf } from './encounter-caller.ts';
import { AppError } from '../errors/app-error.ts';
import type { LaunchContextLoader } from '../launch/launch-context.ts';
import type { LaunchStore } from '../launch/launch-store.ts';
import { launchOf, requireLaunchSession } from '../launch/session-auth.ts';
import type { Logger } from '../observability/logger.ts';

export interface DraftApiDeps {
  readonly store: LaunchStore;
  readonly drafting: DraftingService;
  readonly contexts: LaunchContextLoader;
  readonly log: Logger;
}

export function draftApiRoutes(deps: DraftApiDeps): Router {
  const router = Router();
  const session = requireLaunchSession(deps.store);
  const base = '/api/launches/:launchId';

  router.get(`${base}/templates`, session, async (_req, res) => {
    res.json(await deps.drafting.templates());
  });

  router.get(`${base}/drafting`, session, async (_req, res) => {
    res.json(await deps.drafting.options());
  });

  router.get(`${base}/draft`, session, async (req, res) => {
    const found = await deps.drafting.get(encounterCallerOf(req, res));
    if (!found) throw new AppError('not_found', 'No draft has been started for this encounter.');
    res.set('Cache-Control', 'no-store').json(found);
  });

  router.put(`${base}/draft`, session, async (req, res) => {
    const saved = await deps.drafting.save(encounterCallerOf(req, res), parseSaveRequest(req.body));
    res.set('Cache-Control', 'no-store').json(saved);
  });

  router.post(`${base}/draft/generate`, session, async (req, res) => {
    const caller = encounterCallerOf(req, res);
    const request = parseGenerateRequest(req.body);
    const requestId = caller.requestId;
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) abort.abort();
    });

    const send = (event: DraftStreamEvent) => {
      if (!res.headersSent) {
        res.status(200).set({
          'Content-Type': 'application/x-ndjson; charset=utf-8',
          'Cache-Control': 'no-store',
          'X-Accel-Buffering': 'no',
        });
      }
      res.write(`${JSON.stringify(event)}\n`);
    };

    // The chart makes the draft better but is not required: without it the note rests on the input.
    let context: ClinicalContext | undefined;
    try {
      context = await deps.contexts.load(launchOf(res), requestId);
    } catch (err) {
      deps.log.warn('draft.context_unavailable', {
        requestId,
        error: err instanceof AppError ? err.code : 'read_failed',
      });
    }

    try {
      const draft = await deps.drafting.generate(caller, request, {
        ...(context ? { context } : {}),
        signal: abort.signal,
        onProgress: (progress) => send({ type: 'progress', ...progress }),
      });
      send({ type: 'done', draft });
      res.end();
    } catch (err) {
      if (!res.headersSent) throw err;
      const known = err instanceof AppError;
      if (!known)
        // Only the error's name: an unexpected message could quote the input.
        deps.log.error('draft.generate_failed', {
          requestId,
          error: err instanceof Error ? err.name : 'unknown',
        });
      send({
        type: 'error',
        error: known ? err.code : 'internal',
        message: known ? err.message : 'Drafting failed unexpectedly. Your input is kept; try again.',
      });
      res.end();
    }
  });

  return router;
}
