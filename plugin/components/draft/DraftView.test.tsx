// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DraftRecord, DraftStreamEvent, SaveDraftRequest } from '../../../server/contract/note-draft.ts';
import { createApiClient } from '../../api/client.ts';
import { expired, fakeFetch, type Reply } from '../../test-support/fake-fetch.ts';
import {
  ndjson,
  notFound,
  SAMPLE_TRANSCRIPT,
  sampleNote,
  sampleOptions,
  sampleRecord,
  sampleTemplates,
} from '../../test-support/sample-draft.ts';
import { DraftView } from './DraftView.tsx';

interface ServerOptions {
  record?: DraftRecord | null;
  options?: Reply;
  /** Answers `POST …/generate`; default: progress then done with the sample note. */
  generate?: (body: unknown) => Reply | Promise<Reply>;
  /** Answers `PUT …/draft` before the default (versioned) store does. */
  put?: (body: SaveDraftRequest, count: number) => Reply | null;
  load?: (count: number) => Reply | null;
}

/** A stand-in for the draft routes that keeps one record and checks versions like the server. */
function serve(opts: ServerOptions = {}) {
  let stored: DraftRecord | null = opts.record === undefined ? sampleRecord() : opts.record;
  const server = fakeFetch((what, count, request) => {
    if (what === 'templates') return { body: sampleTemplates() };
    if (what === 'drafting') return opts.options ?? { body: sampleOptions() };
    if (what === 'generate') {
      if (opts.generate) return opts.generate(request.body);
      stored = sampleRecord({ version: (stored?.version ?? 0) + 1 });
      return {
        stream: [
          ndjson([
            { type: 'progress', section: 'subjective', text: 'Night-time cough for two weeks.' },
            { type: 'done', draft: stored },
          ]),
        ],
      };
    }
    if (request.method === 'PUT') {
      const body = request.body as SaveDraftRequest;
      const custom = opts.put?.(body, count);
      if (custom) return custom;
      if (body.baseVersion !== (stored?.version ?? 0))
        return { status: 409, body: { error: 'conflict', message: 'Stale.' } };
      const base = stored ?? sampleRecord({ note: null, version: 0 });
      stored = {
        ...base,
        version: base.version + 1,
        ...(body.input ? { input: body.input } : {}),
        ...(body.templateId ? { template: { id: body.templateId, version: 1 } } : {}),
        ...(body.status ? { status: body.status } : {}),
      };
      return { body: stored };
    }
    const custom = opts.load?.(count);
    if (custom) return custom;
    return stored ? { body: stored } : notFound;
  });
  const puts = () => server.requests.filter((r) => r.method === 'PUT');
  return { server, puts, stored: () => stored, setStored: (r: DraftRecord) => (stored = r) };
}

function show(opts: ServerOptions = {}, onSessionOver = vi.fn()) {
  const fake = serve(opts);
  const client = createApiClient({ launchId: 'L1', fetch: fake.server.fetch });
  render(
    <DraftView
      client={client}
      active
      onSessionOver={onSessionOver}
      editorOptions={{ autosaveDelayMs: 20, retryDelaysMs: [20] }}
    />,
  );
  return { ...fake, onSessionOver };
}

