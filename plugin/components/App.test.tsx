// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClinicalContext } from '../../server/contract/clinical-context.ts';
import { createApiClient } from '../api/client.ts';
import { expired, fakeFetch, type Reply } from '../test-support/fake-fetch.ts';
import { sampleContext, sampleSession } from '../test-support/sample-chart.ts';
import { notFound, sampleOptions, sampleTemplates } from '../test-support/sample-draft.ts';
import { PANEL_NAMES as PANELS } from '../../server/contract/clinical-context.ts';
import { App } from './App.tsx';

function start(reply: (what: string, count: number) => Reply | Promise<Reply>, sessionToken?: string) {
  const server = fakeFetch(reply);
  const styleRoot = document.createElement('div');
  const client = createApiClient({
    launchId: 'L1',
    fetch: server.fetch,
    ...(sessionToken ? { sessionToken } : {}),
  });
  render(<App client={client} styleRoot={styleRoot} />);
  return { server, styleRoot };
}

/** The Draft step's calls: two templates, the options, no draft yet. */
function draftReply(what: string): Reply | null {
  if (what === 'templates') return { body: sampleTemplates() };
  if (what === 'drafting') return { body: sampleOptions() };
  if (what === 'draft') return notFound;
  return null;
}

const chart =
  (context: ClinicalContext = sampleContext(), session = sampleSession()) =>
  (what: string): Reply =>
    draftReply(what) ?? (what === 'session' ? { body: session } : { body: context });

