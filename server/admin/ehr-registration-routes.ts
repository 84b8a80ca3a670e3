/**
 * The admin API for EHR registrations, mounted at `/admin/api`: list, create, read, change and
 * remove the EHRs RevenuePilot accepts launches from. Every route needs the admin bearer token.
 * Bodies are validated by the registration schema; answers never carry the client secret, only
 * `hasClientSecret`.
 *
 * @module
 */
import { Router } from 'express';
import { AppError } from '../errors/app-error.ts';
import { parseEhrRegistrationInput, parseEhrRegistrationPatch } from '../registry/ehr-registration-input.ts';
import type { EhrRegistry } from '../registry/ehr-registration.ts';
import { requireAdminToken } from './admin-auth.ts';

export interface AdminRoutesOptions {
  readonly registry: EhrRegistry;
  /** Undefined: every admin route answers 503 admin_disabled. */
  readonly adminApiToken: string | undefined;
}

const COLLECTION = '/ehr-registrations';

export function adminRoutes({ registry, adminApiToken }: AdminRoutesOptions): Router {
  const router = Router();
  router.use(requireAdminToken(adminApiToken));

  router.get(COLLECTION, async (_req, res) => {
    res.json({ registrations: await registry.list() });
  });

  router.post(COLLECTION, async (req, res) => {
    const created = await registry.create(parseEhrRegistrationInput(req.body));
    res
      .status(201)
      .location(`${req.baseUrl}${COLLECTION}/${encodeURIComponent(created.id)}`)
      .json(created);
  });

  router.get(`${COLLECTION}/:id`, async (req, res) => {
    const found = await registry.get(req.params.id);
    if (!found) throw new AppError('not_found', 'There is no EHR registration with this id.');
    res.json(found);
  });

  router.put(`${COLLECTION}/:id`, async (req, res) => {
    res.json(await registry.update(req.params.id, parseEhrRegistrationPatch(req.body)));
  });

  router.delete(`${COLLECTION}/:id`, async (req, res) => {
    await registry.remove(req.params.id);
    res.status(204).end();
  });

  return router;
}