const sentence = (id: string) => document.querySelector<HTMLElement>(`[data-sentence-id="${id}"]`)!;
const input = () => screen.getByLabelText<HTMLTextAreaElement>('Transcript to draft from');

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('DraftView: loading and restoring', () => {
  it('restores the input, the template and the note, with every flag shown', async () => {
    show();
    await screen.findByTestId('note');
    expect(input().value).toBe(SAMPLE_TRANSCRIPT);
    expect(screen.getByLabelText<HTMLSelectElement>('Template').value).toBe('soap-progress');
    expect(screen.getByTestId('note-summary').textContent).toBe('4 sentences; 3 need review (marked ⚠)');
    const unsupported = sentence('s-1-3');
    expect(unsupported.dataset.flag).toBe('unsupported');
    expect(unsupported.dataset.review).toBe('true');
    expect(unsupported.querySelector('[aria-hidden="true"]')?.textContent).toBe('⚠');
    expect(unsupported.querySelector('.rp-sr-only')?.textContent).toBe(
      ' (Needs review: Nothing in the input or the chart says this.)',
    );
    expect(sentence('s-1-2').dataset.flag).toBe('uncertain');
    expect(sentence('s-2-1').dataset.flag).toBe('unverified_detail');
    expect(sentence('s-1-1').dataset.review).toBeUndefined();
    expect(sentence('s-1-1').getAttribute('role')).toBe('button');
    expect(sentence('s-1-1').tabIndex).toBe(0);
  });

  it('offers the engines, unavailable ones disabled with the reason, and replay only when enabled', async () => {
    show({ record: null });
    const picker = await screen.findByLabelText<HTMLSelectElement>('Drafted by');
    const options = [...picker.options].map((o) => [o.value, o.disabled, o.textContent]);
    expect(options).toEqual([
      ['builtin', false, 'Built-in (offline)'],
      [
        'openai-compatible',
        true,
        'Language model (OpenAI-compatible) — unavailable: No model is configured.',
      ],
    ]);
    expect(screen.getByLabelText(/Replay a recorded answer/)).toBeTruthy();
    expect(screen.getByText('0 of 1,000 characters')).toBeTruthy();
    cleanup();
    show({ record: null, options: { body: sampleOptions({ replay: { enabled: false } }) } });
    await screen.findByLabelText('Drafted by');
    expect(screen.queryByLabelText(/Replay a recorded answer/)).toBeNull();
  });

  it('still drafts when the options cannot be read, with the server default', async () => {
    const fake = show({ record: null, options: { status: 500, body: { error: 'x', message: 'x' } } });
    fireEvent.input(await screen.findByLabelText('Transcript to draft from'), {
      target: { value: 'PATIENT: cough' },
    });
    expect(screen.queryByLabelText('Drafted by')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Draft note/ }));
    await screen.findByTestId('note');
    const post = fake.server.requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({
      templateId: 'soap-progress',
      input: { kind: 'transcript', text: 'PATIENT: cough' },
    });
  });

  it('a failed load says what still works, blocks typing over the saved draft, and Retry loads it', async () => {
    show({
      load: (n) =>
        n === 0
          ? {
              status: 503,
              body: { error: 'db_unavailable', message: 'The database is busy.', requestId: 'r-3' },
            }
          : null,
    });
    const error = await screen.findByTestId('draft-load-error');
    expect(error.textContent).toContain('The saved draft could not be loaded: The database is busy.');
    expect(error.textContent).toContain('Reference: r-3');
    expect(screen.queryByLabelText('Transcript')).toBeNull();
    fireEvent.click(within(error).getByRole('button', { name: 'Retry' }));
    await screen.findByTestId('note');
  });

  it('ends the session when a draft call says it is over', async () => {
    const { onSessionOver } = show({ load: () => expired });
    await screen.findByTestId('draft-load-error');
    expect(onSessionOver).toHaveBeenCalled();
  });
});