let setItem: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  setItem = vi.spyOn(Storage.prototype, 'setItem');
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('App', () => {
  it('without a launch asks to open it from the chart', () => {
    render(<App client={null} />);
    expect(screen.getByRole('alert').textContent).toContain(
      "Open RevenuePilot from the patient's chart in the EHR",
    );
  });

  it('shows "Loading chart…" until the context arrives, then every panel and the banner', async () => {
    let release: (reply: Reply) => void = () => undefined;
    const held = new Promise<Reply>((resolve) => (release = resolve));
    start((what) => (what === 'session' ? { body: sampleSession() } : held), 'tok-1');
    expect(screen.getByTestId('context-loading').textContent).toContain('Loading chart…');
    release({ body: sampleContext() });
    await screen.findByTestId('patient-banner');
    expect(screen.queryByTestId('context-loading')).toBeNull();
    for (const name of PANELS) expect(screen.getByTestId(`panel-${name}`)).toBeTruthy();
    const banner = screen.getByTestId('patient-banner');
    expect(banner.textContent).toContain('Testperson, Avery');
    expect(banner.textContent).toContain('74 y · Female');
    expect(banner.textContent).toContain('Mar 3, 1957');
    expect(banner.textContent).toContain('MRN-000123');
    expect(banner.textContent).toContain('Mar 12, 2031 · Office visit');
    expect(banner.textContent).toContain('Fictional Medicare Plan');
    expect(screen.getByText('Opened from Sandbox EHR')).toBeTruthy();
  });

  it('sends the boot token on every call and writes nothing to storage', async () => {
    const { server } = start(chart(), 'tok-1');
    await screen.findByTestId('patient-banner');
    await waitFor(() => expect(server.calls).toHaveLength(5));
    expect(server.calls.sort()).toEqual([
      '/api/launches/L1/context',
      '/api/launches/L1/draft',
      '/api/launches/L1/drafting',
      '/api/launches/L1/session',
      '/api/launches/L1/templates',
    ]);
    expect(server.headers.map((h) => h.get('Authorization'))).toEqual(Array(5).fill('Bearer tok-1'));
    expect(setItem).not.toHaveBeenCalled();
    expect(document.cookie).toBe('');
  });

  it('hides the banner when the EHR shows its own', async () => {
    start(chart(sampleContext(), sampleSession({ needPatientBanner: false })));
    await screen.findByTestId('panel-problems');
    await waitFor(() => expect(screen.getByText('Opened from Sandbox EHR')).toBeTruthy());
    expect(screen.queryByTestId('patient-banner')).toBeNull();
  });

  it('shows an unavailable panel with its reason while the others render, and Retry refetches', async () => {
    const unavailable = sampleContext({
      allergies: {
        status: 'unavailable',
        reason: 'Allergies could not be loaded from the EHR; the rest is current.',
        cause: 'failed',
        retryable: true,
      },
    });
    const { server } = start((what, count) =>
      what === 'session' ? { body: sampleSession() } : { body: count === 0 ? unavailable : sampleContext() },
    );
    const panel = await screen.findByTestId('panel-allergies');
    expect(within(panel).getByTestId('panel-reason').textContent).toBe(
      'Allergies could not be loaded from the EHR; the rest is current.',
    );
    expect(screen.getByTestId('panel-problems').textContent).toContain('Essential hypertension');
    expect(screen.getByTestId('panel-labs').textContent).toContain('Hemoglobin A1c');
    fireEvent.click(within(panel).getByRole('button', { name: 'Retry Allergies' }));
    await waitFor(() => expect(screen.getByTestId('panel-allergies').textContent).toContain('Penicillin'));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Allergies'));
    expect(server.calls.filter((c) => c.endsWith('/context'))).toHaveLength(2);
  });

  it('offers no Retry for a panel the grant does not cover', async () => {
    start(
      chart(
        sampleContext({
          notes: {
            status: 'unavailable',
            reason: 'Notes are not shared with this app.',
            cause: 'not_granted',
            retryable: false,
          },
        }),
      ),
    );
    const panel = await screen.findByTestId('panel-notes');
    expect(within(panel).getByTestId('panel-reason').textContent).toBe('Notes are not shared with this app.');
    expect(within(panel).queryByRole('button')).toBeNull();
  });

  it('says the session has ended on session_expired, with no chart left on screen', async () => {
    start((what) => (what === 'session' ? { body: sampleSession() } : expired));
    await screen.findByTestId('session-ended');
    expect(screen.getByRole('alert').textContent).toContain(
      "Your session with the EHR has ended. Relaunch RevenuePilot from the patient's chart.",
    );
    expect(screen.queryByRole('button')).toBeNull();
    expect(document.body.textContent).not.toContain('Error:');
  });

  it('ends the session when a refresh finds it unknown, even with a chart on screen', async () => {
    start((what, count) =>
      what === 'session' || count === 0
        ? chart()(what)
        : { status: 404, body: { error: 'session_unknown', message: 'Unknown.', requestId: 'r' } },
    );
    await screen.findByTestId('panel-problems');
    fireEvent.click(screen.getByRole('button', { name: /Refresh/ }));
    await screen.findByTestId('session-ended');
    expect(screen.queryByTestId('patient-banner')).toBeNull();
  });

  it('ends the session when its expiry passes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2031-03-12T14:00:00Z'));
    start(chart(sampleContext(), sampleSession({ expiresAt: '2031-03-12T14:05:00Z' })));
    await vi.waitFor(() => expect(screen.getByTestId('panel-problems')).toBeTruthy());
    expect(screen.queryByTestId('session-ended')).toBeNull();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(screen.getByTestId('session-ended')).toBeTruthy();
  });

  it('a failed start says why and Retry tries again', async () => {
    start((what, count) =>
      what === 'session' && count === 0
        ? {
            status: 503,
            body: { error: 'db_unavailable', message: 'The server is busy.', requestId: 'req-9' },
          }
        : chart()(what),
    );
    const failed = await screen.findByTestId('start-failed');
    expect(failed.textContent).toContain('The server is busy.');
    expect(failed.textContent).toContain('Reference: req-9');
    fireEvent.click(within(failed).getByRole('button', { name: 'Retry' }));
    await screen.findByTestId('patient-banner');
  });

  it('a failed context load shows the message and a Retry; a failed refresh keeps the chart', async () => {
    const down: Reply = {
      status: 502,
      body: { error: 'fhir_unavailable', message: 'The EHR did not answer.', requestId: 'r2' },
    };
    start((what, count) => (what === 'session' ? chart()(what) : count === 1 ? chart()(what) : down));
    const error = await screen.findByTestId('context-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('The chart could not be loaded: The EHR did not answer.');
    fireEvent.click(within(error).getByRole('button', { name: 'Retry' }));
    await screen.findByTestId('panel-problems');
    expect(screen.queryByTestId('context-error')).toBeNull();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Chart context'));
    fireEvent.click(screen.getByRole('button', { name: /Refresh/ }));
    await waitFor(() =>
      expect(screen.getByTestId('context-error').textContent).toContain('could not be refreshed'),
    );
    expect(screen.getByTestId('panel-problems')).toBeTruthy();
  });

  it('r refreshes the chart, except while typing or with a modifier', async () => {
    const { server } = start(chart());
    await screen.findByTestId('panel-problems');
    const contextCalls = () => server.calls.filter((c) => c.endsWith('/context')).length;
    fireEvent.keyDown(document.body, { key: 'r' });
    await waitFor(() => expect(contextCalls()).toBe(2));
    await waitFor(() => expect(screen.getByTestId('context-status').textContent).toMatch(/^Updated /));
    const input = document.createElement('input');
    document.body.appendChild(input);
    fireEvent.keyDown(input, { key: 'r' });
    fireEvent.keyDown(document.body, { key: 'r', ctrlKey: true });
    input.remove();
    expect(contextCalls()).toBe(2);
  });

  it('lists switched-off features with their reasons', async () => {
    start(chart());
    const notice = await screen.findByTestId('feature-off');
    expect(notice.textContent).toContain('Filing notes');
    expect(notice.textContent).toContain(
      'The EHR did not grant permission to file notes (DocumentReference).',
    );
    expect(notice.textContent).not.toContain('Chart context');
  });

  it("applies the EHR's style as custom properties on the root", async () => {
    const { styleRoot } = start(
      chart(
        sampleContext(),
        sampleSession({ style: { colorHighlight: '#005eb8', dimFontSize: '13px', colorText: 'url(x)' } }),
      ),
    );
    await waitFor(() => expect(styleRoot.style.getPropertyValue('--rp-accent')).toBe('#005eb8'));
    expect(styleRoot.style.getPropertyValue('--rp-font-size')).toBe('13px');
    expect(styleRoot.style.getPropertyValue('--rp-text')).toBe('');
  });

  it('is built from real buttons and labelled sections, with a skip link to the content', async () => {
    start(chart());
    await screen.findByTestId('panel-problems');
    for (const name of PANELS) {
      const section = screen.getByTestId(`panel-${name}`);
      expect(section.tagName).toBe('SECTION');
      const heading = document.getElementById(section.getAttribute('aria-labelledby') ?? '');
      expect(heading?.textContent).toBeTruthy();
    }
    const skip = screen.getByText('Skip to content');
    fireEvent.click(skip);
    expect(document.activeElement?.id).toBe('rp-main');
    expect(screen.getByRole('button', { name: /Refresh/ }).getAttribute('aria-keyshortcuts')).toBe('r');
  });

  it('says so when lists are empty or the visit and clinician are missing', async () => {
    start(
      chart(
        sampleContext({
          encounter: { status: 'ok', data: null },
          problems: { status: 'ok', data: [] },
          medications: { status: 'ok', data: [] },
          allergies: { status: 'ok', data: [] },
          vitals: { status: 'ok', data: [] },
          labs: { status: 'ok', data: [] },
          coverage: { status: 'ok', data: [] },
          practitioner: { status: 'ok', data: null },
          notes: { status: 'ok', data: [], warnings: ['2 notes could not be read.'] },
        }),
      ),
    );
    await screen.findByText('No active problems recorded');
    for (const text of [
      'No visit is linked to this launch',
      'No active medications recorded',
      'No allergies recorded',
      'No vital signs recorded',
      'No recent lab results',
      'No insurance coverage recorded',
      'The signed-in clinician could not be identified',
      'No recent notes',
      '2 notes could not be read.',
    ]) {
      expect(screen.getByText(text)).toBeTruthy();
    }
  });

  it('shows the steps as tabs: arrows move between them, Alt+2 and Alt+1 jump, and the Draft step keeps its input', async () => {
    start(chart());
    await screen.findByTestId('panel-problems');
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => [t.textContent, t.getAttribute('aria-selected'), t.tabIndex])).toEqual([
      ['Context Alt+1', 'true', 0],
      ['Draft Alt+2', 'false', -1],
      ['Codes Alt+3', 'false', -1],
    ]);
    const draftPanel = document.getElementById(tabs[1]!.getAttribute('aria-controls')!)!;
    expect(draftPanel.getAttribute('role')).toBe('tabpanel');
    expect(draftPanel.hidden).toBe(true);
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs[1]);
    expect(draftPanel.hidden).toBe(false);
    const box = await screen.findByLabelText<HTMLTextAreaElement>('Transcript to draft from');
    fireEvent.input(box, { target: { value: 'PATIENT: cough' } });
    fireEvent.keyDown(box, { key: '1', code: 'Digit1', altKey: true });
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs[0]);
    expect(draftPanel.hidden).toBe(true);
    fireEvent.keyDown(document.body, { key: '2', code: 'Digit2', altKey: true });
    expect(draftPanel.hidden).toBe(false);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Transcript to draft from').value).toBe(
      'PATIENT: cough',
    );
    fireEvent.keyDown(tabs[1]!, { key: 'Home' });
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowLeft' });
    expect(tabs[2]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tabs[1]!, { key: 'End' });
    fireEvent.keyDown(tabs[1]!, { key: 'x' });
    fireEvent.click(tabs[0]!);
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
  });

  it('ends the session when a draft call finds it over', async () => {
    start((what) => (what === 'templates' ? expired : chart()(what)));
    await screen.findByTestId('session-ended');
  });
});
