/**
 * `/_sandbox`: test controls for the sandbox EHR (no auth; JSON in and out).
 *   GET    /faults          current fault settings (`remaining: null` = until cleared)
 *   PUT    /faults          partial update, e.g. `{"mode":"http-503","appliesTo":"writes","remaining":2}`
 *   DELETE /faults          back to no faults
 *   GET    /vendor          `{"vendor":"generic"}`
 *   PUT    /vendor          `{"vendor":"epic"}` (generic | epic | oracle-health)
 *   GET    /scope-syntax    `{"scopeSyntax":"v2"}`
 *   PUT    /scope-syntax    `{"scopeSyntax":"v1"}`: SMART v1 scopes only, as Epic before Nov 2024 (v2 | v1)
 *   POST   /tokens/expire   every access token stops working at once
 *   PUT    /token-lifetime  `{"seconds":570}` for tokens issued from now on
 *   GET    /max-page-size   `{"maxPageSize":1000}`
 *   PUT    /max-page-size   `{"maxPageSize":10}`: searches return at most 10 entries a page
 * Bad input is 400 `{ error: 'invalid_request', message }`.
 *
 * @module
 */
import express, { type ErrorRequestHandler, type Response } from 'express';
import { z } from 'zod';
import { MAX_PAGE_SIZE_LIMIT, NO_FAULTS, type FaultSettings, type SandboxState } from './state.ts';

const faultsPatch = z
  .object({
    latencyMs: z.number().int().min(0).max(600_000),
    mode: z.enum(['none', 'http-500', 'http-503', 'timeout-after-commit', 'drop-connection']),
    appliesTo: z.enum(['all', 'reads', 'writes']),
    /** null: no limit. */
    remaining: z.number().int().min(1).nullable(),
  })
  .partial()
  .strict();

const vendorBody = z.object({ vendor: z.enum(['generic', 'epic', 'oracle-health']) }).strict();
const scopeSyntaxBody = z.object({ scopeSyntax: z.enum(['v2', 'v1']) }).strict();
const lifetimeBody = z.object({ seconds: z.number().int().min(1).max(86_400) }).strict();
const maxPageSizeBody = z.object({ maxPageSize: z.number().int().min(1).max(MAX_PAGE_SIZE_LIMIT) }).strict();

function faultsView(faults: FaultSettings): Record<string, unknown> {
  return { ...faults, remaining: faults.remaining ?? null };
}

function badInput(res: Response, error: z.ZodError): void {
  const message = error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  res.status(400).json({ error: 'invalid_request', message });
}

export function createControlApi(state: SandboxState): express.Router {
  const api = express.Router();
  api.use(express.json({ limit: '16kb' }));

  api.get('/faults', (_req, res) => {
    res.json(faultsView(state.faults));
  });
  api.put('/faults', (req, res) => {
    const parsed = faultsPatch.safeParse(req.body ?? {});
    if (!parsed.success) return badInput(res, parsed.error);
    const { remaining, ...rest } = parsed.data;
    state.faults = {
      ...state.faults,
      ...rest,
      ...(remaining !== undefined ? { remaining: remaining ?? undefined } : {}),
    };
    res.json(faultsView(state.faults));
  });
  api.delete('/faults', (_req, res) => {
    state.faults = { ...NO_FAULTS };
    res.json(faultsView(state.faults));
  });

  api.get('/vendor', (_req, res) => {
    res.json({ vendor: state.vendor });
  });
  api.put('/vendor', (req, res) => {
    const parsed = vendorBody.safeParse(req.body ?? {});
    if (!parsed.success) return badInput(res, parsed.error);
    state.vendor = parsed.data.vendor;
    res.json({ vendor: state.vendor });
  });

  api.get('/scope-syntax', (_req, res) => {
    res.json({ scopeSyntax: state.scopeSyntax });
  });
  api.put('/scope-syntax', (req, res) => {
    const parsed = scopeSyntaxBody.safeParse(req.body ?? {});
    if (!parsed.success) return badInput(res, parsed.error);
    state.scopeSyntax = parsed.data.scopeSyntax;
    res.json({ scopeSyntax: state.scopeSyntax });
  });

  api.post('/tokens/expire', (_req, res) => {
    state.grants.expireAllAccessTokens();
    res.json({ expired: true });
  });
  api.put('/token-lifetime', (req, res) => {
    const parsed = lifetimeBody.safeParse(req.body ?? {});
    if (!parsed.success) return badInput(res, parsed.error);
    state.accessTokenLifetimeSeconds = parsed.data.seconds;
    res.json({ seconds: state.accessTokenLifetimeSeconds });
  });

  api.get('/max-page-size', (_req, res) => {
    res.json({ maxPageSize: state.maxPageSize });
  });
  api.put('/max-page-size', (req, res) => {
    const parsed = maxPageSizeBody.safeParse(req.body ?? {});
    if (!parsed.success) return badInput(res, parsed.error);
    state.maxPageSize = parsed.data.maxPageSize;
    res.json({ maxPageSize: state.maxPageSize });
  });

  const onError: ErrorRequestHandler = (err: { type?: string }, _req, res, next) => {
    if (res.headersSent) return next(err);
    const message = err.type === 'entity.parse.failed' ? 'body is not valid JSON' : 'malformed request';
    res.status(400).json({ error: 'invalid_request', message });
  };
  api.use(onError);
  return api;
}