describe('DraftView: the input autosaves', () => {
  it('saves the input and template of a new encounter from version 0, then says Saved', async () => {
    const fake = show({ record: null });
    fireEvent.input(await screen.findByLabelText('Transcript to draft from'), {
      target: { value: 'PATIENT: cough' },
    });
    expect(screen.getByTestId('save-status').textContent).toBe('Saving…');
    expect(screen.getByText('14 of 1,000 characters')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toMatch(/^Saved just now$/));
    expect(fake.puts().map((r) => r.body)).toEqual([
      { baseVersion: 0, input: { kind: 'transcript', text: 'PATIENT: cough' }, templateId: 'soap-progress' },
    ]);
    fireEvent.click(screen.getByLabelText('Dictation'));
    fireEvent.change(screen.getByLabelText('Template'), { target: { value: 'diabetes-follow-up' } });
    await waitFor(() => expect(fake.puts()).toHaveLength(2));
    expect(fake.puts()[1]?.body).toEqual({
      baseVersion: 1,
      input: { kind: 'dictation', text: 'PATIENT: cough' },
      templateId: 'diabetes-follow-up',
    });
  });

  it('sends unsaved work with keepalive when the frame is hidden', async () => {
    const fake = show();
    fireEvent.input(await screen.findByLabelText('Transcript to draft from'), {
      target: { value: 'changed' },
    });
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(fake.puts()[0]).toMatchObject({
      keepalive: true,
      body: { baseVersion: 3, input: { text: 'changed' } },
    });
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toContain('Saved'));
    window.dispatchEvent(new Event('pagehide'));
    expect(fake.puts()).toHaveLength(1);
  });

  it('shows the limit crossed and a refused save in words', async () => {
    show({
      put: () => ({
        status: 413,
        body: { error: 'payload_too_large', message: 'The input is longer than 1,000 characters.' },
      }),
    });
    fireEvent.input(await screen.findByLabelText('Transcript to draft from'), {
      target: { value: 'x'.repeat(1005) },
    });
    expect(screen.getByText(/5 too many to draft or save/)).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: /Draft again/ }).disabled).toBe(true);
    await waitFor(() =>
      expect(screen.getByTestId('save-status').textContent).toBe(
        'Not saved: The input is longer than 1,000 characters.',
      ),
    );
  });

  it('retries a save that failed on the network and says so meanwhile', async () => {
    const fake = show({
      put: (_b, n) => (n === 0 ? { status: 502, body: { error: 'bad_gateway', message: 'Down.' } } : null),
    });
    fireEvent.input(await screen.findByLabelText('Transcript to draft from'), { target: { value: 'again' } });
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Not saved — retrying'));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toContain('Saved'));
    expect(fake.puts()).toHaveLength(2);
  });
});

