/**
 * The plugin's one API client. It talks only to its own origin (the companion server); the
 * browser never holds an EHR token. The per-launch session token, when the server handed one
 * over at boot, lives only in this client's closure: never in storage, cookies or the URL. With
 * no token the browser's HttpOnly session cookie authenticates the call.
 *
 * @module
 */
import type { ClinicalContext } from '../../server/contract/clinical-context.ts';
import type { LaunchSessionInfo } from '../../server/contract/launch-session.ts';
import { ApiError } from './api-error.ts';
import { checkContext } from './context-shape.ts';

export { ApiError, isSessionOver } from './api-error.ts';

export interface ApiClientOptions {
  readonly launchId: string;
  /** From the server's boot element; absent on a reload (the cookie then authenticates). */
  readonly sessionToken?: string;
  readonly fetch?: typeof fetch;
  /** Abort a request that has not answered after this long (default 30 s). */
  readonly timeoutMs?: number;
}

export interface RequestOptions {
  readonly method?: 'GET' | 'PUT' | 'POST';
  /** Sent as JSON. */
  readonly body?: unknown;
  /** The caller's cancel (a Cancel button); the client's own timeout still applies. */
  readonly signal?: AbortSignal;
  /** Let the request outlive the page (the last autosave when the EHR closes the frame). */
  readonly keepalive?: boolean;
}

export interface ApiClient {
  readonly launchId: string;
  /** `/api/launches/<launchId>`: the prefix of every call about this launch. */
  readonly basePath: string;
  getJson<T>(path: string): Promise<T>;
  /** Any JSON call; rejects with an `ApiError` (`cancelled` when `signal` aborted it). */
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  /** A streamed answer's body once its status is OK (the timeout covers only the wait for headers). */
  stream(path: string, options?: RequestOptions): Promise<ReadableStream<Uint8Array>>;
  session(): Promise<LaunchSessionInfo>;
  context(): Promise<ClinicalContext>;
}

interface ErrorBody {
  readonly error?: unknown;
  readonly message?: unknown;
  readonly requestId?: unknown;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const token = options.sessionToken;
  const basePath = `/api/launches/${encodeURIComponent(options.launchId)}`;

  /**
   * Sends the call and returns the response once its headers are in; the status is not checked.
   * For a stream the caller's signal keeps working after the headers, so Cancel ends the download.
   */
  async function send(
    path: string,
    request: RequestOptions,
    accept: string,
    streaming = false,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    if (token) headers['Authorization'] = `Bearer ${token}`;
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    const cancel = () => abort.abort();
    // Forwarded by hand: AbortSignal.any is missing from the older browsers EHRs embed.
    request.signal?.addEventListener('abort', cancel, { once: true });
    if (request.signal?.aborted) abort.abort();
    try {
      return await fetchImpl(path, {
        method: request.method ?? 'GET',
        headers,
        credentials: 'same-origin',
        signal: abort.signal,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        ...(request.keepalive ? { keepalive: true } : {}),
      });
    } catch {
      if (request.signal?.aborted) throw new ApiError('cancelled', 'Cancelled.', 0);
      throw abort.signal.aborted
        ? new ApiError('timeout', 'The RevenuePilot server did not answer in time.', 0)
        : new ApiError('network', 'The RevenuePilot server could not be reached.', 0);
    } finally {
      clearTimeout(timer);
      if (!streaming) request.signal?.removeEventListener('abort', cancel);
    }
  }

  async function request<T>(path: string, requestOptions: RequestOptions = {}): Promise<T> {
    const response = await send(path, requestOptions, 'application/json');
    const body = (await response.json().catch(() => undefined)) as unknown;
    if (response.ok) {
      if (body === undefined || body === null || typeof body !== 'object') {
        throw new ApiError(
          'bad_response',
          'The RevenuePilot server sent an answer the app cannot read.',
          502,
        );
      }
      return body as T;
    }
    throw toApiError(response.status, body);
  }

  async function stream(path: string, requestOptions: RequestOptions = {}) {
    const response = await send(path, requestOptions, 'application/x-ndjson, application/json', true);
    if (!response.ok) {
      throw toApiError(response.status, (await response.json().catch(() => undefined)) as unknown);
    }
    if (!response.body) {
      throw new ApiError('bad_response', 'The RevenuePilot server sent an empty answer.', 502);
    }
    return response.body;
  }

  return {
    launchId: options.launchId,
    basePath,
    getJson: (path) => request(path),
    request,
    stream,
    session: () => request<LaunchSessionInfo>(`${basePath}/session`),
    context: async () => checkContext(await request<unknown>(`${basePath}/context`)),
  };
}

function toApiError(status: number, body: unknown): ApiError {
  const problem: ErrorBody = body !== null && typeof body === 'object' ? body : {};
  return new ApiError(
    typeof problem.error === 'string' ? problem.error : `http_${status}`,
    typeof problem.message === 'string' ? problem.message : `The RevenuePilot server answered ${status}.`,
    status,
    typeof problem.requestId === 'string' ? problem.requestId : undefined,
  );
}
