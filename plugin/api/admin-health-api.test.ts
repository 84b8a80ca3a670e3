import { describe, expect, it } from 'vitest';
import { createAdminHealthApi } from './admin-health-api.ts';
import { ApiError, createApiClient } from './client.ts';
import { fakeFetch } from '../test-support/fake-fetch.ts';

const health = {
  generatedAt: '2026-03-10T12:00:00.000Z',
  failures: { since: '2026-03-09T12:00:00.000Z', endpoints: [] },
  outbox: { available: false, reason: 'Write-back is not built yet.' },
  lastSuccessLookbackDays: 30,
  registrations: [],
};

const apiAnswering = (body: unknown) =>
  createAdminHealthApi(createApiClient({ launchId: 'L1', fetch: fakeFetch(() => ({ body })).fetch }));

describe('admin health API client', () => {
  it('reads the launch’s health answer', async () => {
    const server = fakeFetch(() => ({ body: health }));
    const api = createAdminHealthApi(createApiClient({ launchId: 'L1', fetch: server.fetch }));
    expect(await api.health()).toEqual(health);
    expect(server.calls).toEqual(['/api/launches/L1/admin/health']);
  });

  it('refuses an answer of the wrong shape', async () => {
    for (const body of [
      {},
      { ...health, outbox: undefined },
      { ...health, failures: { since: 'x', endpoints: [{ action: 'fhir.read' }] } },
      { ...health, registrations: [{ id: 'r' }] },
    ]) {
      await expect(apiAnswering(body).health()).rejects.toSatisfy(
        (e) => e instanceof ApiError && e.code === 'bad_response',
      );
    }
  });
});
