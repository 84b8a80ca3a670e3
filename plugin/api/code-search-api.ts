/**
 * ICD-10-CM typeahead calls to the companion server (`GET …/codes/search?q=&limit=`), for the code
 * search box in the Codes step and the billing queue. The answer is shape-checked before the UI
 * reads it; the caller's signal cancels a search the person has typed past.
 *
 * @module
 */
import type { CodeSearchHit, CodeSearchResult } from '../../server/contract/coding.ts';
import { ApiError, type ApiClient } from './client.ts';

export interface CodeSearchOptions {
  readonly limit?: number;
  readonly signal?: AbortSignal;
}

export interface CodeSearchApi {
  search(query: string, options?: CodeSearchOptions): Promise<CodeSearchResult>;
}

const unreadable = () =>
  new ApiError('bad_response', 'The RevenuePilot server sent an answer the app cannot read.', 502);

function isHit(value: unknown): value is CodeSearchHit {
  const hit = value as Partial<CodeSearchHit> | null;
  return (
    typeof hit?.code === 'string' &&
    typeof hit.description === 'string' &&
    typeof hit.billable === 'boolean' &&
    typeof hit.score === 'number'
  );
}

export function checkSearchResult(value: unknown): CodeSearchResult {
  const result = value as Partial<CodeSearchResult> | null;
  if (typeof result?.release !== 'string' || !Array.isArray(result.hits) || !result.hits.every(isHit)) {
    throw unreadable();
  }
  return result as CodeSearchResult;
}

export function createCodeSearchApi(client: ApiClient): CodeSearchApi {
  return {
    async search(query, options = {}) {
      const params = new URLSearchParams({ q: query });
      if (options.limit !== undefined) params.set('limit', String(options.limit));
      const path = `${client.basePath}/codes/search?${params.toString()}`;
      return checkSearchResult(
        await client.request<unknown>(path, options.signal ? { signal: options.signal } : {}),
      );
    },
  };
}
