import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DraftRecord, SaveDraftRequest } from '../../server/contract/note-draft.ts';
import { sampleRecord } from '../test-support/sample-draft.ts';
import { ApiError } from './api-error.ts';
import { createAutosave, type AutosaveOptions, type SaveState } from './autosave.ts';

type Answer = DraftRecord | ApiError | Promise<DraftRecord>;

function setup(
  answers: (request: SaveDraftRequest, n: number) => Answer,
  extra: Partial<AutosaveOptions> = {},
) {
  const sent: { request: SaveDraftRequest; keepalive: boolean }[] = [];
  const states: SaveState[] = [];
  const saved: { version: number; settled: boolean }[] = [];
  const conflicts: number[] = [];
  const failed: ApiError[] = [];
  const autosave = createAutosave({
    save: (request, options) => {
      sent.push({ request, keepalive: options.keepalive === true });
      const answer = answers(request, sent.length);
      return answer instanceof ApiError ? Promise.reject(answer) : Promise.resolve(answer);
    },
    onState: (s) => states.push(s),
    onSaved: (record, settled) => saved.push({ version: record.version, settled }),
    onConflict: () => conflicts.push(1),
    onFailed: (e) => failed.push(e),
    now: () => 1_000,
    ...extra,
  });
  return { autosave, sent, states, saved, conflicts, failed, last: () => states.at(-1) };
}

