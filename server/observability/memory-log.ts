/**
 * A logger that keeps its lines in memory, so tests can assert on what was (and was not) logged.
 *
 * @module
 */
import { createLogger, type Logger, type LogLevel } from './logger.ts';

/** A parsed log line, for tests and tools. */
export type LogLine = Readonly<Record<string, unknown>> & { readonly level: LogLevel; readonly msg: string };

export interface MemoryLog {
  readonly log: Logger;
  readonly lines: LogLine[];
  /** Every line as written, joined: for "does the log contain X" assertions. */
  text(): string;
}

/** A logger that keeps its lines in memory; for tests. */
export function createMemoryLog(level: LogLevel = 'debug'): MemoryLog {
  const raw: string[] = [];
  const lines: LogLine[] = [];
  const log = createLogger({
    level,
    write: (line) => {
      raw.push(line);
      lines.push(JSON.parse(line) as LogLine);
    },
  });
  return { log, lines, text: () => raw.join('\n') };
}
