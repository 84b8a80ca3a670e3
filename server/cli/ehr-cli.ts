/**
 * `npm run ehr -- <command>`: EHR registrations from a terminal, for IT staff setting up a site
 * before the admin console exists or without network access to it. The same validation and
 * storage as the admin API; a client secret is read from a file, never from the command line
 * (where shell history and `ps` would keep it).
 *
 * Exit codes: 0 done, 1 the operation was refused (invalid, duplicate, unknown id), 2 usage.
 *
 * @module
 */
import { readFile as readFileFromDisk } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import {
  describeProblems,
  ehrRegistrationInput,
  ehrRegistrationPatch,
} from '../registry/ehr-registration-input.ts';
import type { EhrRegistration, EhrRegistry } from '../registry/ehr-registration.ts';
import { exitCodeFor, RefusedError, UsageError } from './command-errors.ts';

export interface EhrCliDeps {
  readonly registry: EhrRegistry;
  readonly out: (line: string) => void;
  /** Problems and usage after a mistake; defaults to `out`. */
  readonly err?: (line: string) => void;
  /** Reads `--client-secret-file`; defaults to the file system. */
  readonly readFile?: (path: string) => Promise<string>;
}

export const EHR_CLI_USAGE = `Usage: npm run ehr -- <command> [options]

Commands:
  list                     Every registered EHR
  show <id>                One registration
  add [fields]             Register an EHR (--name --issuer --client-id --auth-method --vendor
                           --frame-origin --scopes are required)
  update <id> [fields]     Change the given fields
  remove <id>              Delete a registration (its launches end)

Fields:
  --name <text>                  What admins call this EHR
  --issuer <url>                 The FHIR base URL the EHR sends as iss (https)
  --client-id <id>               Our client id at this EHR
  --auth-method <method>         private_key_jwt | client_secret_basic | none
  --vendor <vendor>              epic | oracle-health | generic
  --frame-origin <origin>        Origin allowed to frame the app, e.g. https://ehr.example.org
                                 (repeat for several; on update, replaces the list)
  --scopes "<scopes>"            Space-separated SMART scopes to ask for
  --id-token-issuer <url>        The iss of the EHR's id_tokens, when not the FHIR base
  --clear-id-token-issuer        (update) Forget --id-token-issuer
  --client-secret-file <path>    File holding the client secret (client_secret_basic only)

Reads the server's configuration (DATABASE_URL or PGLITE_DATA_DIR, TOKEN_ENCRYPTION_KEY, …)
from the environment. With embedded PGlite, stop the server first: one process per data directory.`;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  name: { type: 'string' },
  issuer: { type: 'string' },
  'client-id': { type: 'string' },
  'auth-method': { type: 'string' },
  vendor: { type: 'string' },
  'frame-origin': { type: 'string', multiple: true },
  scopes: { type: 'string' },
  'id-token-issuer': { type: 'string' },
  'clear-id-token-issuer': { type: 'boolean' },
  'client-secret-file': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

const FLAG_BY_FIELD: Readonly<Record<string, string>> = {
  name: '--name',
  issuer: '--issuer',
  clientId: '--client-id',
  authMethod: '--auth-method',
  vendor: '--vendor',
  frameOrigins: '--frame-origin',
  scopes: '--scopes',
  idTokenIssuer: '--id-token-issuer',
  clientSecret: '--client-secret-file',
};

const FIELD_FLAGS = Object.keys(OPTIONS).filter((flag) => flag !== 'help');

