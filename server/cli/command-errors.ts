/**
 * How the management commands (`npm run ehr`, `npm run roles`) end on a problem: a mistake in how
 * the command was typed exits 2 with a pointer to `--help`; a refused operation (ours or the
 * server's `AppError`) exits 1 with its message; anything else is a bug and is rethrown.
 *
 * @module
 */
import { isAppError } from '../errors/app-error.ts';

/** A mistake in how the command was typed: exit 2. */
export class UsageError extends Error {}

/** The operation was refused: exit 1. */
export class RefusedError extends Error {}

export function exitCodeFor(e: unknown, err: (line: string) => void): number {
  if (e instanceof UsageError) {
    err(`error: ${e.message}`);
    err('Run with --help for the commands and options.');
    return 2;
  }
  if (e instanceof RefusedError || isAppError(e)) {
    err(`error: ${e.message}`);
    return 1;
  }
  throw e;
}
