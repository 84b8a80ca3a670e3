/**
 * Entry for `npm run roles -- <command>`: the app roles CLI over the server's own database and
 * settings (see `registry-command.ts` and `roles-cli.ts`).
 *
 * @module
 */
import { createUserRoleStore } from '../roles/user-role-store.ts';
import { runRegistryCommand } from './registry-command.ts';
import { ROLES_CLI_USAGE, runRolesCli } from './roles-cli.ts';

await runRegistryCommand(ROLES_CLI_USAGE, (argv, { db, registry, out, err }) =>
  runRolesCli(argv, { registry, roles: createUserRoleStore(db), out, err }),
);
