/**
 * The plugin's one API client. It talks only to its own origin (the companion server); the
 * browser never holds an EHR token. Errors come back as a typed result the UI can speak to.
 *
 * @module
 */

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiProblem };

export interface ApiProblem {
  /** The server's error code, or `network` when the server could not be reached. */
  readonly code: string;
  readonly message: string;
  readonly requestId?: string;
}

interface ErrorBody {
  error?: unknown;
  message?: unknown;
  requestId?: unknown;
}

export async function getJson<T>(path: string, fetchImpl: typeof fetch = fetch): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetchImpl(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    return {
      ok: false,
      error: { code: 'network', message: 'The RevenuePilot server could not be reached.' },
    };
  }
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (response.ok) return { ok: true, value: body as T };
  const problem = (body ?? {}) as ErrorBody;
  return {
    ok: false,
    error: {
      code: typeof problem.error === 'string' ? problem.error : `http_${response.status}`,
      message:
        typeof problem.message === 'string' ? problem.message : `The server answered ${response.status}.`,
      ...(typeof problem.requestId === 'string' ? { requestId: problem.requestId } : {}),
    },
  };
}