describe('DraftView: drafting', () => {
  it('streams progress, then shows the note and lands on it', async () => {
    let finish: (events: DraftStreamEvent[]) => void = () => undefined;
    const fake = show({
      record: null,
      generate: () =>
        new Promise<Reply>((resolve) => {
          finish = (events) => resolve({ stream: [ndjson(events)] });
        }),
    });
    fireEvent.input(await screen.findByLabelText('Transcript to draft from'), {
      target: { value: SAMPLE_TRANSCRIPT },
    });
    fireEvent.click(screen.getByLabelText(/Replay a recorded answer/));
    fireEvent.keyDown(input(), { key: 'd', code: 'KeyD', altKey: true });
    const progress = await screen.findByTestId('draft-progress');
    expect(progress.textContent).toContain('Drafting the note…');
    expect(input().readOnly).toBe(true);
    finish([
      { type: 'progress', section: 'subjective', text: 'Night-time cough for two weeks.' },
      { type: 'done', draft: sampleRecord({ version: 1 }) },
    ]);
    await screen.findByTestId('note');
    expect(screen.queryByTestId('draft-progress')).toBeNull();
    await waitFor(() => expect(document.activeElement?.id).toBe('rp-note-title'));
    const post = fake.server.requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({
      templateId: 'soap-progress',
      input: { kind: 'transcript', text: SAMPLE_TRANSCRIPT },
      provider: 'builtin',
      replay: true,
    });
    // The typed input was in the draft request, so it is not saved separately too.
    expect(fake.puts()).toHaveLength(0);
    expect(screen.getByTestId('save-status').textContent).toContain('Saved');
  });

  it('shows the sentences as they arrive', async () => {
    let push: (text: string) => void = () => undefined;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => controller.enqueue(new TextEncoder().encode(text));
      },
    });
    show({ record: null, generate: () => ({ stream }) });
    fireEvent.input(await screen.findByLabelText('Transcript to draft from'), {
      target: { value: 'PATIENT: cough' },
    });
    fireEvent.submit(input().form!);
    await screen.findByTestId('draft-progress');
    push(ndjson([{ type: 'progress', section: 'subjective', text: 'Night-time cough.' }]));
    await waitFor(() =>
      expect(screen.getByTestId('draft-progress').textContent).toContain('1 sentence so far'),
    );
    expect(screen.getByTestId('draft-progress').textContent).toContain('SubjectiveNight-time cough.');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await screen.findByTestId('draft-cancelled');
    expect(input().value).toBe('PATIENT: cough');
    expect(input().readOnly).toBe(false);
  });

  it('a failed draft says what happened and keeps (and saves) the input', async () => {
    const fake = show({
      record: null,
      generate: () => ({
        status: 413,
        body: { error: 'payload_too_large', message: 'The input is too long.', requestId: 'r-7' },
      }),
    });
    fireEvent.input(await screen.findByLabelText('Transcript to draft from'), {
      target: { value: 'PATIENT: cough' },
    });
    fireEvent.click(screen.getByRole('button', { name: /Draft note/ }));
    const error = await screen.findByTestId('draft-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain(
      'The note could not be drafted: The input is too long. Your input is still in the box.',
    );
    expect(error.textContent).toContain('Shorten the input');
    expect(error.textContent).toContain('Reference: r-7');
    expect(input().value).toBe('PATIENT: cough');
    await waitFor(() => expect(fake.puts()).toHaveLength(1));
    expect(fake.puts()[0]?.body).toMatchObject({ input: { text: 'PATIENT: cough' } });
  });

  it('an error event from the stream is shown the same way', async () => {
    show({
      generate: () => ({
        stream: [ndjson([{ type: 'error', error: 'provider_failed', message: 'The model stopped.' }])],
      }),
    });
    await screen.findByTestId('note');
    fireEvent.click(screen.getByRole('button', { name: /Draft again/ }));
    expect((await screen.findByTestId('draft-error')).textContent).toContain('The model stopped.');
    expect(screen.getByTestId('note')).toBeTruthy();
  });

  it('after a failed draft, keeps saving on the version the server moved to (it stores the input first)', async () => {
    const fake: ReturnType<typeof serve> = show({
      generate: () => {
        const stored = fake.stored()!;
        fake.setStored({ ...stored, version: stored.version + 1 });
        return {
          stream: [ndjson([{ type: 'error', error: 'provider_failed', message: 'The model stopped.' }])],
        };
      },
    });
    await screen.findByTestId('note');
    fireEvent.click(screen.getByRole('button', { name: /Draft again/ }));
    await screen.findByTestId('draft-error');
    fireEvent.input(input(), { target: { value: 'more' } });
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toContain('Saved'));
    expect(fake.puts().map((r) => (r.body as SaveDraftRequest).baseVersion)).toEqual([4]);
    expect(screen.queryByTestId('draft-notice')).toBeNull();
  });

  it('asks before a new draft replaces the clinician’s edits', async () => {
    const record = sampleRecord();
    const edited = {
      ...record,
      note: {
        ...record.note!,
        sections: record.note!.sections.map((s, i) =>
          i === 0 ? { ...s, sentences: s.sentences.map((x) => ({ ...x, origin: 'clinician' as const })) } : s,
        ),
      },
    };
    const fake = show({ record: edited });
    await screen.findByTestId('note');
    fireEvent.click(screen.getByRole('button', { name: /Draft again/ }));
    const confirm = await screen.findByTestId('confirm-replace');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Keep my note' }));
    expect(screen.queryByTestId('confirm-replace')).toBeNull();
    expect(fake.server.requests.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: /Draft again/ }));
    fireEvent.click(
      within(screen.getByTestId('confirm-replace')).getByRole('button', { name: 'Replace the note' }),
    );
    await waitFor(() => expect(fake.server.requests.some((r) => r.method === 'POST')).toBe(true));
    expect(fake.server.requests.find((r) => r.method === 'POST')?.body).toMatchObject({ baseVersion: 3 });
  });

  it('says plainly when there was nothing clinical to document', async () => {
    show({ record: sampleRecord({ note: sampleNote({ nothingToDocument: true, sections: [] }) }) });
    expect((await screen.findByTestId('nothing-to-document')).textContent).toContain(
      'Nothing clinical to document in this input',
    );
  });
});

