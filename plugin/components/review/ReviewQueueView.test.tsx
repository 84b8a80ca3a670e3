// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DecideCodeRequest, ReviewDecision } from '../../../server/contract/billing-review.ts';
import type { CodeSearchResult } from '../../../server/contract/coding.ts';
import { createApiClient } from '../../api/client.ts';
import { expired, fakeFetch, type FakeRequest, type Reply } from '../../test-support/fake-fetch.ts';
import { decision, sampleDetail, sampleQueue } from '../../test-support/sample-review.ts';
import { ReviewQueueView } from './ReviewQueueView.tsx';

afterEach(cleanup);

interface ServerOptions {
  queue?: (request: FakeRequest) => Reply;
  decide?: (body: DecideCodeRequest) => Reply | undefined;
}

/** A stand-in for the review routes that keeps the decisions it is sent. */
function serve(opts: ServerOptions = {}) {
  const decisions: ReviewDecision[] = [];
  const server = fakeFetch((_what, _count, request) => {
    const url = new URL(request.path, 'http://plugin.test');
    if (url.pathname === '/api/launches/L1/review/queue')
      return opts.queue?.(request) ?? { body: sampleQueue() };
    if (url.pathname === '/api/launches/L1/codes/search') {
      const body: CodeSearchResult = {
        release: '2026',
        hits: [
          {
            code: 'I11.9',
            description: 'Hypertensive heart disease without heart failure',
            billable: true,
            score: 1,
            matchedBy: 'words',
          },
        ],
      };
      return { body };
    }
    if (url.pathname === '/api/launches/L1/review/encounters/enc-avery/decisions') {
      const body = request.body as DecideCodeRequest;
      const custom = opts.decide?.(body);
      if (custom) return custom;
      const saved = decision({
        id: String(decisions.length + 1),
        code: body.code,
        decision: body.decision,
        ...(body.replacementCode ? { replacementCode: body.replacementCode } : {}),
        ...(body.reason ? { reason: body.reason } : {}),
      });
      decisions.push(saved);
      return { status: 201, body: saved };
    }
    if (url.pathname === '/api/launches/L1/review/encounters/enc-avery') {
      const current = new Map(decisions.map((d) => [d.code, d]));
      return { body: sampleDetail([...current.values()]) };
    }
    return { status: 404, body: { error: 'not_found', message: 'Not here.' } };
  });
  return { server, decisions };
}

function show(server = serve().server, onSessionOver = vi.fn()) {
  const client = createApiClient({ launchId: 'L1', fetch: server.fetch });
  render(<ReviewQueueView client={client} active onSessionOver={onSessionOver} />);
  return { onSessionOver };
}

const queueQueries = (server: ReturnType<typeof fakeFetch>) =>
  server.calls
    .map((path) => new URL(path, 'http://plugin.test'))
    .filter((url) => url.pathname.endsWith('/review/queue'))
    .map((url) => Object.fromEntries(url.searchParams));

async function openAvery() {
  fireEvent.click(await screen.findByRole('button', { name: 'Testperson, Avery' }));
  return screen.findByTestId('review-encounter');
}

const row = (code: string) =>
  document.querySelector<HTMLElement>(`[data-item-id="rp-review-${code.replace(/\W/g, '')}"]`)!;

