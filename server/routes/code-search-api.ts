/**
 * `GET /api/launches/:launchId/codes/search?q=…&limit=…`: ICD-10-CM typeahead for the plugin
 * (the Codes step, the billing queue), behind `requireLaunchSession`. Answers a `CodeSearchResult`:
 * the release searched and the hits, best first. Code lists hold no PHI, so nothing is audited.
 *
 * @module
 */
import { Router } from 'express';
import { z } from 'zod';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT } from '../coding/search/code-search-index.ts';
import type { CodeSearchService } from '../coding/search/code-search-service.ts';
import { AppError } from '../errors/app-error.ts';
import type { LaunchStore } from '../launch/launch-store.ts';
import { requireLaunchSession } from '../launch/session-auth.ts';

export const MAX_QUERY_CHARS = 100;

export interface CodeSearchApiDeps {
  readonly store: LaunchStore;
  readonly codes: CodeSearchService;
}

const querySchema = z.object({
  q: z
    .string({ error: 'Give the search text as q.' })
    .trim()
    .min(1, 'Give the search text as q.')
    .max(MAX_QUERY_CHARS, `The search text is longer than ${MAX_QUERY_CHARS} characters.`),
  limit: z.coerce
    .number({ error: `limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}.` })
    .int(`limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}.`)
    .min(1, `limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}.`)
    .max(MAX_SEARCH_LIMIT, `limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}.`)
    .default(DEFAULT_SEARCH_LIMIT),
});

export function parseCodeSearchQuery(query: unknown): { q: string; limit: number } {
  const parsed = querySchema.safeParse(query);
  if (!parsed.success) throw new AppError('bad_request', parsed.error.issues[0]?.message ?? 'Bad search.');
  return parsed.data;
}

export function codeSearchApiRoutes(deps: CodeSearchApiDeps): Router {
  const router = Router();
  router.get('/api/launches/:launchId/codes/search', requireLaunchSession(deps.store), async (req, res) => {
    const { q, limit } = parseCodeSearchQuery(req.query);
    res.json(await deps.codes.search(q, limit));
  });
  return router;
}
