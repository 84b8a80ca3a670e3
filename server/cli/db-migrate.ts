/**
 * Entry for `npm run db:migrate` (see db-commands.ts): the environment in, the exit code out.
 *
 * @module
 */
import { runDbMigrate } from './db-commands.ts';

process.exitCode = await runDbMigrate({
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
