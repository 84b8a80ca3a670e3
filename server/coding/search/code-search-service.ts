/**
 * Code search for the API: the index of the active ICD-10-CM release, built on the first search
 * (one build however many searches arrive together) and rebuilt when another release becomes
 * active. Whether one has is checked with one small query at most every 30 seconds, in the
 * background: searches keep using the index they have until the new one is ready. `refresh()`
 * checks now (after an import in this process, or for tests).
 *
 * @module
 */
import type { CodeSearchResult, Icd10CmCode } from '../../contract/coding.ts';
import type { Queryable } from '../../db/db.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Logger } from '../../observability/logger.ts';
import {
  activeIcd10cmRelease,
  icd10cmCodesOf,
  type CodeRelease,
} from '../code-sets/icd10cm-release-store.ts';
import { buildCodeSearchIndex, type CodeSearchIndex } from './code-search-index.ts';

/** The active release's name and an exact-code lookup over all its rows. */
export interface LoadedCodeSet {
  readonly release: string;
  readonly lookup: { get(code: string): Icd10CmCode | undefined };
}

export interface CodeSearchService {
  search(query: string, limit?: number): Promise<CodeSearchResult>;
  /** The same in-memory release, for validating suggested codes without another load. */
  codeSet(): Promise<LoadedCodeSet>;
  /** Checks the active release now and rebuilds the index if it changed. */
  refresh(): Promise<void>;
}

export interface CodeSearchServiceDeps {
  readonly db: Queryable;
  readonly log: Logger;
  /** Milliseconds, for the check interval; defaults to `performance.now`. */
  readonly now?: () => number;
  /** How long an index is trusted before the active release is checked again. */
  readonly checkEveryMs?: number;
  readonly buildIndex?: (codes: readonly Icd10CmCode[]) => CodeSearchIndex;
}

interface Loaded {
  readonly release: CodeRelease;
  readonly index: CodeSearchIndex;
}

export const RELEASE_CHECK_MS = 30_000;

export function createCodeSearchService(deps: CodeSearchServiceDeps): CodeSearchService {
  const now = deps.now ?? (() => performance.now());
  const checkEveryMs = deps.checkEveryMs ?? RELEASE_CHECK_MS;
  const buildIndex = deps.buildIndex ?? buildCodeSearchIndex;
  let loaded: Loaded | undefined;
  let checkedAt = -Infinity;
  let pending: Promise<Loaded> | undefined;

  async function build(release: CodeRelease): Promise<Loaded> {
    const started = now();
    const codes = await icd10cmCodesOf(deps.db, release.id);
    const index = buildIndex(codes);
    deps.log.info('code_search.index_built', {
      release: release.fiscalYear,
      rows: index.size,
      ms: Math.round(now() - started),
    });
    return { release, index };
  }

  /** Reads which release is active and loads it when it is not the one in memory; one at a time. */
  function check(): Promise<Loaded> {
    pending ??= (async () => {
      try {
        const release = await activeIcd10cmRelease(deps.db);
        checkedAt = now();
        if (!release) {
          throw new AppError('not_ready', 'No ICD-10-CM code set is loaded. Run npm run codes:import.');
        }
        if (loaded?.release.id !== release.id) loaded = await build(release);
        return loaded;
      } finally {
        pending = undefined;
      }
    })();
    return pending;
  }

  async function current(): Promise<Loaded> {
    if (!loaded) return check();
    if (now() - checkedAt >= checkEveryMs && !pending) {
      check().catch((err: unknown) =>
        deps.log.warn('code_search.refresh_failed', {
          error: err instanceof AppError ? err.code : err instanceof Error ? err.name : 'unknown',
        }),
      );
    }
    return loaded;
  }

  return {
    async search(query, limit) {
      const { release, index } = await current();
      return { release: release.fiscalYear, hits: index.search(query, limit) };
    },
    async codeSet() {
      const { release, index } = await current();
      return { release: release.fiscalYear, lookup: { get: (code) => index.lookup(code) } };
    },
    async refresh() {
      // A check already under way may have read the release before the caller changed it.
      await pending?.catch(() => undefined);
      await check();
    },
  };
}
