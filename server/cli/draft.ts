/**
 * Entry for `npm run draft -- <input file> [options]`: reads the drafting settings from the
 * environment (the server's secrets are not needed), drafts, prints. See `draft-cli.ts`.
 *
 * @module
 */
import { DRAFT_CLI_USAGE, runDraftCli } from './draft-cli.ts';
import { draftingForCli } from './drafting-setup.ts';

const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function run(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(DRAFT_CLI_USAGE);
    return 0;
  }
  const drafting = draftingForCli(process.env, err);
  if (!drafting) return 1;
  return runDraftCli(argv, {
    providers: drafting.providers,
    maxInputChars: drafting.config.maxInputChars,
    out,
    err,
  });
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (e) {
  err(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