describe('DraftView: evidence', () => {
  it('a click shows the sentence’s transcript evidence marked, with the speaker', async () => {
    show();
    await screen.findByTestId('note');
    expect(screen.getByTestId('evidence-pane').textContent).toContain('Select a sentence');
    fireEvent.click(sentence('s-1-1'));
    expect(sentence('s-1-1').getAttribute('aria-pressed')).toBe('true');
    const pane = screen.getByTestId('evidence-pane');
    expect(pane.dataset.evidenceFor).toBe('s-1-1');
    const marks = within(pane).getAllByTestId('evidence-mark');
    expect(marks.map((m) => [m.textContent, m.dataset.speaker])).toEqual([
      ['Still coughing at night, for about two weeks now.', 'patient'],
    ]);
    expect(within(pane).getByTestId('evidence-text').textContent).toBe(SAMPLE_TRANSCRIPT);
    expect(pane.textContent).toContain('Patient“Still coughing at night');
  });

  it('Enter selects from the keyboard; chart evidence shows its label and reference; flags are spelled out', async () => {
    show();
    await screen.findByTestId('note');
    fireEvent.keyDown(sentence('s-2-1'), { key: 'Enter' });
    const pane = screen.getByTestId('evidence-pane');
    expect(within(pane).getByTestId('evidence-fhir').textContent).toBe(
      'Metformin 1000 mg tablet MedicationRequest/med-1',
    );
    expect(within(pane).getAllByTestId('evidence-mark')[0]?.dataset.speaker).toBe('clinician');
    expect(within(pane).getByTestId('evidence-flags').textContent).toBe(
      'The dose 500 mg does not appear in the evidence.',
    );
    fireEvent.click(sentence('s-1-3'));
    expect(screen.getByTestId('evidence-pane').textContent).toContain(
      'No evidence: nothing in the input or the chart supports this sentence',
    );
    expect(screen.queryByTestId('evidence-mark')).toBeNull();
  });

  it('finds a quote again when the input changed around it, and says when it is gone', async () => {
    show();
    await screen.findByTestId('note');
    fireEvent.input(input(), { target: { value: `Added first.\n${SAMPLE_TRANSCRIPT}` } });
    fireEvent.click(sentence('s-1-1'));
    expect(screen.getByTestId('evidence-mark').textContent).toBe(
      'Still coughing at night, for about two weeks now.',
    );
    fireEvent.input(input(), { target: { value: 'All different now.' } });
    expect(screen.getByTestId('evidence-pane').textContent).toContain('one quote is no longer in it');
    expect(screen.queryByTestId('evidence-mark')).toBeNull();
  });
});