function describeRegistration(r: EhrRegistration): string[] {
  return [
    `id:               ${r.id}`,
    `name:             ${r.name}`,
    `issuer:           ${r.issuer}`,
    `client id:        ${r.clientId}`,
    `auth method:      ${r.authMethod}`,
    `vendor:           ${r.vendor}`,
    `frame origins:    ${r.frameOrigins.join(', ')}`,
    `scopes:           ${r.scopes}`,
    `id_token issuer:  ${r.idTokenIssuer ?? '(the FHIR base)'}`,
    `client secret:    ${r.hasClientSecret ? 'stored (encrypted)' : 'none'}`,
    `created:          ${r.createdAt}`,
    `updated:          ${r.updatedAt}`,
  ];
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, col) => (col === row.length - 1 ? cell : cell.padEnd(widths[col] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

async function fieldsFrom(
  flags: Flags,
  readFile: (path: string) => Promise<string>,
): Promise<Record<string, unknown>> {
  const fields: Record<string, unknown> = {};
  if (flags.name !== undefined) fields.name = flags.name;
  if (flags.issuer !== undefined) fields.issuer = flags.issuer;
  if (flags['client-id'] !== undefined) fields.clientId = flags['client-id'];
  if (flags['auth-method'] !== undefined) fields.authMethod = flags['auth-method'];
  if (flags.vendor !== undefined) fields.vendor = flags.vendor;
  if (flags['frame-origin'] !== undefined) fields.frameOrigins = flags['frame-origin'];
  if (flags.scopes !== undefined) fields.scopes = flags.scopes;
  if (flags['id-token-issuer'] !== undefined && flags['clear-id-token-issuer']) {
    throw new UsageError('Give --id-token-issuer or --clear-id-token-issuer, not both.');
  }
  if (flags['id-token-issuer'] !== undefined) fields.idTokenIssuer = flags['id-token-issuer'];
  if (flags['clear-id-token-issuer']) fields.idTokenIssuer = null;
  const secretFile = flags['client-secret-file'];
  if (secretFile !== undefined) {
    try {
      fields.clientSecret = (await readFile(secretFile)).replace(/\r?\n$/, '');
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      throw new UsageError(
        `Cannot read --client-secret-file ${secretFile}${typeof code === 'string' ? ` (${code})` : ''}.`,
      );
    }
  }
  return fields;
}

/** Validates here (rather than only in the registry) so problems name the flags, not the fields. */
function checked<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const label = (field: string) => FLAG_BY_FIELD[field] ?? field;
  throw new RefusedError(`The EHR registration is not valid: ${describeProblems(parsed.error, label)}.`);
}

function oneId(positionals: readonly string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`${command} needs exactly one registration id.`);
  return positionals[0] ?? '';
}

function noFields(flags: Flags, command: string): void {
  const given = FIELD_FLAGS.filter((flag) => flags[flag as keyof Flags] !== undefined);
  if (given.length > 0) throw new UsageError(`${command} takes no options (got --${given.join(', --')}).`);
}

export async function runEhrCli(argv: readonly string[], deps: EhrCliDeps): Promise<number> {
  const { registry, out } = deps;
  const err = deps.err ?? out;
  const readFile = deps.readFile ?? ((path: string) => readFileFromDisk(path, 'utf8'));
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const { values: flags, positionals } = parsed;
    const [command, ...rest] = positionals;
    if (flags.help) {
      out(EHR_CLI_USAGE);
      return 0;
    }
    switch (command) {
      case 'list': {
        noFields(flags, 'list');
        if (rest.length > 0) throw new UsageError('list takes no arguments.');
        const all = await registry.list();
        if (all.length === 0) out('No EHR registrations yet. Add one with: npm run ehr -- add --help');
        else
          table([
            ['ID', 'VENDOR', 'AUTH', 'ISSUER', 'NAME'],
            ...all.map((r) => [r.id, r.vendor, r.authMethod, r.issuer, r.name]),
          ]).forEach((line) => out(line));
        return 0;
      }
      case 'show': {
        noFields(flags, 'show');
        const found = await registry.get(oneId(rest, 'show'));
        if (!found) throw new RefusedError('There is no EHR registration with this id.');
        describeRegistration(found).forEach((line) => out(line));
        return 0;
      }
      case 'add': {
        if (rest.length > 0) throw new UsageError('add takes options only, no arguments.');
        if (flags['clear-id-token-issuer'])
          throw new UsageError('--clear-id-token-issuer is for update only.');
        const input = checked(ehrRegistrationInput, await fieldsFrom(flags, readFile));
        const created = await registry.create(input);
        out(`Added EHR registration ${created.id}.`);
        describeRegistration(created).forEach((line) => out(line));
        return 0;
      }
      case 'update': {
        const id = oneId(rest, 'update');
        const patch = checked(ehrRegistrationPatch, await fieldsFrom(flags, readFile));
        if (Object.keys(patch).length === 0)
          throw new UsageError('update needs at least one field to change.');
        const updated = await registry.update(id, patch);
        out(`Updated EHR registration ${updated.id}.`);
        describeRegistration(updated).forEach((line) => out(line));
        return 0;
      }
      case 'remove': {
        noFields(flags, 'remove');
        const id = oneId(rest, 'remove');
        await registry.remove(id);
        out(`Removed EHR registration ${id}.`);
        return 0;
      }
      case undefined:
        throw new UsageError('Give a command: list, show, add, update or remove.');
      default:
        throw new UsageError(`Unknown command ${JSON.stringify(command)}.`);
    }
  } catch (e) {
    return exitCodeFor(e, err);
  }
}
