/**
 * Entry for `npm run codes:import -- <file> [--year <YYYY>]`: reads the database settings from the
 * environment (the server's secrets are not needed), opens and migrates the same database, loads
 * the file and closes. See `codes-import-cli.ts`.
 *
 * @module
 */
import { loadDatabaseSettings } from '../config/config.ts';
import { loadMigrations } from '../db/migration-files.ts';
import { migrate } from '../db/migrate.ts';
import { openDb } from '../db/open-db.ts';
import { createLogger } from '../observability/logger.ts';
import { runCodesImportCli } from './codes-import-cli.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

try {
  process.exitCode = await runCodesImportCli(process.argv.slice(2), {
    out,
    err,
    async useDb(fn) {
      const log = createLogger({ level: 'warn', write: err });
      const db = await openDb(loadDatabaseSettings(process.env), log);
      try {
        await migrate(db, await loadMigrations(), log);
        return await fn(db);
      } finally {
        await db.close();
      }
    },
  });
} catch (e) {
  err(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
