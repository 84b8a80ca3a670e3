/**
 * Entry for `npm run ehr -- <command>`: the EHR registration CLI over the server's own database
 * and settings (see `registry-command.ts` and `ehr-cli.ts`).
 *
 * @module
 */
import { EHR_CLI_USAGE, runEhrCli } from './ehr-cli.ts';
import { runRegistryCommand } from './registry-command.ts';

await runRegistryCommand(EHR_CLI_USAGE, (argv, { registry, out, err }) =>
  runEhrCli(argv, { registry, out, err }),
);
