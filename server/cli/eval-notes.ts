/**
 * Entry for `npm run eval:notes -- [options]`: reads the drafting settings from the environment
 * (as `npm run draft` does), binds the drafting pipeline to the chosen provider and runs the
 * evaluation over the ACI-Bench CSV and the synthetic fixtures. See `drafting/eval/eval-cli.ts`.
 *
 * A development tool, not runtime code: it is the one server entry that reads `fhir-fixtures/`
 * (the synthetic visits and where the shared data lives), which the server itself never does.
 *
 * @module
 */
import type { ProviderName } from '../contract/note-draft.ts';
import { draftNote } from '../drafting/draft-note.ts';
import { PROVIDER_NAMES } from '../drafting/drafting-providers.ts';
import { EVAL_CLI_USAGE, runEvalCli } from '../drafting/eval/eval-cli.ts';
import { AppError } from '../errors/app-error.ts';
import { draftingForCli } from './drafting-setup.ts';
// eslint-disable-next-line no-restricted-imports -- the evaluation drafts the synthetic fixture visits
import { patientFixtures } from '../../fhir-fixtures/patients/index.ts';
// eslint-disable-next-line no-restricted-imports -- and finds ACI-Bench under ../shared/data
import { sharedDataPath } from '../../fhir-fixtures/shared-data.ts';

const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function run(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(EVAL_CLI_USAGE);
    return 0;
  }
  const drafting = draftingForCli(process.env, err);
  if (!drafting) return 1;
  const { config, providers } = drafting;
  return runEvalCli(argv, {
    provider: (name) => {
      if (!PROVIDER_NAMES.includes(name as ProviderName)) {
        throw new AppError('bad_request', `Unknown provider ${name}: use ${PROVIDER_NAMES.join(', ')}.`);
      }
      const provider = providers.get(name as ProviderName);
      return {
        label: name === 'openai-compatible' && config.openai ? `${name} ${config.openai.model}` : name,
        draft: (args) => draftNote(provider, args, { maxInputChars: config.maxInputChars }),
      };
    },
    fixtures: patientFixtures,
    defaultDataPath: sharedDataPath('aci-bench', 'valid.csv'),
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
