import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/app-error.ts';
import { loadConfig, loadDatabaseSettings } from './config.ts';

const cwd = '/srv/revenuepilot';
const noFiles = (path: string): string => {
  throw Object.assign(new Error(`no file ${path}`), { code: 'ENOENT' });
};

function problemsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return Object.fromEntries((err as ConfigError).problems.map((p) => [p.key, p.problem]));
  }
  throw new Error('expected a ConfigError');
}

describe('loadDatabaseSettings', () => {
  it('reads the pool and backup keys alone, without the server secrets', () => {
    const settings = loadDatabaseSettings(
      {
        DATABASE_URL: 'postgres://rp@pgbouncer.internal:6432/rp',
        DB_POOL_MAX: '40',
        DB_IDLE_TIMEOUT_MS: '0',
        DB_CONNECT_TIMEOUT_MS: '2500',
        DB_STATEMENT_TIMEOUT_MS: '8000',
        DB_PGBOUNCER: 'true',
        BACKUP_DIR: 'backups',
        BACKUP_RETENTION: '30',
        BACKUP_INTERVAL_HOURS: '6',
        BACKUP_DATABASE_URL: 'postgres://rp@db.internal:5432/rp',
      },
      { cwd, readFile: noFiles },
    );
    expect(settings).toEqual({
      database: { kind: 'postgres', url: 'postgres://rp@pgbouncer.internal:6432/rp' },
      dbPool: {
        max: 40,
        idleTimeoutMs: 0,
        connectTimeoutMs: 2500,
        statementTimeoutMs: 8000,
        pgbouncer: true,
      },
      backup: {
        dir: `${cwd}/backups`,
        retention: 30,
        intervalHours: 6,
        databaseUrl: 'postgres://rp@db.internal:5432/rp',
      },
    });
    expect(Object.isFrozen(settings.dbPool)).toBe(true);
    expect(Object.isFrozen(settings.backup)).toBe(true);
  });

  it('reports every bad database value together, and nothing else', () => {
    const problems = problemsOf(() =>
      loadDatabaseSettings(
        {
          DB_POOL_MAX: '0',
          DB_IDLE_TIMEOUT_MS: 'soon',
          DB_CONNECT_TIMEOUT_MS: '5',
          DB_PGBOUNCER: 'yes',
          BACKUP_RETENTION: '0',
          BACKUP_INTERVAL_HOURS: '1.5',
          PORT: 'not checked here',
        },
        { cwd, readFile: noFiles },
      ),
    );
    expect(problems).toEqual({
      DB_POOL_MAX: 'must be at least 1',
      DB_IDLE_TIMEOUT_MS: 'must be a whole number from 0 to 3600000',
      DB_CONNECT_TIMEOUT_MS: 'must be at least 100',
      DB_PGBOUNCER: 'must be true or false',
      BACKUP_RETENTION: 'must be at least 1',
      BACKUP_INTERVAL_HOURS: 'must be a whole number from 1 to 8760',
    });
  });

  it('asks for a direct URL when scheduled backups would go through PgBouncer', () => {
    expect(
      problemsOf(() =>
        loadDatabaseSettings(
          { DATABASE_URL: 'postgres://rp@bouncer/rp', DB_PGBOUNCER: 'true', BACKUP_INTERVAL_HOURS: '24' },
          { cwd },
        ),
      ),
    ).toEqual({
      BACKUP_DATABASE_URL:
        'is required for scheduled backups behind PgBouncer: pg_dump needs a direct connection',
    });
  });

  it('refuses PostgreSQL-only keys with embedded PGlite', () => {
    expect(
      problemsOf(() =>
        loadDatabaseSettings({ DB_PGBOUNCER: 'true', BACKUP_DATABASE_URL: 'postgres://rp@db/rp' }, { cwd }),
      ),
    ).toEqual({
      BACKUP_DATABASE_URL: 'applies only with DATABASE_URL',
      DB_PGBOUNCER: 'applies only with DATABASE_URL',
    });
  });

  it('is part of the server configuration, reported with the other problems', () => {
    const problems = problemsOf(() =>
      loadConfig({ DB_POOL_MAX: '5000', LOG_LEVEL: 'loud' }, { cwd, readFile: noFiles }),
    );
    expect(problems).toMatchObject({
      DB_POOL_MAX: 'must be at most 1000',
      LOG_LEVEL: 'must be one of debug, info, warn, error',
    });
    expect(problems).toHaveProperty('TOKEN_ENCRYPTION_KEY');
  });
});
