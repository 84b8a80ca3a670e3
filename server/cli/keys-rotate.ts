/**
 * Entry for `npm run keys:rotate [-- options]`: reads the server's configuration from the
 * environment (as server/main.ts does), opens and migrates the same database, opens the signing
 * key store as the server does (seeding it from CLIENT_JWKS if this database has none yet), runs
 * the command and closes. Output on stdout; problems on stderr; exit code from the command.
 *
 * @module
 */
import { loadConfig } from '../config/config.ts';
import { cipherForKeys, deriveKeyId } from '../crypto/secret-cipher.ts';
import { loadMigrations } from '../db/migration-files.ts';
import { migrate } from '../db/migrate.ts';
import { openDb } from '../db/open-db.ts';
import { ConfigError } from '../errors/app-error.ts';
import { loadClientKeys } from '../keys/client-keys.ts';
import { openClientKeyStore } from '../keys/open-key-store.ts';
import { createLogger } from '../observability/logger.ts';
import {
  KEYS_ROTATE_USAGE,
  parseKeysRotateArgs,
  reportUsage,
  runKeysRotateCommand,
} from './keys-rotate-cli.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function run(argv: readonly string[]): Promise<number> {
  // Help and usage mistakes need no configuration or database.
  const command = parseKeysRotateArgs(argv);
  if ('usage' in command) return reportUsage(command.usage, err);
  if (command.kind === 'help') {
    out(KEYS_ROTATE_USAGE);
    return 0;
  }
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    err('error: the server configuration is not valid (the command reads the same settings):');
    for (const p of e.problems) err(`  ${p.key}: ${p.problem}`);
    return 1;
  }
  const log = createLogger({ level: 'warn', write: err });
  const seed = await loadClientKeys(config.clientJwks);
  const db = await openDb(config, log);
  try {
    await migrate(db, await loadMigrations(), log);
    const keys = await openClientKeyStore({ config, db, seed, log });
    return await runKeysRotateCommand(command, {
      keys,
      db,
      cipher: cipherForKeys(config.tokenEncryptionKey, config.tokenEncryptionPreviousKeys),
      previousKeyIds: config.tokenEncryptionPreviousKeys.map(deriveKeyId),
      graceHours: config.keyRotationGraceHours,
      out,
      err,
    });
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
