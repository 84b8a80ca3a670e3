/**
 * Entry for `npm run codes:suggest -- <file> [options]`. See `codes-suggest-cli.ts`.
 *
 * @module
 */
import { runCodesSuggestCli } from './codes-suggest-cli.ts';

const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

try {
  process.exitCode = await runCodesSuggestCli(process.argv.slice(2), { out, err });
} catch (e) {
  err(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
