/**
 * Reads the numbered SQL migrations (`NNNN-name.sql`) from a directory, in order, each with the
 * checksum that later start-ups compare against what was applied.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors/app-error.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** sha256 of the SQL with line endings normalised, so a Windows checkout does not differ. */
  readonly checksum: string;
}

/** The server's own migrations. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

const FILE_NAME = /^(\d{4})-([a-z0-9][a-z0-9-]*)\.sql$/;

export function defineMigration(version: number, name: string, sql: string): Migration {
  const checksum = createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
  return Object.freeze({ version, name, sql, checksum });
}

export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_NAME.exec(file);
    if (!match) {
      throw new AppError('migration_invalid', `Migration file ${file} is not named NNNN-name.sql`);
    }
    const version = Number(match[1]);
    if (migrations.some((m) => m.version === version)) {
      throw new AppError('migration_invalid', `Two migration files share version ${match[1]}`);
    }
    migrations.push(defineMigration(version, match[2] ?? '', await readFile(join(dir, file), 'utf8')));
  }
  return migrations;
}