describe('DraftView: editing', () => {
  it('Enter on a selected sentence edits it in place; Enter keeps, and the edit autosaves', async () => {
    const fake = show();
    await screen.findByTestId('note');
    fireEvent.keyDown(sentence('s-1-1'), { key: 'Enter' });
    fireEvent.keyDown(sentence('s-1-1'), { key: 'Enter' });
    const box = screen.getByLabelText<HTMLTextAreaElement>('Edit sentence in Subjective');
    expect(document.activeElement).toBe(box);
    box.value = 'Cough at night for two weeks.';
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(sentence('s-1-1').textContent).toBe('Cough at night for two weeks.');
    expect(sentence('s-1-1').dataset.origin).toBe('clinician');
    await waitFor(() => expect(document.activeElement).toBe(sentence('s-1-1')));
    await waitFor(() => expect(fake.puts()).toHaveLength(1));
    const body = fake.puts()[0]?.body as SaveDraftRequest;
    expect(body.baseVersion).toBe(3);
    expect(body.sections?.[0]?.sentences[0]).toEqual({ id: 's-1-1', text: 'Cough at night for two weeks.' });
    expect(body.sections?.map((s) => s.sentences.length)).toEqual([3, 1]);
  });

  it('double-click edits; Escape puts the text back', async () => {
    const fake = show();
    await screen.findByTestId('note');
    fireEvent.dblClick(sentence('s-1-2'));
    const box = screen.getByLabelText<HTMLTextAreaElement>('Edit sentence in Subjective');
    box.value = 'Something else.';
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(sentence('s-1-2').textContent).toContain('Possible low-grade fever on Sunday.');
    await new Promise((r) => setTimeout(r, 60));
    expect(fake.puts()).toHaveLength(0);
  });

  it('Delete removes a sentence, Undo brings it back, and both autosave', async () => {
    const fake = show();
    await screen.findByTestId('note');
    fireEvent.click(sentence('s-1-3'));
    fireEvent.keyDown(sentence('s-1-3'), { key: 'Delete' });
    expect(document.querySelector('[data-sentence-id="s-1-3"]')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(sentence('s-1-2')));
    await waitFor(() => expect(fake.puts()).toHaveLength(1));
    expect((fake.puts()[0]?.body as SaveDraftRequest).sections?.[0]?.sentences.map((s) => s.id)).toEqual([
      's-1-1',
      's-1-2',
    ]);
    fireEvent.keyDown(document.body, { key: 'z', code: 'KeyZ', altKey: true });
    expect(sentence('s-1-3')).toBeTruthy();
    await waitFor(() => expect(fake.puts()).toHaveLength(2));
    expect((fake.puts()[1]?.body as SaveDraftRequest).sections?.[0]?.sentences.map((s) => s.id)).toEqual([
      's-1-1',
      's-1-2',
      's-1-3',
    ]);
  });

  it('the evidence pane’s buttons edit and delete too', async () => {
    show();
    await screen.findByTestId('note');
    fireEvent.click(sentence('s-2-1'));
    fireEvent.click(within(screen.getByTestId('evidence-pane')).getByRole('button', { name: /Delete/ }));
    expect(document.querySelector('[data-sentence-id="s-2-1"]')).toBeNull();
    await waitFor(() => expect(document.activeElement?.getAttribute('data-add-section')).toBe('plan'));
    fireEvent.click(sentence('s-1-1'));
    fireEvent.click(within(screen.getByTestId('evidence-pane')).getByRole('button', { name: /Edit/ }));
    expect(screen.getByLabelText('Edit sentence in Subjective')).toBeTruthy();
  });

  it('adds a sentence the clinician writes, marked as theirs', async () => {
    const fake = show();
    await screen.findByTestId('note');
    fireEvent.click(screen.getByRole('button', { name: '+ Add a sentence to Plan' }));
    const box = screen.getByLabelText<HTMLTextAreaElement>('New sentence in Plan');
    box.value = 'Return in two weeks.';
    fireEvent.blur(box);
    const added = [...document.querySelectorAll<HTMLElement>('[data-sentence-id]')].at(-1)!;
    expect(added.textContent).toBe('Return in two weeks. (written by you)');
    expect(added.dataset.flag).toBe('clinician_authored');
    expect(added.dataset.review).toBeUndefined();
    await waitFor(() => expect(fake.puts()).toHaveLength(1));
    const plan = (fake.puts()[0]?.body as SaveDraftRequest).sections?.[1];
    expect(plan?.sentences.map((s) => s.text)).toEqual([
      'Continue metformin 500 mg.',
      'Return in two weeks.',
    ]);
    // Alt+N adds to the selected sentence's section; an empty new sentence is simply dropped.
    fireEvent.keyDown(document.body, { key: 'n', code: 'KeyN', altKey: true });
    fireEvent.keyDown(screen.getByLabelText('New sentence in Plan'), { key: 'Enter' });
    expect(document.querySelectorAll('[data-sentence-id]')).toHaveLength(5);
  });

  it('on a conflict loads the newest draft and says the last change was not saved', async () => {
    const fake = show({ put: () => ({ status: 409, body: { error: 'conflict', message: 'Stale.' } }) });
    await screen.findByTestId('note');
    const newer = sampleRecord({ version: 9, note: sampleNote({ sections: [sampleNote().sections[1]!] }) });
    fake.setStored(newer);
    fireEvent.dblClick(sentence('s-1-1'));
    fireEvent.keyDown(screen.getByLabelText('Edit sentence in Subjective'), { key: 'Enter' });
    fireEvent.keyDown(sentence('s-1-1'), { key: 'Delete' });
    const notice = await screen.findByTestId('draft-notice');
    expect(notice.textContent).toContain(
      'This draft was changed in another window, so your last change was not saved.',
    );
    await waitFor(() => expect(document.querySelectorAll('[data-sentence-id]')).toHaveLength(1));
    expect(screen.getByTestId('save-status').textContent).toBe('Not saved — changed elsewhere');
    fireEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('draft-notice')).toBeNull();
  });
});

