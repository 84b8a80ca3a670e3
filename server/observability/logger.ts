/**
 * JSON-lines logger on pino: one object per line with level, time, msg, the request's ids
 * (`requestId`, `traceId`, `spanId`) and small fields only (ids, counts, durations, codes). Never
 * request bodies, tokens, note text, names or FHIR resources: the field type refuses objects, and
 * pino's `redact` blanks token-like keys as a safety net. The sink is injected, so tests capture
 * lines in memory.
 *
 * @module
 */
import pino from 'pino';
import { currentRequestContext } from './request-context.ts';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Small values only: objects are not accepted, so a resource or body cannot be logged by accident. */
export type LogValue = string | number | boolean | null | undefined | readonly string[];
export type LogFields = Readonly<Record<string, LogValue>>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Receives one serialised line (without the newline). */
  readonly write: (line: string) => void;
  readonly now?: () => Date;
  /** Fields of the current request; defaults to the AsyncLocalStorage request context. */
  readonly context?: () => LogFields | undefined;
}

const MAX_STRING = 1_000;
const MAX_STACK = 8_000;
/** Written by the logger itself; a field of the same name is dropped rather than forge them. */
const RESERVED = new Set(['level', 'time', 'msg']);

/**
 * Keys whose values are blanked whatever the caller meant: credentials that must never reach a
 * log. A safety net only: the rule is that call sites pass ids, counts, durations and codes.
 */
export const REDACTED_KEYS = [
  'authorization',
  'cookie',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'idToken',
  'id_token',
  'sessionToken',
  'apiKey',
  'api_key',
  'clientSecret',
  'client_secret',
  'password',
  'secret',
  'codeVerifier',
  'code_verifier',
] as const;

function defaultContext(): LogFields | undefined {
  const ctx = currentRequestContext();
  return ctx && { requestId: ctx.requestId, traceId: ctx.traceId, spanId: ctx.spanId };
}

function clip(key: string, value: LogValue): LogValue {
  const max = key === 'stack' ? MAX_STACK : MAX_STRING;
  if (typeof value === 'string' && value.length > max) return `${value.slice(0, max)}…`;
  return value;
}

export function createLogger(options: LoggerOptions): Logger {
  const now = options.now ?? (() => new Date());
  const context = options.context ?? defaultContext;
  const sink = pino(
    {
      level: options.level,
      base: undefined,
      messageKey: 'msg',
      timestamp: () => `,"time":"${now().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACTED_KEYS], censor: '[redacted]' },
    },
    { write: (chunk: string) => options.write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) },
  );

  const build = (bound: LogFields): Logger => {
    const emit = (level: LogLevel, msg: string, fields: LogFields = {}): void => {
      if (!sink.isLevelEnabled(level)) return;
      // msg first, then the request's ids, then bound and call fields; later sources win, and
      // each key is written once (pino would repeat a key its bindings and the call share).
      const line: Record<string, LogValue> = { msg };
      for (const source of [context(), bound, fields]) {
        if (!source) continue;
        for (const [key, value] of Object.entries(source)) {
          if (value !== undefined && !RESERVED.has(key)) line[key] = clip(key, value);
        }
      }
      sink[level](line);
    };
    return {
      debug: (msg, fields) => emit('debug', msg, fields),
      info: (msg, fields) => emit('info', msg, fields),
      warn: (msg, fields) => emit('warn', msg, fields),
      error: (msg, fields) => emit('error', msg, fields),
      child: (fields) => build({ ...bound, ...fields }),
    };
  };
  return build({});
}

/** Fields that describe an error for the log: its name, code and stack; nothing it may carry. */
export function errorFields(err: unknown): LogFields {
  if (!(err instanceof Error)) return { errName: typeof err };
  const code = (err as { code?: unknown }).code;
  return {
    errName: err.name,
    errCode: typeof code === 'string' || typeof code === 'number' ? code : undefined,
    stack: err.stack ?? `${err.name}: ${err.message}`,
  };
}