const next = (request: SaveDraftRequest) => sampleRecord({ version: request.baseVersion + 1 });
const input = (text: string) => ({ input: { kind: 'transcript' as const, text } });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createAutosave', () => {
  it('waits 1.5 s after the last change and sends one save with the newest values', async () => {
    const t = setup(next);
    t.autosave.reset(3);
    t.autosave.change(input('a'));
    await vi.advanceTimersByTimeAsync(1_000);
    t.autosave.change(input('ab'));
    t.autosave.change({ templateId: 'soap-progress' });
    await vi.advanceTimersByTimeAsync(1_499);
    expect(t.sent).toHaveLength(0);
    expect(t.last()).toEqual({ kind: 'pending' });
    await vi.advanceTimersByTimeAsync(1);
    expect(t.sent).toEqual([
      { request: { baseVersion: 3, ...input('ab'), templateId: 'soap-progress' }, keepalive: false },
    ]);
    expect(t.saved).toEqual([{ version: 4, settled: true }]);
    expect(t.last()).toEqual({ kind: 'saved', at: 1_000 });
    expect(t.autosave.version).toBe(4);
  });

  it('starts a new encounter at version 0', async () => {
    const t = setup(next);
    t.autosave.change(input('x'));
    await vi.advanceTimersByTimeAsync(1_500);
    expect(t.sent[0]?.request.baseVersion).toBe(0);
  });

  it('never overlaps saves: a change made during one goes in the next, on the new version', async () => {
    let release: (r: DraftRecord) => void = () => undefined;
    const t = setup((request, n) =>
      n === 1 ? new Promise<DraftRecord>((resolve) => (release = resolve)) : next(request),
    );
    t.autosave.reset(1);
    t.autosave.change(input('a'));
    await vi.advanceTimersByTimeAsync(1_500);
    expect(t.last()).toEqual({ kind: 'saving' });
    t.autosave.change(input('ab'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.sent).toHaveLength(1);
    release(sampleRecord({ version: 2 }));
    // Its debounce ran out while the first save was in flight, so it follows at once.
    await vi.advanceTimersByTimeAsync(0);
    expect(t.sent[1]?.request).toEqual({ baseVersion: 2, ...input('ab') });
    expect(t.saved).toEqual([
      { version: 2, settled: false },
      { version: 3, settled: true },
    ]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.sent).toHaveLength(2);
  });

  it('on 409 drops the queued changes and reports the conflict', async () => {
    const t = setup(() => new ApiError('conflict', 'Changed elsewhere.', 409));
    t.autosave.change(input('a'));
    await vi.advanceTimersByTimeAsync(1_500);
    expect(t.conflicts).toHaveLength(1);
    expect(t.last()).toEqual({ kind: 'conflict' });
    expect(t.autosave.pending).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.sent).toHaveLength(1);
  });

  it('retries a network or server failure with backoff, keeping the failed change under newer ones', async () => {
    const t = setup(
      (request, n) =>
        n <= 2 ? new ApiError('network', 'The server could not be reached.', 0) : next(request),
      { retryDelaysMs: [2_000, 5_000] },
    );
    t.autosave.change({ ...input('a'), templateId: 't1' });
    await vi.advanceTimersByTimeAsync(1_500);
    expect(t.last()).toEqual({ kind: 'retrying', message: 'The server could not be reached.' });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(t.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.sent).toHaveLength(2);
    t.autosave.change(input('b'));
    expect(t.last()).toEqual({ kind: 'pending' });
    await vi.advanceTimersByTimeAsync(1_500);
    expect(t.sent[2]?.request).toEqual({ baseVersion: 0, ...input('b'), templateId: 't1' });
    expect(t.last()).toMatchObject({ kind: 'saved' });
  });

  it('stops on a refusal retrying cannot fix, until the next change', async () => {
    const tooLong = new ApiError('payload_too_large', 'The input is too long.', 413);
    const t = setup((request, n) => (n === 1 ? tooLong : next(request)));
    t.autosave.change(input('a'));
    await vi.advanceTimersByTimeAsync(1_500);
    expect(t.last()).toEqual({ kind: 'failed', error: tooLong });
    expect(t.failed).toEqual([tooLong]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.sent).toHaveLength(1);
    t.autosave.change({ templateId: 't2' });
    await vi.advanceTimersByTimeAsync(1_500);
    expect(t.sent[1]?.request).toEqual({ baseVersion: 0, ...input('a'), templateId: 't2' });
  });

  it('flush sends at once, with keepalive when the page is going away', async () => {
    const t = setup(next);
    t.autosave.change(input('a'));
    await t.autosave.flush({ keepalive: true });
    expect(t.sent).toEqual([{ request: { baseVersion: 0, ...input('a') }, keepalive: true }]);
    await t.autosave.flush();
    expect(t.sent).toHaveLength(1);
  });

  it('quiesce drops queued changes, waits out the save in flight and tells what it dropped', async () => {
    let release: (r: DraftRecord) => void = () => undefined;
    const t = setup(() => new Promise<DraftRecord>((resolve) => (release = resolve)));
    t.autosave.change(input('a'));
    await vi.advanceTimersByTimeAsync(1_500);
    t.autosave.change(input('ab'));
    const quiet = t.autosave.quiesce();
    release(sampleRecord({ version: 7 }));
    await expect(quiet).resolves.toEqual({ version: 7, dropped: input('ab') });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.sent).toHaveLength(1);
  });

  it('quiesce hands back a change whose save failed meanwhile', async () => {
    const t = setup(() => new ApiError('http_503', 'Busy.', 503));
    t.autosave.change(input('a'));
    await vi.advanceTimersByTimeAsync(1_500);
    await expect(t.autosave.quiesce()).resolves.toEqual({ version: 0, dropped: input('a') });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.sent).toHaveLength(1);
  });

  it('ignores the answer to a save made before a reset', async () => {
    let release: (r: DraftRecord) => void = () => undefined;
    const t = setup(() => new Promise<DraftRecord>((resolve) => (release = resolve)));
    t.autosave.change(input('a'));
    await vi.advanceTimersByTimeAsync(1_500);
    t.autosave.reset(10);
    release(sampleRecord({ version: 2 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(t.autosave.version).toBe(10);
    expect(t.saved).toEqual([]);
  });

  it('does nothing after dispose', async () => {
    const t = setup(next);
    t.autosave.change(input('a'));
    t.autosave.dispose();
    t.autosave.change(input('b'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.sent).toHaveLength(0);
  });
});
