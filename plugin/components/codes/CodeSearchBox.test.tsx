// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CodeSearchHit, CodeSearchResult } from '../../../server/contract/coding.ts';
import { createApiClient } from '../../api/client.ts';
import { expired, fakeFetch, type Reply } from '../../test-support/fake-fetch.ts';
import { CodeSearchBox } from './CodeSearchBox.tsx';

afterEach(cleanup);

const hit = (code: string, description: string, billable = true): CodeSearchHit => ({
  code,
  description,
  billable,
  score: 1000,
  matchedBy: 'words',
});

const RESULTS: Record<string, CodeSearchHit[]> = {
  htn: [
    hit('I10', 'Essential (primary) hypertension'),
    hit('I16', 'Hypertensive crisis', false),
    hit('I16.0', 'Hypertensive urgency'),
  ],
  'E11.6': [
    hit('E11.6', 'Type 2 diabetes mellitus with other specified complications', false),
    hit('E11.65', 'Type 2 diabetes mellitus with hyperglycemia'),
  ],
};

/** Answers like the route: the hits for `q`, or what `custom` says. */
function serve(custom?: (q: string) => Reply | Promise<Reply | undefined> | undefined) {
  return fakeFetch(async (_what, _count, request) => {
    const url = new URL(request.path, 'http://plugin.test');
    expect(url.pathname).toBe('/api/launches/L1/codes/search');
    const q = url.searchParams.get('q') ?? '';
    const answer = await custom?.(q);
    if (answer) return answer;
    const body: CodeSearchResult = { release: '2026', hits: RESULTS[q] ?? [] };
    return { body };
  });
}

function show(server = serve(), onSessionOver = vi.fn()) {
  const onSelect = vi.fn();
  const client = createApiClient({ launchId: 'L1', fetch: server.fetch });
  render(<CodeSearchBox client={client} onSelect={onSelect} debounceMs={10} onSessionOver={onSessionOver} />);
  const input = screen.getByRole('combobox', { name: 'Search ICD-10-CM codes' });
  const type = (text: string) => fireEvent.input(input, { target: { value: text } });
  const key = (k: string) => fireEvent.keyDown(input, { key: k });
  const listbox = () => screen.getByRole('listbox', { hidden: true });
  const status = () => screen.getByRole('status').textContent;
  return { server, onSelect, input, type, key, listbox, status };
}

const queries = (server: ReturnType<typeof serve>) =>
  server.calls.map((path) => new URL(path, 'http://plugin.test').searchParams.get('q'));

describe('CodeSearchBox', () => {
  it('is a combobox that controls a listbox, closed until there are codes', () => {
    const { input, listbox } = show();
    expect(input.getAttribute('aria-autocomplete')).toBe('list');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.getAttribute('aria-controls')).toBe(listbox().id);
    expect(listbox().hidden).toBe(true);
  });

  it('searches once typing pauses, then lists the codes with headers marked', async () => {
    const { server, type, input, listbox, status } = show();
    type('h');
    type('ht');
    type('htn');
    await waitFor(() => expect(input.getAttribute('aria-expanded')).toBe('true'));
    expect(queries(server)).toEqual(['htn']);
    expect(server.calls[0]).toBe('/api/launches/L1/codes/search?q=htn&limit=20');
    const options = within(listbox()).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'I10 Essential (primary) hypertension',
      'I16 Hypertensive crisisheader, not billable',
      'I16.0 Hypertensive urgency',
    ]);
    expect(options[1]!.getAttribute('aria-disabled')).toBe('true');
    expect(options[0]!.hasAttribute('aria-disabled')).toBe(false);
    expect(status()).toBe('3 codes, 2 billable. Use the arrow keys to choose.');
  });

  it('moves with the arrow keys (wrapping), and Enter takes the highlighted billable code', async () => {
    const { type, key, input, onSelect, listbox, status } = show();
    type('htn');
    await waitFor(() => expect(input.getAttribute('aria-expanded')).toBe('true'));
    const options = within(listbox()).getAllByRole('option');
    key('ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    key('ArrowUp');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[2]!.id);
    key('ArrowDown');
    key('ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    key('Enter');
    expect(onSelect).not.toHaveBeenCalled();
    expect(status()).toBe('I16 is a category header, not billable: choose a code under it.');
    key('ArrowUp');
    key('Enter');
    expect(onSelect).toHaveBeenCalledWith(RESULTS.htn![0]);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect((input as HTMLInputElement).value).toBe('I10');
    expect(status()).toBe('I10 Essential (primary) hypertension chosen.');
  });

  it('takes a billable code by click, never a header', async () => {
    const { type, input, onSelect, listbox } = show();
    type('E11.6');
    await waitFor(() => expect(input.getAttribute('aria-expanded')).toBe('true'));
    const [header, code] = within(listbox()).getAllByRole('option');
    fireEvent.click(header!);
    expect(onSelect).not.toHaveBeenCalled();
    fireEvent.click(code!);
    expect(onSelect).toHaveBeenCalledWith(RESULTS['E11.6']![1]);
  });

  it('Escape closes the list, a second Escape clears the text', async () => {
    const { type, key, input } = show();
    type('htn');
    await waitFor(() => expect(input.getAttribute('aria-expanded')).toBe('true'));
    key('Escape');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect((input as HTMLInputElement).value).toBe('htn');
    key('ArrowDown');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    key('Escape');
    key('Escape');
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('shows only the answer to the latest text when an older search answers late', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const server = serve(async (q) => {
      if (q !== 'htn') return undefined;
      await slow;
      return { body: { release: '2026', hits: RESULTS.htn } };
    });
    const { type, input, listbox } = show(server);
    type('htn');
    await waitFor(() => expect(queries(server)).toEqual(['htn']));
    type('E11.6');
    await waitFor(() => expect(input.getAttribute('aria-expanded')).toBe('true'));
    release();
    await new Promise((r) => setTimeout(r, 30));
    expect(
      within(listbox())
        .getAllByRole('option')
        .map((o) => o.textContent?.slice(0, 6)),
    ).toEqual(['E11.6 ', 'E11.65']);
    expect(server.requests[0]!.signal?.aborted).toBe(true);
  });

  it('does not search for a single character, and says when nothing matches or the search fails', async () => {
    const server = serve((q) =>
      q === 'boom' ? { status: 500, body: { error: 'internal', message: 'The search failed.' } } : undefined,
    );
    const { type, status } = show(server);
    type('x');
    await new Promise((r) => setTimeout(r, 30));
    expect(server.calls).toEqual([]);
    type('zzz');
    await waitFor(() => expect(status()).toBe('No ICD-10-CM codes match “zzz”.'));
    type('boom');
    await waitFor(() => expect(status()).toBe('The search failed.'));
  });

  it('hands an ended session to the app', async () => {
    const onSessionOver = vi.fn();
    const { type, status } = show(
      serve(() => expired),
      onSessionOver,
    );
    type('htn');
    await waitFor(() => expect(onSessionOver).toHaveBeenCalledTimes(1));
    expect(status()).toBe('The session expired.');
  });
});
