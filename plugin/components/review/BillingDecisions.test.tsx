// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../api/client.ts';
import { expired, fakeFetch, type Reply } from '../../test-support/fake-fetch.ts';
import { decision } from '../../test-support/sample-review.ts';
import { BillingDecisions } from './BillingDecisions.tsx';

afterEach(cleanup);

function show(reply: (count: number) => Reply, refreshKey?: string) {
  const server = fakeFetch((_what, count, request) => {
    expect(request.path).toBe('/api/launches/L1/codes/decisions');
    return reply(count);
  });
  const client = createApiClient({ launchId: 'L1', fetch: server.fetch });
  const onSessionOver = vi.fn();
  const view = render(
    <BillingDecisions
      client={client}
      onSessionOver={onSessionOver}
      {...(refreshKey ? { refreshKey } : {})}
    />,
  );
  return { server, client, onSessionOver, view };
}

describe('BillingDecisions', () => {
  it('says when billing has not reviewed the codes yet', async () => {
    show(() => ({ body: { decisions: [], history: [] } }));
    expect((await screen.findByText('Billing has not reviewed these codes yet.')).tagName).toBe('P');
  });

  it('lists each code’s current decision with the reason, who and when', async () => {
    const changed = decision({
      id: '3',
      code: 'I12.9',
      decision: 'change',
      replacementCode: 'I10',
      reason: 'The note does not tie the blood pressure to the kidney disease.',
    });
    const rejected = decision({
      id: '2',
      code: 'G2211',
      kind: 'add_on',
      decision: 'reject',
      reason: 'Not continuing care',
      decidedByName: '',
    });
    show(() => ({
      body: { decisions: [decision(), changed, rejected], history: [changed, rejected, decision()] },
    }));
    const items = (await screen.findByTestId('billing-decision-list')).querySelectorAll('li');
    expect([...items].map((li) => li.getAttribute('data-decision'))).toEqual(['accept', 'change', 'reject']);
    expect(items[0]!.textContent).toContain('E11.65 Diagnosis Accepted');
    expect(items[0]!.textContent).toContain('Bea Biller, Mar 13, 2031');
    expect(items[1]!.textContent).toContain('Changed to I10');
    expect(items[1]!.textContent).toContain(
      'Reason: The note does not tie the blood pressure to the kidney disease.',
    );
    // Without a name, the user's reference (never the server's address).
    expect(items[2]!.textContent).toContain('Add-on Rejected');
    expect(items[2]!.textContent).toContain('Practitioner/rp-billing-biller,');
    expect(items[2]!.textContent).not.toContain('https://');
  });

  it('explains a failure, keeps the codes safe, and retries', async () => {
    show((count) =>
      count === 0
        ? { status: 502, body: { error: 'internal', message: 'The server failed.' } }
        : { body: { decisions: [decision()], history: [decision()] } },
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      "Billing's decisions could not be loaded: The server failed. Your codes are not affected.",
    );
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('billing-decision-list')).toBeTruthy();
  });

  it('loads again when refreshKey changes, and ends a session that is over', async () => {
    const { server, client, view } = show(() => ({ body: { decisions: [], history: [] } }), 'a');
    await screen.findByText('Billing has not reviewed these codes yet.');
    view.rerender(<BillingDecisions client={client} refreshKey="b" />);
    await waitFor(() => expect(server.calls).toHaveLength(2));

    cleanup();
    const over = show(() => expired);
    await waitFor(() => expect(over.onSessionOver).toHaveBeenCalled());
  });
});
