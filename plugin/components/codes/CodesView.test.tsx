// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EncounterCodeSuggestions } from '../../../server/contract/coding.ts';
import type { DraftRecord } from '../../../server/contract/note-draft.ts';
import { createApiClient } from '../../api/client.ts';
import { expired, fakeFetch, type Reply } from '../../test-support/fake-fetch.ts';
import { sampleContext } from '../../test-support/sample-chart.ts';
import { CODES_TRANSCRIPT, codesDraft, sampleSuggestions } from '../../test-support/sample-codes.ts';
import { notFound } from '../../test-support/sample-draft.ts';
import { CodesView } from './CodesView.tsx';

interface ServerOptions {
  codes?: EncounterCodeSuggestions | null;
  draft?: DraftRecord | null;
  suggest?: (body: unknown, count: number) => Reply | Promise<Reply>;
}

function serve(opts: ServerOptions = {}) {
  let draft = opts.draft === undefined ? codesDraft() : opts.draft;
  const codes = opts.codes === undefined ? sampleSuggestions() : opts.codes;
  const server = fakeFetch((what, count, request) => {
    if (what === 'suggest') return opts.suggest?.(request.body, count) ?? { body: sampleSuggestions() };
    if (what === 'codes') return codes ? { body: codes } : notFound;
    if (what === 'draft') return draft ? { body: draft } : notFound;
    return { status: 500, body: { error: 'unexpected_path', message: what } };
  });
  return { server, setDraft: (d: DraftRecord) => (draft = d) };
}

function show(opts: ServerOptions = {}, active = true) {
  const fake = serve(opts);
  const client = createApiClient({ launchId: 'L1', fetch: fake.server.fetch });
  const onSessionOver = vi.fn();
  const view = (on: boolean) => (
    <CodesView client={client} active={on} chart={sampleContext()} onSessionOver={onSessionOver} />
  );
  const { rerender } = render(view(active));
  return { ...fake, onSessionOver, setActive: (on: boolean) => rerender(view(on)) };
}

const suggestButton = () => screen.getByRole<HTMLButtonElement>('button', { name: /^Suggest/ });
const toggleFor = (code: string) =>
  screen
    .getAllByRole<HTMLButtonElement>('button', { expanded: false })
    .find((b) => b.textContent?.includes(code))!;
