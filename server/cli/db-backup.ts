/**
 * Entry for `npm run db:backup` (see db-commands.ts): the environment in, the exit code out.
 *
 * @module
 */
import { runDbBackup } from './db-commands.ts';

process.exitCode = await runDbBackup({
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
