/**
 * The admin health page's one call to the companion server: `GET …/admin/health` (admin role).
 * The answer is shape-checked before the UI reads it.
 *
 * @module
 */
import type {
  AdminHealth,
  EndpointFailures,
  RegistrationHealth,
} from '../../server/contract/admin-health.ts';
import { ApiError, type ApiClient } from './client.ts';

export interface AdminHealthApi {
  health(): Promise<AdminHealth>;
}

const unreadable = () =>
  new ApiError('bad_response', 'The RevenuePilot server sent an answer the app cannot read.', 502);

function isEndpoint(value: unknown): boolean {
  const e = value as Partial<EndpointFailures> | null;
  return typeof e?.action === 'string' && typeof e.count === 'number' && Array.isArray(e.traceIds);
}

function isRegistration(value: unknown): boolean {
  const r = value as Partial<RegistrationHealth> | null;
  return typeof r?.id === 'string' && typeof r.name === 'string' && typeof r.issuer === 'string';
}

function checkHealth(value: unknown): AdminHealth {
  const h = value as Partial<AdminHealth> | null;
  const endpoints: unknown = h?.failures?.endpoints;
  const registrations: unknown = h?.registrations;
  if (
    typeof h?.generatedAt !== 'string' ||
    typeof h.failures?.since !== 'string' ||
    typeof h.outbox?.available !== 'boolean' ||
    !Array.isArray(endpoints) ||
    !Array.isArray(registrations) ||
    !(endpoints as unknown[]).every(isEndpoint) ||
    !(registrations as unknown[]).every(isRegistration)
  ) {
    throw unreadable();
  }
  return h as AdminHealth;
}

export function createAdminHealthApi(client: ApiClient): AdminHealthApi {
  return {
    async health() {
      return checkHealth(await client.request<unknown>(`${client.basePath}/admin/health`));
    },
  };
}
