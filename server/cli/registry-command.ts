/**
 * What the commands that manage EHR registrations share (`npm run ehr`, `npm run roles`): help
 * without configuration, the server's settings from the environment (all problems printed),
 * the same database opened and migrated, the registry with the server's cipher, and the database
 * closed however the command ends. Output on stdout; problems on stderr; the exit code is the
 * command's.
 *
 * @module
 */
import { loadConfig } from '../config/config.ts';
import { cipherForKeys } from '../crypto/secret-cipher.ts';
import type { Db } from '../db/db.ts';
import { loadMigrations } from '../db/migration-files.ts';
import { migrate } from '../db/migrate.ts';
import { openDb } from '../db/open-db.ts';
import { ConfigError } from '../errors/app-error.ts';
import { createLogger } from '../observability/logger.ts';
import { createEhrRegistry, type EhrRegistry } from '../registry/ehr-registry.ts';

export interface RegistryCommandContext {
  readonly db: Db;
  readonly registry: EhrRegistry;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function run(
  argv: readonly string[],
  usage: string,
  command: (ctx: RegistryCommandContext) => Promise<number>,
): Promise<number> {
  // Help needs no configuration or database.
  if (argv.includes('--help') || argv.includes('-h')) {
    out(usage);
    return 0;
  }
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    err('error: the server configuration is not valid (the CLI reads the same settings):');
    for (const p of e.problems) err(`  ${p.key}: ${p.problem}`);
    return 1;
  }
  const log = createLogger({ level: 'warn', write: err });
  const db = await openDb(config, log);
  try {
    await migrate(db, await loadMigrations(), log);
    const registry = createEhrRegistry(
      db,
      cipherForKeys(config.tokenEncryptionKey, config.tokenEncryptionPreviousKeys),
    );
    return await command({ db, registry, out, err });
  } finally {
    await db.close();
  }
}

/** Runs the command with this process's arguments and sets the exit code. */
export async function runRegistryCommand(
  usage: string,
  command: (argv: readonly string[], ctx: RegistryCommandContext) => Promise<number>,
): Promise<void> {
  const argv = process.argv.slice(2);
  try {
    process.exitCode = await run(argv, usage, (ctx) => command(argv, ctx));
  } catch (e) {
    err(`error: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