describe('the review queue', () => {
  it('lists pending encounters first, and asks again when a filter changes', async () => {
    const { server } = serve();
    show(server);
    const table = await screen.findByTestId('review-queue');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]!.textContent).toContain('Testperson, Avery');
    expect(rows[1]!.textContent).toContain('Medicare');
    expect(rows[1]!.textContent).toContain('Pending (0 of 7 decided)');
    expect(queueQueries(server)).toEqual([{ status: 'pending' }]);

    fireEvent.change(screen.getByLabelText('Provider'), { target: { value: 'Dr Kim Other-Testdoc' } });
    fireEvent.change(screen.getByLabelText('Payer'), { target: { value: 'commercial' } });
    fireEvent.change(screen.getByLabelText('Seen from'), { target: { value: '2031-03-01' } });
    await waitFor(() =>
      expect(queueQueries(server).at(-1)).toEqual({
        status: 'pending',
        provider: 'Dr Kim Other-Testdoc',
        payerType: 'commercial',
        from: '2031-03-01',
      }),
    );
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: '' } });
    await waitFor(() => expect(queueQueries(server).at(-1)).not.toHaveProperty('status'));
  });

  it('says what went wrong when the queue cannot load, and retries', async () => {
    let fail = true;
    const { server } = serve({
      queue: () =>
        fail
          ? {
              status: 403,
              body: { error: 'forbidden', message: 'The billing review queue is for billing staff.' },
            }
          : { body: sampleQueue() },
    });
    show(server);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The review queue could not be loaded: The billing review queue is for billing staff.',
    );
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('review-queue')).toBeTruthy();
  });

  it('ends the session when the server says it is over', async () => {
    const { server } = serve({ queue: () => expired });
    const { onSessionOver } = show(server);
    await waitFor(() => expect(onSessionOver).toHaveBeenCalled());
  });
});