const marks = () => [...document.querySelectorAll('mark')];
const posts = (server: ReturnType<typeof serve>['server']) =>
  server.requests.filter((r) => r.method === 'POST');

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('CodesView: the suggestions', () => {
  it('lists the diagnoses by rank, the first as the main reason, with confidence in numbers and words', async () => {
    show();
    const list = await screen.findByTestId('diagnoses');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.rp-code')?.textContent)).toEqual([
      'E11.42',
      'E11.65',
      'I10',
      'E66.01',
    ]);
    expect(list.querySelector('ol')).toBeTruthy();
    expect(items[0]!.textContent).toContain('Main reason for the visit');
    expect(items.slice(1).some((li) => li.textContent?.includes('Main reason'))).toBe(false);
    expect(items[0]!.querySelector('.rp-confidence')?.textContent).toBe('94% high confidence');
    expect(items[1]!.querySelector('.rp-confidence')?.textContent).toBe(
      '72% moderate confidence: check itcheck',
    );
    expect(items[3]!.querySelector('.rp-sr-only')?.textContent).toBe(' low confidence: check it carefully');
    expect(items[1]!.textContent).toContain('A1c above goal and treatment intensified.');
  });

  it('says why conditions were not coded, in plain words', async () => {
    show();
    const withheld = await screen.findByTestId('withheld');
    const rows = within(withheld)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(rows[0]).toContain('R07.9Chest pain');
    expect(rows[0]).toContain('Denied or ruled out in the visit');
    expect(rows[1]).toContain('Uncertain (probable, suspected, rule out): code the symptoms instead');
  });

  it('shows the E/M level: the MDM grid with the deciding columns, the time line, add-ons and services', async () => {
    show();
    const em = await screen.findByTestId('em-level');
    expect(within(em).getByTestId('em-code').textContent).toBe('99215');
    expect(within(em).getByTestId('em-basis').textContent).toBe('time');
    expect(em.textContent).toContain('Established patient');
    expect(em.textContent).toContain('(the higher of MDM and time)');
    expect(within(em).getByTestId('mdm-summary').textContent).toBe(
      'MDM Moderate (99214): Problems and Risk decide it (2 of 3).',
    );
    const columns = [...within(em).getByTestId('mdm-grid').children] as HTMLElement[];
    expect(columns.map((c) => c.querySelector('.rp-mdm-head')?.textContent)).toEqual([
      'ProblemsModerate',
      'DataLimited',
      'RiskModerate',
    ]);
    expect(columns.map((c) => c.querySelector('[data-meets]')?.textContent)).toEqual([
      '✓ Meets Moderate',
      'Below Moderate',
      '✓ Meets Moderate',
    ]);
    expect(columns[1]!.textContent).toContain('Two unique tests: A1c reviewed, urine albumin ordered.');
    expect(within(em).getByTestId('em-time').textContent).toContain('44 min → 99215 by time');
    expect(em.textContent).toContain('Medicare patient; continuing care: longitudinal diabetes care.');
    const notSuggested = within(em).getByTestId('addons-not-suggested').textContent;
    expect(notSuggested).toContain('99417 Medicare does not pay 99417');
    expect(notSuggested).toContain('G2212 Prolonged time (G2212) starts at 69 minutes');
    expect(em.textContent).toContain('99406Evidence');
  });

  it('says when all three MDM columns meet the level, and when time supports none', async () => {
    const base = sampleSuggestions();
    const em = {
      ...base.em,
      basis: 'mdm' as const,
      code: '99214' as const,
      mdm: { ...base.em.mdm, data: { ...base.em.mdm.data, level: 'high' as const } },
      time: { minutes: 8, code: undefined, reasoning: 'Time: 8 minutes is below the 10-minute minimum.' },
    };
    show({ codes: sampleSuggestions({ em }) });
    expect((await screen.findByTestId('mdm-summary')).textContent).toContain('all three columns meet it.');
    expect(screen.getByTestId('em-time').textContent).toContain('8 min → no level by time');
    expect(screen.getByTestId('em-basis').textContent).toBe('MDM');
  });

  it('flags HCCs with their MEAT check, and lists findings most severe first with the fix', async () => {
    show();
    const hcc = await screen.findByTestId('hcc');
    const [diabetes, obesity] = within(hcc).getAllByRole('listitem');
    expect(diabetes!.textContent).toContain('HCC37Diabetes with Chronic Complications');
    expect(diabetes!.textContent).toContain('CMS-HCC V28 · from E11.42, E11.65 · replaces HCC38');
    expect(diabetes!.querySelector('[data-meat]')?.textContent).toBe(
      'MEAT met Documented: Monitor, Assess/Address, Treat. Not documented: Evaluate.',
    );
    expect(obesity!.querySelector('[data-meat]')?.getAttribute('data-meat')).toBe('missing');
    expect(obesity!.textContent).toContain('Documented: none.');
    const findings = screen.getByTestId('findings');
    const groups = [...findings.querySelectorAll<HTMLElement>('[data-severity]')];
    expect(groups.map((g) => g.dataset.severity)).toEqual(['error', 'warning', 'info']);
    expect(groups[0]!.querySelector('h4')?.textContent).toBe('Must fix (1)');
    expect(groups[0]!.textContent).toContain(
      'Fix: Address the obesity in the assessment (BMI and plan), or leave E66.01 off.',
    );
  });

  it('says when and from which draft they were made, and when the draft has changed since', async () => {
    const { setDraft, setActive } = show();
    expect((await screen.findByTestId('codes-made')).textContent).toMatch(
      /^Suggested .*2031.* from draft version 7 · ICD-10-CM FY2026$/,
    );
    expect(screen.queryByTestId('codes-stale')).toBeNull();
    setDraft(codesDraft({ version: 9 }));
    setActive(false);
    setActive(true);
    expect((await screen.findByTestId('codes-stale')).textContent).toContain('now version 9');
  });
});

