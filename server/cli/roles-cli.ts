/**
 * `npm run roles -- <command>`: app roles from a terminal, for IT staff without the admin API at
 * hand. The EHR is named by its registration id or its issuer (the FHIR base URL); the user by
 * their FHIR reference (`Practitioner/123`, or the absolute URL the EHR's id_token carries).
 * Everyone without roles is a clinician; `billing` opens the billing review queue.
 *
 * Exit codes: 0 done, 1 refused (invalid, unknown EHR or user), 2 usage.
 *
 * @module
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { EhrRegistry } from '../registry/ehr-registration.ts';
import { describeProblems } from '../registry/ehr-registration-input.ts';
import { fhirUserInput, userRolesInput } from '../roles/user-role-input.ts';
import type { UserRoleStore } from '../roles/user-role-store.ts';
import { exitCodeFor, RefusedError, UsageError } from './command-errors.ts';

export interface RolesCliDeps {
  readonly registry: EhrRegistry;
  readonly roles: UserRoleStore;
  readonly out: (line: string) => void;
  readonly err?: (line: string) => void;
}

export const ROLES_CLI_USAGE = `Usage: npm run roles -- <command> [options]

Commands:
  list <ehr>                        Users with roles at that EHR (everyone else is a clinician)
  set <ehr> <fhir-user> --role <r>  Give a user roles (repeat --role; replaces their roles)
      [--name "<display name>"]     The name their review decisions carry
  remove <ehr> <fhir-user>          Back to the default (clinician)

  <ehr>        the registration id or the issuer URL (npm run ehr -- list shows both)
  <fhir-user>  Practitioner/123, or its absolute URL as the EHR's id_token names the user
  <r>          clinician | billing | admin

Reads the server's configuration (DATABASE_URL or PGLITE_DATA_DIR, TOKEN_ENCRYPTION_KEY, …)
from the environment. With embedded PGlite, stop the server first: one process per data directory.`;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  role: { type: 'string', multiple: true },
  name: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

async function registrationId(registry: EhrRegistry, ehr: string | undefined): Promise<string> {
  if (!ehr) throw new UsageError('Name the EHR: its registration id or issuer URL.');
  const found = /^https?:\/\//.test(ehr) ? await registry.findByIssuer(ehr) : await registry.get(ehr);
  if (!found) throw new RefusedError(`There is no EHR registration ${JSON.stringify(ehr)}.`);
  return found.id;
}

function userOf(value: string | undefined): string {
  if (!value) throw new UsageError('Name the user: Practitioner/123 or its absolute URL.');
  const parsed = fhirUserInput.safeParse(value);
  if (!parsed.success)
    throw new RefusedError(`<fhir-user> ${parsed.error.issues[0]?.message ?? 'is not valid'}.`);
  return parsed.data;
}

export async function runRolesCli(argv: readonly string[], deps: RolesCliDeps): Promise<number> {
  const { registry, roles, out } = deps;
  const err = deps.err ?? out;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const { values: flags, positionals } = parsed;
    const [command, ehr, user, ...extra] = positionals;
    if (flags.help) {
      out(ROLES_CLI_USAGE);
      return 0;
    }
    if (extra.length > 0) throw new UsageError(`Unexpected ${JSON.stringify(extra[0])}.`);
    if (command !== 'set' && (flags.role || flags.name !== undefined))
      throw new UsageError('--role and --name are for set only.');
    switch (command) {
      case 'list': {
        if (user) throw new UsageError('list takes only the EHR.');
        const users = await roles.list(await registrationId(registry, ehr));
        if (users.length === 0) out('No users have roles at this EHR: everyone is a clinician.');
        for (const u of users)
          out(`${u.fhirUser}  ${u.roles.join(',')}${u.displayName ? `  ${u.displayName}` : ''}`);
        return 0;
      }
      case 'set': {
        const id = await registrationId(registry, ehr);
        const input = userRolesInput.safeParse({
          fhirUser: userOf(user),
          roles: flags.role ?? [],
          ...(flags.name === undefined ? {} : { displayName: flags.name }),
        });
        if (!input.success) {
          const label = (field: string) =>
            field === 'roles' ? '--role' : field === 'displayName' ? '--name' : field;
          throw new RefusedError(
            `The role assignment is not valid: ${describeProblems(input.error, label)}.`,
          );
        }
        const { displayName, ...rest } = input.data;
        const saved = await roles.put(
          id,
          { ...rest, ...(displayName === undefined ? {} : { displayName }) },
          'cli',
        );
        out(
          `${saved.fhirUser} at ${id}: ${saved.roles.join(', ')}${saved.displayName ? ` (${saved.displayName})` : ''}.`,
        );
        return 0;
      }
      case 'remove': {
        const id = await registrationId(registry, ehr);
        const fhirUser = userOf(user);
        if (!(await roles.remove(id, fhirUser)))
          throw new RefusedError(`${fhirUser} has no roles at this EHR (they are a clinician).`);
        out(`${fhirUser} at ${id} is a clinician again.`);
        return 0;
      }
      case undefined:
        throw new UsageError('Give a command: list, set or remove.');
      default:
        throw new UsageError(`Unknown command ${JSON.stringify(command)}.`);
    }
  } catch (e) {
    return exitCodeFor(e, err);
  }
}
