/**
 * Model latency and tokens for `model_request_duration_seconds{provider,outcome}` and
 * `model_tokens_total{provider,kind}`: wraps the drafting providers once, so every provider
 * (builtin, openai-compatible, llama-cpp, replayed recordings) is measured the same way without
 * knowing about metrics. Outcomes are codes: `ok`, `replayed`, `aborted` (the client went away),
 * or the AppError code (`model_timeout`, `model_unavailable`, …), else `error`.
 *
 * @module
 */
import type { DraftingProviders } from '../drafting/drafting-providers.ts';
import type { DraftingProvider } from '../drafting/provider.ts';
import { isAppError } from '../errors/app-error.ts';
import type { AppMetrics } from './metrics.ts';

function outcomeOf(err: unknown, signal: AbortSignal | undefined): string {
  if (signal?.aborted) return 'aborted';
  return isAppError(err) ? err.code : 'error';
}

/** A model's usage numbers are its own: only whole, non-negative counts are added. */
function addTokens(metrics: AppMetrics, provider: string, kind: string, count: number): void {
  if (Number.isSafeInteger(count) && count > 0) metrics.modelTokens.inc({ provider, kind }, count);
}

export function instrumentProvider(
  provider: DraftingProvider,
  metrics: AppMetrics,
  now: () => number = () => performance.now(),
): DraftingProvider {
  const seconds = (started: number) => (now() - started) / 1000;
  return {
    name: provider.name,
    async draft(request, options) {
      const labels = { provider: provider.name };
      const started = now();
      try {
        const result = await provider.draft(request, options);
        metrics.modelDuration.observe(
          { ...labels, outcome: result.replayed ? 'replayed' : 'ok' },
          seconds(started),
        );
        if (result.usage && !result.replayed) {
          addTokens(metrics, provider.name, 'prompt', result.usage.promptTokens);
          addTokens(metrics, provider.name, 'completion', result.usage.completionTokens);
        }
        return result;
      } catch (err) {
        metrics.modelDuration.observe(
          { ...labels, outcome: outcomeOf(err, options?.signal) },
          seconds(started),
        );
        throw err;
      }
    },
  };
}

export function instrumentDraftingProviders(
  providers: DraftingProviders,
  metrics: AppMetrics,
): DraftingProviders {
  return {
    defaultProvider: providers.defaultProvider,
    get: (name, options) => instrumentProvider(providers.get(name, options), metrics),
    options: (maxInputChars) => providers.options(maxInputChars),
  };
}