describe('CodesView: evidence', () => {
  it('opens a code to show its quotes, marked in the input text, and the chart resources it rests on', async () => {
    show();
    await screen.findByTestId('diagnoses');
    const e1142 = toggleFor('E11.42');
    fireEvent.click(e1142);
    expect(e1142.getAttribute('aria-expanded')).toBe('true');
    const box = document.getElementById(e1142.getAttribute('aria-controls')!)!;
    const quotes = within(box)
      .getAllByTestId('code-evidence-quote')
      .map((q) => q.textContent);
    expect(quotes).toEqual([
      'Patient“My feet tingle at night, both of them.”',
      'Clinician“That is the diabetic neuropathy.”',
    ]);
    const text = within(box).getByTestId('code-evidence-text');
    expect(text.textContent).toBe(CODES_TRANSCRIPT);
    expect([...text.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'My feet tingle at night, both of them.',
      'That is the diabetic neuropathy.',
    ]);
    // One code open at a time; a chart-only code names the resource and marks no text.
    fireEvent.click(toggleFor('E66.01'));
    expect(e1142.getAttribute('aria-expanded')).toBe('false');
    const fhir = screen.getAllByTestId('code-evidence-fhir');
    expect(fhir.map((f) => f.textContent)).toEqual(['Morbid obesity (problem list) Condition/c-obesity']);
    expect(screen.queryByTestId('code-evidence-text')).toBeNull();
  });

  it('finds a quote again by its text when the input has moved, and says when it is gone', async () => {
    show({ draft: codesDraft({ input: { kind: 'dictation', text: `Intro line.\n${CODES_TRANSCRIPT}` } }) });
    await screen.findByTestId('diagnoses');
    fireEvent.click(toggleFor('E11.42'));
    expect(marks().map((m) => m.textContent)).toHaveLength(2);
    expect(screen.getByTestId('code-evidence').textContent).toContain('From the dictation');
    cleanup();
    show({ draft: codesDraft({ input: { kind: 'transcript', text: 'Rewritten.' } }) });
    await screen.findByTestId('diagnoses');
    fireEvent.click(toggleFor('E11.42'));
    expect(screen.getByTestId('code-evidence').textContent).toContain('2 quotes are no longer in it');
  });

  it('opens the evidence of MDM columns, add-ons, HCCs and findings the same way', async () => {
    show();
    await screen.findByTestId('em-level');
    fireEvent.click(toggleFor('Risk'));
    expect(marks().map((m) => m.textContent)).toEqual([
      'We will raise the metformin to 1000 mg twice daily.',
      'I am starting amlodipine 5 mg.',
    ]);
    fireEvent.click(toggleFor('G2211'));
    expect(screen.getByTestId('code-evidence-fhir').textContent).toContain('Coverage/cv1');
    // A flag with no evidence is not a button, and says so.
    const obesity = within(screen.getByTestId('hcc')).getAllByRole('listitem')[1]!;
    expect(obesity.querySelector('button')).toBeNull();
    expect(obesity.textContent).toContain('(no evidence linked)');
  });
});