/** The sample record with its unsupported and unverified model sentences resolved. */
function resolvedRecord(): DraftRecord {
  const note = sampleNote();
  return sampleRecord({
    note: {
      ...note,
      sections: note.sections.map((section) => ({
        ...section,
        sentences: section.sentences.map((x) =>
          x.id === 's-1-3' || x.id === 's-2-1' ? { ...x, origin: 'clinician' as const } : x,
        ),
      })),
    },
  });
}

describe('DraftView: ready to sign', () => {
  it('refuses while drafted sentences lack evidence, says why and goes to the first', async () => {
    const fake = show();
    await screen.findByTestId('note');
    fireEvent.click(screen.getByRole('button', { name: /Mark ready to sign/ }));
    expect(screen.getByTestId('sign-blocked').textContent).toBe(
      '2 drafted sentences still lack evidence for what they say (marked ⚠). Edit or delete them, then mark the note ready to sign.',
    );
    await waitFor(() => expect(document.activeElement).toBe(sentence('s-1-3')));
    expect(screen.getByTestId('evidence-pane').dataset.evidenceFor).toBe('s-1-3');
    expect(fake.puts()).toHaveLength(0);
    fireEvent.keyDown(sentence('s-1-3'), { key: 'Delete' });
    fireEvent.keyDown(document.body, { key: 's', code: 'KeyS', altKey: true });
    expect(screen.getByTestId('sign-blocked').textContent).toContain(
      'One drafted sentence still lacks evidence',
    );
  });

  it('undoes the status and says why when the server refuses it', async () => {
    show({
      record: resolvedRecord(),
      put: (body) =>
        body.status
          ? {
              status: 400,
              body: { error: 'bad_request', message: '1 drafted sentence still lacks evidence.' },
            }
          : null,
    });
    await screen.findByTestId('note');
    fireEvent.keyDown(document.body, { key: 's', code: 'KeyS', altKey: true });
    const notice = await screen.findByTestId('draft-notice');
    expect(notice.textContent).toContain(
      'The status could not be changed: 1 drafted sentence still lacks evidence.',
    );
    expect(screen.queryByTestId('ready-badge')).toBeNull();
    expect(input().readOnly).toBe(false);
  });

  it('Alt+S marks the note ready to sign at once, locks editing, and switches back', async () => {
    const fake = show({ record: resolvedRecord() });
    await screen.findByTestId('note');
    fireEvent.keyDown(document.body, { key: 's', code: 'KeyS', altKey: true });
    expect(screen.getByTestId('ready-badge').textContent).toBe('Ready to sign');
    expect(fake.puts()[0]?.body).toEqual({ baseVersion: 3, status: 'ready_to_sign' });
    expect(input().readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: /Add a sentence/ })).toBeNull();
    fireEvent.dblClick(sentence('s-1-1'));
    expect(screen.queryByLabelText('Edit sentence in Subjective')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toContain('Saved'));
    fireEvent.click(screen.getByRole('button', { name: /Back to draft/ }));
    await waitFor(() => expect(fake.puts()).toHaveLength(2));
    expect(fake.puts()[1]?.body).toEqual({ baseVersion: 4, status: 'draft' });
    expect(input().readOnly).toBe(false);
  });
});

describe('DraftView: small things', () => {
  it('F2 edits straight away, and a section left empty says so', async () => {
    show();
    await screen.findByTestId('note');
    fireEvent.keyDown(sentence('s-2-1'), { key: 'F2' });
    const box = screen.getByLabelText<HTMLTextAreaElement>('Edit sentence in Plan');
    box.value = '   ';
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(document.querySelector('[data-sentence-id="s-2-1"]')).toBeNull();
    expect(screen.getByText('Nothing in this section.')).toBeTruthy();
  });

  it('says so when the newest draft cannot be loaded after a conflict', async () => {
    show({
      put: () => ({ status: 409, body: { error: 'conflict', message: 'Stale.' } }),
      load: (n) => (n > 0 ? { status: 503, body: { error: 'db_unavailable', message: 'Busy.' } } : null),
    });
    await screen.findByTestId('note');
    fireEvent.input(input(), { target: { value: 'changed' } });
    expect((await screen.findByTestId('draft-notice')).textContent).toContain(
      'the newest version could not be loaded. Reload the app to continue',
    );
    expect(input().value).toBe('changed');
  });
});
