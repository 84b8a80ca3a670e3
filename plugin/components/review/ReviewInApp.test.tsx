// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../api/client.ts';
import { fakeFetch } from '../../test-support/fake-fetch.ts';
import { sampleContext, sampleSession } from '../../test-support/sample-chart.ts';
import { sampleQueue } from '../../test-support/sample-review.ts';
import { App } from '../App.tsx';

afterEach(cleanup);

function start(roles: ('clinician' | 'billing')[]) {
  const server = fakeFetch((what, _count, request) => {
    if (what === 'session') return { body: sampleSession({ roles }) };
    if (what === 'context') return { body: sampleContext() };
    if (request.path.includes('/review/queue')) return { body: sampleQueue() };
    return { status: 404, body: { error: 'not_found', message: 'Nothing yet.' } };
  });
  const client = createApiClient({ launchId: 'L1', fetch: server.fetch });
  render(<App client={client} styleRoot={document.createElement('div')} />);
  return server;
}

describe('the shell for billing staff', () => {
  it('shows only the review queue to a billing user, and loads none of the clinician’s steps', async () => {
    const server = start(['billing']);
    await waitFor(() =>
      expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Review queue Alt+5']),
    );
    expect(screen.getByRole('tab').getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByTestId('review-queue')).toBeTruthy();
    const paths = server.calls.map((p) =>
      new URL(p, 'http://plugin.test').pathname.split('/').slice(4).join('/'),
    );
    expect(paths).not.toContain('draft');
    expect(paths).not.toContain('codes');
  });

  it('adds the queue after the clinician’s steps for a user with both roles', async () => {
    start(['clinician', 'billing']);
    await waitFor(() =>
      expect(screen.getAllByRole('tab').map((t) => t.textContent?.split(' Alt')[0])).toContain(
        'Review queue',
      ),
    );
    expect(screen.getAllByRole('tab').map((t) => t.textContent?.split(' Alt')[0])).toEqual([
      'Context',
      'Draft',
      'Codes',
      'Review queue',
    ]);
    expect(screen.getAllByRole('tab')[0]!.getAttribute('aria-selected')).toBe('true');
  });

  it('shows a clinician no queue', async () => {
    const server = start(['clinician']);
    await screen.findByTestId('panel-problems');
    expect(screen.getAllByRole('tab').map((t) => t.textContent?.split(' Alt')[0])).toEqual([
      'Context',
      'Draft',
      'Codes',
    ]);
    expect(server.calls.some((p) => p.includes('/review/'))).toBe(false);
  });
});
