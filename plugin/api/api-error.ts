/**
 * The one error type the plugin's API calls throw, carrying the server's stable code so the UI
 * can `switch` on it (`session_expired` → relaunch screen) instead of matching message text.
 *
 * @module
 */

/** A failed API call: the server's `{ error, message, requestId }`, or `network` / `timeout` / `bad_response`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** The server's error code (`session_expired`, …), or a client-side one. */
    readonly code: string,
    message: string,
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly requestId?: string,
  ) {
    super(message);
  }
}

/** Codes meaning the launch is over: the only way on is to relaunch from the chart. */
const SESSION_OVER = new Set(['session_expired', 'session_unknown']);

export function isSessionOver(error: unknown): boolean {
  return error instanceof ApiError && SESSION_OVER.has(error.code);
}
