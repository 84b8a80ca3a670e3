/**
 * Entry for `npm run roles -- <command>`: reads the server's configuration from the environment
 * (as server/main.ts does), opens and migrates the same database, runs the app roles CLI and
 * closes. Output on stdout; problems on stderr; exit code from the CLI.
 *
 * @module
 */
import { loadConfig } from '../config/config.ts';
import { cipherForKeys } from '../crypto/secret-cipher.ts';
import { loadMigrations } from '../db/migration-files.ts';
import { migrate } from '../db/migrate.ts';
import { openDb } from '../db/open-db.ts';
import { ConfigError } from '../errors/app-error.ts';
import { createLogger } from '../observability/logger.ts';
import { createEhrRegistry } from '../registry/ehr-registry.ts';
import { createUserRoleStore } from '../roles/user-role-store.ts';
import { ROLES_CLI_USAGE, runRolesCli } from './roles-cli.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function run(argv: readonly string[]): Promise<number> {
  // Help needs no configuration or database.
  if (argv.includes('--help') || argv.includes('-h')) {
    out(ROLES_CLI_USAGE);
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
    return await runRolesCli(argv, { registry, roles: createUserRoleStore(db), out, err });
  } finally {
    await db.close();
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (e) {
  err(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
