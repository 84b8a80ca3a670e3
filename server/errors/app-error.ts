/**
 * The one error type the server raises on purpose: a stable `code` callers can `switch` on, the HTTP
 * status it maps to, a message safe to show a person, and an optional `cause` kept for the log only.
 *
 * @module
 */

/** Every code the server can answer with. The status for each lives in {@link STATUS_BY_CODE}. */
export type AppErrorCode =
  | 'bad_request'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'not_found'
  | 'launch_params_missing'
  | 'not_ready'
  | 'plugin_not_built'
  | 'config_invalid'
  | 'migration_invalid'
  | 'backup_failed'
  | 'restore_refused'
  | 'ehr_not_registered'
  | 'ehr_unavailable'
  | 'launch_invalid'
  | 'launch_not_bound'
  | 'authorization_denied'
  | 'session_expired'
  | 'session_unknown'
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'admin_disabled'
  | 'model_unavailable'
  | 'model_timeout'
  | 'model_rejected'
  | 'model_output_invalid'
  | 'draft_truncated'
  | 'internal';

const STATUS_BY_CODE: Readonly<Record<AppErrorCode, number>> = {
  bad_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  not_found: 404,
  launch_params_missing: 400,
  not_ready: 503,
  plugin_not_built: 503,
  config_invalid: 500,
  migration_invalid: 500,
  backup_failed: 500,
  restore_refused: 409,
  ehr_not_registered: 403,
  ehr_unavailable: 502,
  launch_invalid: 400,
  launch_not_bound: 403,
  authorization_denied: 403,
  session_expired: 401,
  session_unknown: 401,
  unauthorized: 401,
  forbidden: 403,
  conflict: 409,
  admin_disabled: 503,
  model_unavailable: 503,
  model_timeout: 504,
  model_rejected: 502,
  model_output_invalid: 502,
  draft_truncated: 502,
  internal: 500,
};

export interface AppErrorOptions {
  /** The underlying error; logged, never sent to the client. */
  readonly cause?: unknown;
}

export class AppError extends Error {
  override readonly name: string = 'AppError';
  readonly code: AppErrorCode;
  readonly status: number;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = STATUS_BY_CODE[code];
  }
}

/** One problem with one configuration key; never carries the key's value (it may be a secret). */
export interface ConfigProblem {
  readonly key: string;
  readonly problem: string;
}

/** Start-up configuration is invalid; lists every problem at once so one restart fixes them all. */
export class ConfigError extends AppError {
  override readonly name = 'ConfigError';
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    const lines = problems.map((p) => `  ${p.key}: ${p.problem}`);
    super('config_invalid', `Invalid configuration (${problems.length}):\n${lines.join('\n')}`);
    this.problems = Object.freeze([...problems]);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
