/**
 * Entry for `npm run db:restore -- <file> [--target <url|dir>]` (see db-commands.ts).
 *
 * @module
 */
import { runDbRestore } from './db-commands.ts';

process.exitCode = await runDbRestore(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