describe('reviewing one encounter', () => {
  it('shows the note beside the codes, and a code’s evidence marked in the transcript', async () => {
    show();
    const encounter = await openAvery();
    expect(within(encounter).getByTestId('review-note-text').textContent).toContain(
      'Type 2 diabetes with neuropathy',
    );
    expect(within(encounter).getByTestId('review-mdm-grid').textContent).toContain('Moderate');
    const codes = within(encounter).getAllByTestId('code-decision');
    expect(codes).toHaveLength(7);

    const dx = row('E11.65');
    fireEvent.click(within(dx).getByRole('button', { name: /E11\.65/ }));
    expect(within(dx).getByTestId('code-evidence').textContent).toContain(
      '“Your A1c came back at 8.4, up from 7.2.”',
    );
    const marks = [...within(dx).getByTestId('code-evidence-text').querySelectorAll('mark')].map(
      (m) => m.textContent,
    );
    expect(marks).toContain('Your A1c came back at 8.4, up from 7.2.');

    const obesity = row('E66.01');
    fireEvent.click(within(obesity).getByRole('button', { name: /E66\.01/ }));
    expect(within(obesity).getByTestId('code-evidence-fhir').textContent).toContain(
      'Morbid obesity (problem list)',
    );
  });

  it('changes a diagnosis through the code search with a reason, then accepts the rest', async () => {
    const { server, decisions } = serve();
    show(server);
    await openAvery();
    const dx = row('I10');
    fireEvent.click(within(dx).getByRole('button', { name: 'Change…' }));
    const search = within(dx).getByRole('combobox', { name: 'Diagnosis to report instead of I10' });
    expect(document.activeElement).toBe(search);

    // Saving without a code or a reason is stopped here, with words.
    fireEvent.click(within(dx).getByRole('button', { name: 'Save change' }));
    expect(within(dx).getByTestId('decision-problem').textContent).toBe('Give the code to report instead.');

    fireEvent.input(search, { target: { value: 'hypertensive heart' } });
    fireEvent.click(await within(dx).findByRole('option', { name: /I11\.9/ }));
    expect(within(dx).getByTestId('replacement-chosen').textContent).toBe('Will report I11.9 instead.');
    fireEvent.click(within(dx).getByRole('button', { name: 'Save change' }));
    expect(within(dx).getByTestId('decision-problem').textContent).toBe('Give a reason for changing I10.');
    fireEvent.input(within(dx).getByLabelText(/Reason/), {
      target: { value: 'Heart involvement documented' },
    });
    fireEvent.click(within(dx).getByRole('button', { name: 'Save change' }));

    await waitFor(() =>
      expect(row('I10').querySelector('[data-testid="code-decision"]')!.textContent).toContain(
        'Changed to I11.9',
      ),
    );
    expect(decisions).toMatchObject([
      { code: 'I10', decision: 'change', replacementCode: 'I11.9', reason: 'Heart involvement documented' },
    ]);
    expect(row('I10').textContent).toContain('by Bea Biller');

    fireEvent.click(screen.getByRole('button', { name: 'Accept the remaining 6' }));
    await waitFor(() => expect(decisions).toHaveLength(7));
    expect(decisions.slice(1).every((d) => d.decision === 'accept')).toBe(true);
    expect(decisions.map((d) => d.code)).toEqual([
      'I10',
      'E11.42',
      'E11.65',
      'E66.01',
      '99215',
      'G2211',
      '99406',
    ]);
    await waitFor(() =>
      expect(screen.getByTestId('review-encounter-facts').textContent).toContain('Reviewed'),
    );
  });

  it('rejects with a reason, shows the server’s refusal in the form, and cancels with Escape', async () => {
    const { server, decisions } = serve({
      decide: (body) =>
        body.code === '99215'
          ? { status: 400, body: { error: 'bad_request', message: '99221 is not an office visit E/M code.' } }
          : undefined,
    });
    show(server);
    await openAvery();
    const obesity = row('E66.01');
    fireEvent.click(within(obesity).getByRole('button', { name: 'Reject…' }));
    fireEvent.input(within(obesity).getByLabelText(/Reason/), {
      target: { value: 'Not addressed at this visit' },
    });
    fireEvent.click(within(obesity).getByRole('button', { name: 'Save rejection' }));
    await waitFor(() =>
      expect(row('E66.01').textContent).toContain('Rejected · Not addressed at this visit'),
    );

    const em = row('99215');
    fireEvent.click(within(em).getByRole('button', { name: 'Change…' }));
    fireEvent.change(within(em).getByLabelText('Level to report instead of 99215'), {
      target: { value: '99214' },
    });
    fireEvent.input(within(em).getByLabelText(/Reason/), { target: { value: 'Time not supported' } });
    fireEvent.click(within(em).getByRole('button', { name: 'Save change' }));
    expect((await within(em).findByRole('alert')).textContent).toBe(
      '99215 not saved: 99221 is not an office visit E/M code.',
    );
    fireEvent.keyDown(within(em).getByLabelText(/Reason/), { key: 'Escape' });
    expect(within(row('99215')).queryByTestId('decision-form')).toBeNull();
    // Focus is back on the button that opened the form.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Change…'));
    expect(decisions.map((d) => d.code)).toEqual(['E66.01']);
  });

  it('checks a typed add-on code before sending it', async () => {
    const { server, decisions } = serve();
    show(server);
    await openAvery();
    const addOn = row('G2211');
    fireEvent.click(within(addOn).getByRole('button', { name: 'Change…' }));
    fireEvent.input(within(addOn).getByLabelText('CPT or HCPCS code to report instead of G2211'), {
      target: { value: 'e11.65' },
    });
    fireEvent.input(within(addOn).getByLabelText(/Reason/), { target: { value: 'x' } });
    fireEvent.click(within(addOn).getByRole('button', { name: 'Save change' }));
    expect(within(addOn).getByTestId('decision-problem').textContent).toContain(
      'E11.65 is not a CPT or HCPCS code',
    );
    expect(decisions).toEqual([]);
  });

  it('goes back to the queue with Escape, and reads the queue again', async () => {
    const { server } = serve();
    show(server);
    await openAvery();
    fireEvent.keyDown(screen.getByRole('heading', { level: 2 }), { key: 'Escape' });
    expect(await screen.findByRole('button', { name: 'Testperson, Avery' })).toBeTruthy();
    expect(screen.queryByTestId('review-encounter')).toBeNull();
    expect(queueQueries(server)).toHaveLength(2);
  });
});
