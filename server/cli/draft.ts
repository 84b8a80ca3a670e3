/**
 * Entry for `npm run draft -- <input file> [options]`: reads the drafting settings from the
 * environment (the server's secrets are not needed), drafts, prints. See `draft-cli.ts`.
 *
 * @module
 */
import { loadDraftingConfig } from '../config/config.ts';
import { providersFromConfig } from '../drafting/providers-from-config.ts';
import { ConfigError } from '../errors/app-error.ts';
import { createLogger } from '../observability/logger.ts';
import { DRAFT_CLI_USAGE, runDraftCli } from './draft-cli.ts';

const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function run(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(DRAFT_CLI_USAGE);
    return 0;
  }
  let config;
  try {
    config = loadDraftingConfig(process.env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    err('error: the drafting settings are not valid:');
    for (const p of e.problems) err(`  ${p.key}: ${p.problem}`);
    return 1;
  }
  const log = createLogger({ level: 'warn', write: err });
  return runDraftCli(argv, {
    providers: providersFromConfig(config, { log }),
    maxInputChars: config.maxInputChars,
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
