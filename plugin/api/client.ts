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

export interface ApiClient {
  readonly launchId: string;
  getJson<T>(path: string): Promise<T>;
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
  const base = `/api/launches/${encodeURIComponent(options.launchId)}`;

  async function getJson<T>(path: string): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers['Authorization'] = `Bearer ${token}`;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    let response: Response;
    try {
      response = await fetchImpl(path, { headers, credentials: 'same-origin', signal: abort.signal });
    } catch {
      throw abort.signal.aborted
        ? new ApiError('timeout', 'The RevenuePilot server did not answer in time.', 0)
        : new ApiError('network', 'The RevenuePilot server could not be reached.', 0);
    } finally {
      clearTimeout(timer);
    }
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

  return {
    launchId: options.launchId,
    getJson,
    session: () => getJson<LaunchSessionInfo>(`${base}/session`),
    context: async () => checkContext(await getJson<unknown>(`${base}/context`)),
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
