/**
 * JSON-lines logger: one object per line with time, level, msg, the request's ids and small
 * fields only (ids, counts, durations, codes). Never request bodies, tokens, note text or FHIR
 * resources. The sink is injected, so tests capture lines in memory.
 *
 * @module
 */
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

const RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };
const MAX_STRING = 1_000;
const MAX_STACK = 8_000;

function defaultContext(): LogFields | undefined {
  const ctx = currentRequestContext();
  return ctx && { requestId: ctx.requestId, traceId: ctx.traceId };
}

function clip(key: string, value: LogValue): LogValue {
  const max = key === 'stack' ? MAX_STACK : MAX_STRING;
  if (typeof value === 'string' && value.length > max) return `${value.slice(0, max)}…`;
  return value;
}

export function createLogger(options: LoggerOptions): Logger {
  const now = options.now ?? (() => new Date());
  const context = options.context ?? defaultContext;
  const threshold = RANK[options.level];

  const build = (bound: LogFields): Logger => {
    const emit = (level: LogLevel, msg: string, fields: LogFields = {}): void => {
      if (RANK[level] < threshold) return;
      const line: Record<string, LogValue> = { time: now().toISOString(), level, msg };
      for (const source of [context(), bound, fields]) {
        if (!source) continue;
        for (const [key, value] of Object.entries(source)) {
          if (value !== undefined && key !== 'time' && key !== 'level' && key !== 'msg') {
            line[key] = clip(key, value);
          }
        }
      }
      options.write(JSON.stringify(line));
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
