// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdminHealth } from '../../../server/contract/admin-health.ts';
import type { AppRole } from '../../../server/contract/launch-session.ts';
import { createApiClient } from '../../api/client.ts';
import { expired, fakeFetch, type Reply } from '../../test-support/fake-fetch.ts';
import { sampleContext, sampleSession } from '../../test-support/sample-chart.ts';
import { App } from '../App.tsx';
import { AdminHealthView } from './AdminHealthView.tsx';

afterEach(cleanup);

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

function sampleHealth(over: Partial<AdminHealth> = {}): AdminHealth {
  return {
    generatedAt: '2026-03-10T12:00:00.000Z',
    failures: {
      since: '2026-03-09T12:00:00.000Z',
      endpoints: [{ action: 'fhir.search', count: 3, lastAt: '2026-03-10T11:00:00.000Z', traceIds: [TRACE] }],
    },
    outbox: { available: false, reason: 'Write-back is not built yet, so there is no outbox to report on.' },
    lastSuccessLookbackDays: 30,
    registrations: [
      {
        id: 'reg-1',
        name: 'Fictional Epic North',
        issuer: 'https://epic.north.example/fhir',
        vendor: 'epic',
        lastSuccessAt: '2026-03-10T10:00:00.000Z',
        lastSuccessAction: 'fhir.read',
      },
      {
        id: 'reg-2',
        name: 'Fictional Quiet Clinic',
        issuer: 'https://quiet.example/fhir',
        vendor: 'generic',
        lastSuccessAt: null,
        lastSuccessAction: null,
      },
    ],
    ...over,
  };
}

function show(reply: (count: number) => Reply) {
  const server = fakeFetch((what, count) =>
    what === 'health' ? reply(count) : { status: 404, body: { error: 'not_found', message: 'No.' } },
  );
  const onSessionOver = vi.fn();
  render(
    <AdminHealthView
      client={createApiClient({ launchId: 'L1', fetch: server.fetch })}
      active
      onSessionOver={onSessionOver}
    />,
  );
  return { server, onSessionOver };
}

describe('AdminHealthView', () => {
  it('shows failures with their trace ids, the outbox as not available, and each EHR’s last success', async () => {
    show(() => ({ body: sampleHealth() }));
    const failures = await screen.findByTestId('admin-failures');
    const row = within(failures).getByRole('row', { name: /fhir\.search/ });
    expect(within(row).getByText('3')).toBeTruthy();
    expect(within(row).getByText(TRACE)).toBeTruthy();
    expect(screen.getByTestId('admin-outbox-unavailable').textContent).toContain(
      'Write-back is not built yet',
    );
    expect(screen.queryByTestId('admin-outbox')).toBeNull();
    const regs = screen.getByTestId('admin-registrations');
    expect(within(regs).getByRole('row', { name: /Fictional Epic North/ }).textContent).toContain(
      'fhir.read',
    );
    expect(within(regs).getByRole('row', { name: /Fictional Quiet Clinic/ }).textContent).toContain(
      'None in the last 30 days',
    );
    expect(screen.getByRole('status').textContent).toMatch(/^Updated at /);
  });

  it('says so when nothing failed, and Refresh reads again', async () => {
    const { server } = show((count) =>
      count === 0
        ? { body: sampleHealth() }
        : { body: sampleHealth({ failures: { since: 'x', endpoints: [] } }) },
    );
    await screen.findByTestId('admin-failures');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByTestId('admin-no-failures')).toBeTruthy();
    expect(server.calls.filter((p) => p.endsWith('/admin/health'))).toHaveLength(2);
  });

  it('speaks to the person when the server refuses or fails, with Retry', async () => {
    const { onSessionOver } = show((count) =>
      count === 0
        ? {
            status: 403,
            body: {
              error: 'forbidden',
              message: 'This is for administrators. Ask your RevenuePilot administrator for the admin role.',
              requestId: 'req-42',
            },
          }
        : { body: sampleHealth() },
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This is for administrators.');
    expect(alert.textContent).toContain('req-42');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('admin-failures')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onSessionOver).not.toHaveBeenCalled();
  });

  it('hands an ended session to the shell', async () => {
    const { onSessionOver } = show(() => expired);
    await waitFor(() => expect(onSessionOver).toHaveBeenCalled());
  });
});

function startApp(roles: AppRole[]) {
  const server = fakeFetch((what) => {
    if (what === 'session') return { body: sampleSession({ roles }) };
    if (what === 'context') return { body: sampleContext() };
    if (what === 'health') return { body: sampleHealth() };
    return { status: 404, body: { error: 'not_found', message: 'Nothing yet.' } };
  });
  render(
    <App
      client={createApiClient({ launchId: 'L1', fetch: server.fetch })}
      styleRoot={document.createElement('div')}
    />,
  );
  return server;
}

const tabNames = () => screen.getAllByRole('tab').map((t) => t.textContent?.split(' Alt')[0]);

describe('the Admin tab in the shell', () => {
  it('is added for an admin and reached with Alt+6, loading the page only then', async () => {
    const server = startApp(['clinician', 'admin']);
    await waitFor(() => expect(tabNames()).toContain('Admin'));
    expect(tabNames()).toEqual(['Context', 'Draft', 'Codes', 'Admin']);
    expect(server.calls.some((p) => p.endsWith('/admin/health'))).toBe(false);
    fireEvent.keyDown(document, { key: '6', code: 'Digit6', altKey: true });
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Admin'));
    expect(await screen.findByTestId('admin-failures')).toBeTruthy();
  });

  it('is not shown to clinicians or billing staff, who never call the health API', async () => {
    const server = startApp(['clinician', 'billing']);
    await waitFor(() => expect(tabNames()).toContain('Review queue'));
    expect(tabNames()).not.toContain('Admin');
    expect(server.calls.some((p) => p.includes('/admin/'))).toBe(false);
  });
});
