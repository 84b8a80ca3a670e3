import { describe, expect, it } from 'vitest';
import type { DraftingProvider, DraftRequest, ProviderResult } from '../drafting/provider.ts';
import { AppError } from '../errors/app-error.ts';
import { createMetrics } from './metrics.ts';
import { instrumentProvider } from './model-metrics.ts';

const request = {} as DraftRequest;
const draft = { sections: [] } as unknown as ProviderResult['draft'];

function provider(answer: () => Promise<ProviderResult>): DraftingProvider {
  return { name: 'openai-compatible', draft: answer };
}

describe('instrumentProvider', () => {
  it('times each draft by provider and outcome and counts the tokens the model reported', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    let t = 0;
    const p = instrumentProvider(
      provider(() => Promise.resolve({ draft, usage: { promptTokens: 1200, completionTokens: 340 } })),
      metrics,
      () => (t += 2_000),
    );
    expect(p.name).toBe('openai-compatible');
    expect((await p.draft(request)).usage?.promptTokens).toBe(1200);
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'model_request_duration_seconds_count{provider="openai-compatible",outcome="ok"} 1',
    );
    expect(text).toContain('model_request_duration_seconds_sum{provider="openai-compatible",outcome="ok"} 2');
    expect(text).toContain('model_tokens_total{provider="openai-compatible",kind="prompt"} 1200');
    expect(text).toContain('model_tokens_total{provider="openai-compatible",kind="completion"} 340');
  });

  it('labels replays, error codes and aborts, and counts no tokens for a replay', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const replay = instrumentProvider(
      provider(() =>
        Promise.resolve({ draft, replayed: true, usage: { promptTokens: 9, completionTokens: 9 } }),
      ),
      metrics,
    );
    await replay.draft(request);
    const timeout = instrumentProvider(
      provider(() => Promise.reject(new AppError('model_timeout', 'slow'))),
      metrics,
    );
    await expect(timeout.draft(request)).rejects.toThrow('slow');
    const controller = new AbortController();
    controller.abort();
    const aborted = instrumentProvider(
      provider(() => Promise.reject(new Error('aborted'))),
      metrics,
    );
    await expect(aborted.draft(request, { signal: controller.signal })).rejects.toThrow();
    const plain = instrumentProvider(
      provider(() => Promise.reject(new Error('boom'))),
      metrics,
    );
    await expect(plain.draft(request)).rejects.toThrow('boom');
    const text = await metrics.registry.metrics();
    for (const outcome of ['replayed', 'model_timeout', 'aborted', 'error']) {
      expect(text).toContain(
        `model_request_duration_seconds_count{provider="openai-compatible",outcome="${outcome}"} 1`,
      );
    }
    expect(text).not.toContain('model_tokens_total{');
  });
});
