/**
 * The Draft step's calls to the companion server: the templates, what drafting this server
 * offers, the encounter's stored draft (null before the first save), autosaves with optimistic
 * concurrency, and drafting itself, read from its NDJSON stream so progress shows as it comes.
 *
 * @module
 */
import type {
  DraftingOptions,
  DraftRecord,
  DraftStreamEvent,
  GenerateDraftRequest,
  SaveDraftRequest,
  TemplateSummary,
} from '../../server/contract/note-draft.ts';
import { ApiError, type ApiClient } from './client.ts';
import { readNdjson } from './ndjson.ts';

export interface DraftApi {
  templates(): Promise<readonly TemplateSummary[]>;
  options(): Promise<DraftingOptions>;
  /** The stored draft, or null when this encounter has none yet. */
  load(): Promise<DraftRecord | null>;
  /** Rejects with code `conflict` (409) when `baseVersion` is no longer the stored one. */
  save(request: SaveDraftRequest, options?: { keepalive?: boolean }): Promise<DraftRecord>;
  generate(request: GenerateDraftRequest, options: GenerateOptions): Promise<DraftRecord>;
}

export interface GenerateOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: Extract<DraftStreamEvent, { type: 'progress' }>) => void;
}

const unreadable = () =>
  new ApiError('bad_response', 'The RevenuePilot server sent an answer the app cannot read.', 502);

function checkRecord(value: unknown): DraftRecord {
  const record = value as Partial<DraftRecord> | null;
  if (
    typeof record?.id !== 'string' ||
    typeof record.version !== 'number' ||
    typeof record.input?.text !== 'string' ||
    (record.note !== null && !Array.isArray(record.note?.sections))
  ) {
    throw unreadable();
  }
  return record as DraftRecord;
}

function asEvent(value: unknown): DraftStreamEvent {
  const type = (value as { type?: unknown } | null)?.type;
  if (type !== 'progress' && type !== 'done' && type !== 'error') throw unreadable();
  return value as DraftStreamEvent;
}

export function createDraftApi(client: ApiClient): DraftApi {
  const draftPath = `${client.basePath}/draft`;
  return {
    async templates() {
      const list = await client.request<unknown>(`${client.basePath}/templates`);
      if (!Array.isArray(list)) throw unreadable();
      return list as TemplateSummary[];
    },
    options: () => client.request<DraftingOptions>(`${client.basePath}/drafting`),
    async load() {
      try {
        return checkRecord(await client.request<unknown>(draftPath));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404 && error.code === 'not_found') return null;
        throw error;
      }
    },
    async save(request, options = {}) {
      return checkRecord(
        await client.request<unknown>(draftPath, {
          method: 'PUT',
          body: request,
          ...(options.keepalive ? { keepalive: true } : {}),
        }),
      );
    },
    async generate(request, options) {
      const body = await client.stream(`${draftPath}/generate`, {
        method: 'POST',
        body: request,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      try {
        for await (const value of readNdjson(body, options.signal)) {
          const event = asEvent(value);
          if (event.type === 'progress') options.onProgress?.(event);
          else if (event.type === 'done') return checkRecord(event.draft);
          else throw new ApiError(event.error, event.message, 200);
        }
      } catch (error) {
        if (options.signal?.aborted) throw new ApiError('cancelled', 'Cancelled.', 0);
        if (error instanceof ApiError) throw error;
        throw new ApiError('network', 'The connection to the RevenuePilot server broke off.', 0);
      }
      throw new ApiError('incomplete', 'The RevenuePilot server stopped before the draft was finished.', 502);
    },
  };
}