describe('CodesView: keyboard', () => {
  it('codes are real buttons; Escape closes the open one and returns focus to it', async () => {
    show();
    await screen.findByTestId('diagnoses');
    const i10 = toggleFor('I10');
    expect(i10.tagName).toBe('BUTTON');
    fireEvent.click(i10);
    const text = screen.getByTestId('code-evidence-text');
    text.focus();
    fireEvent.keyDown(text, { key: 'Escape' });
    expect(i10.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(i10);
    expect(screen.queryByTestId('code-evidence')).toBeNull();
  });

  it('Alt+C suggests codes from anywhere while the step shows, and not when it is hidden', async () => {
    const { server, setActive } = show();
    await screen.findByTestId('diagnoses');
    setActive(false);
    fireEvent.keyDown(document.body, { key: 'c', code: 'KeyC', altKey: true });
    expect(posts(server)).toHaveLength(0);
    setActive(true);
    fireEvent.keyDown(document.body, { key: 'c', code: 'KeyC', altKey: true });
    await waitFor(() => expect(posts(server)).toHaveLength(1));
    expect(suggestButton().getAttribute('aria-keyshortcuts')).toBe('Alt+C');
  });
});

describe('CodesView: suggesting', () => {
  it('loads nothing until the step is first shown', async () => {
    const { server, setActive } = show({}, false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.calls).toEqual([]);
    setActive(true);
    await screen.findByTestId('diagnoses');
    expect(server.calls.sort()).toEqual(['/api/launches/L1/codes', '/api/launches/L1/draft']);
  });

  it('is disabled until a draft exists, and says why', async () => {
    show({ draft: null, codes: null });
    await screen.findByTestId('codes-empty');
    expect(suggestButton().disabled).toBe(true);
    expect(suggestButton().textContent).toContain('Suggest codes');
    const why = document.getElementById(suggestButton().getAttribute('aria-describedby')!)!;
    expect(why.textContent).toContain('Draft the note first');
  });

  it('sends the overrides, shows progress, then replaces the suggestions and lands on them', async () => {
    let release: (reply: Reply) => void = () => undefined;
    const { server } = show({
      suggest: () => new Promise<Reply>((resolve) => (release = resolve)),
    });
    await screen.findByTestId('diagnoses');
    fireEvent.change(screen.getByLabelText('Payer'), { target: { value: 'commercial' } });
    fireEvent.input(screen.getByLabelText('Total time today, minutes'), { target: { value: ' 50 ' } });
    fireEvent.change(screen.getByLabelText('Patient'), { target: { value: 'new' } });
    expect(screen.getByLabelText<HTMLSelectElement>('Payer').options[0]!.textContent).toBe(
      'From the chart (Medicare)',
    );
    fireEvent.click(suggestButton());
    expect((await screen.findByTestId('codes-running')).getAttribute('role')).toBe('status');
    expect(suggestButton().disabled).toBe(true);
    expect(posts(server)[0]!.body).toEqual({ payerType: 'commercial', minutes: 50, patientStatus: 'new' });
    const only = sampleSuggestions()
      .diagnoses.filter((d) => d.code === 'I10')
      .map((d) => ({ ...d, rank: 1 }));
    release({ body: sampleSuggestions({ diagnoses: only, draftVersion: 8 }) });
    await waitFor(() => expect(document.activeElement?.id).toBe('rp-codes-results'));
    const items = within(screen.getByTestId('diagnoses')).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toContain('Main reason for the visit');
    expect(screen.queryByTestId('codes-running')).toBeNull();
    expect(suggestButton().textContent).toContain('Suggest again');
    // The draft is read again after the run; it is at version 7, newer codes say 8.
    expect(server.calls.filter((c) => c.endsWith('/draft'))).toHaveLength(2);
    expect(screen.getByTestId('codes-stale').textContent).toContain('now version 7');
  });

  it('sends no overrides when none are set', async () => {
    const { server } = show();
    await screen.findByTestId('diagnoses');
    fireEvent.click(suggestButton());
    await waitFor(() => expect(posts(server)).toHaveLength(1));
    expect(posts(server)[0]!.body).toEqual({});
  });

  it('refuses minutes that are not a whole number in a day, and says so at the field', async () => {
    const { server } = show();
    await screen.findByTestId('diagnoses');
    const minutes = screen.getByLabelText('Total time today, minutes');
    for (const bad of ['4.5', '0', '2000', 'forty']) {
      fireEvent.input(minutes, { target: { value: bad } });
      fireEvent.click(suggestButton());
      expect(screen.getByRole('alert').textContent).toContain('whole number from 1 to 1440');
      expect(minutes.getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(minutes);
    }
    expect(posts(server)).toHaveLength(0);
  });

  it('on a failure says what happened, keeps the codes on screen, and Retry sends the same request', async () => {
    const { server } = show({
      suggest: (_body, count) =>
        count === 0
          ? {
              status: 503,
              body: { error: 'upstream', message: 'The EHR did not answer.', requestId: 'req-7' },
            }
          : { body: sampleSuggestions({ draftVersion: 7 }) },
    });
    await screen.findByTestId('diagnoses');
    fireEvent.change(screen.getByLabelText('Patient'), { target: { value: 'established' } });
    fireEvent.click(suggestButton());
    const error = await screen.findByTestId('codes-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain(
      'Codes could not be suggested: The EHR did not answer. Your draft is safe. The codes below are from the last run.',
    );
    expect(error.textContent).toContain('Reference: req-7');
    expect(screen.getByTestId('diagnoses')).toBeTruthy();
    fireEvent.click(within(error).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByTestId('codes-error')).toBeNull());
    expect(posts(server).map((r) => r.body)).toEqual([
      { patientStatus: 'established' },
      { patientStatus: 'established' },
    ]);
  });

  it('tells the clinician to draft first when the server has no draft to code', async () => {
    show({ codes: null, suggest: () => notFound });
    await screen.findByTestId('codes-empty');
    fireEvent.click(suggestButton());
    const error = await screen.findByTestId('codes-error');
    expect(error.textContent).toContain('There is no saved draft to code yet. Draft the note first');
    expect(within(error).queryByRole('button')).toBeNull();
  });

  it('ends the session when a codes call finds it over', async () => {
    const { onSessionOver } = show({ suggest: () => expired });
    await screen.findByTestId('diagnoses');
    fireEvent.click(suggestButton());
    await waitFor(() => expect(onSessionOver).toHaveBeenCalledTimes(1));
  });

  it('when the codes cannot be loaded says so, and Retry loads them', async () => {
    let fail = true;
    const fake = fakeFetch((what) => {
      if (what === 'draft') return { body: codesDraft() };
      return fail
        ? { status: 500, body: { error: 'internal', message: 'Database busy.' } }
        : { body: sampleSuggestions() };
    });
    render(
      <CodesView
        client={createApiClient({ launchId: 'L1', fetch: fake.fetch })}
        active
        chart={null}
        onSessionOver={vi.fn()}
      />,
    );
    const error = await screen.findByTestId('codes-load-error');
    expect(error.textContent).toContain('The codes could not be loaded: Database busy. Your draft is safe.');
    fail = false;
    fireEvent.click(within(error).getByRole('button', { name: 'Retry' }));
    await screen.findByTestId('diagnoses');
    expect(screen.getByLabelText<HTMLSelectElement>('Payer').options[0]!.textContent).toBe('From the chart');
  });
});
