// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import { SaveStatus, savedAgo } from './SaveStatus.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('SaveStatus', () => {
  it('says how long ago in plain words', () => {
    expect([0, 4_400, 12_000, 59_400, 61_000, 3_600_000 * 2].map(savedAgo)).toEqual([
      'just now',
      'just now',
      '12 s ago',
      '59 s ago',
      '1 min ago',
      '2 h ago',
    ]);
  });

  it('ticks the age without announcing it, and names each state', async () => {
    vi.useFakeTimers();
    let now = 10_000;
    const { rerender } = render(<SaveStatus state={{ kind: 'saved', at: 10_000 }} now={() => now} />);
    const line = screen.getByTestId('save-status');
    expect(line.textContent).toBe('Saved just now');
    expect(line.querySelector('[aria-live]')?.textContent).toBe('Saved');
    now = 22_000;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(line.textContent).toBe('Saved 12 s ago');
    rerender(<SaveStatus state={{ kind: 'retrying', message: 'x' }} />);
    expect(screen.getByTestId('save-status').textContent).toBe('Not saved — retrying');
    rerender(<SaveStatus state={{ kind: 'failed', error: new ApiError('x', 'Too long.', 413) }} />);
    expect(screen.getByTestId('save-status').textContent).toBe('Not saved: Too long.');
    rerender(<SaveStatus state={{ kind: 'idle' }} />);
    expect(screen.getByTestId('save-status').textContent).toBe('');
  });
});
