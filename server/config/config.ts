/**
 * Reads the server's configuration once, from an environment object passed in: `<KEY>_FILE`
 * variants are resolved first (mounted secrets), then every key is validated together, so one
 * `ConfigError` lists every problem. The result is frozen.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, type ConfigProblem } from '../errors/app-error.ts';
import type { LogLevel } from '../observability/logger.ts';
import { z } from 'zod';
import {
  databaseEnvShape,
  draftingEnvShape,
  ENV_KEYS,
  envSchema,
  type DRAFT_PROVIDERS,
  type RECORDING_MODES,
} from './config-schema.ts';

/** Where the data lives: a managed PostgreSQL, or embedded PGlite (in a directory or in memory). */
export type DatabaseConfig =
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'pglite'; /** An absolute directory, or `memory`. */ readonly dataDir: string };

/** The `pg` pool against PostgreSQL (PGlite always has one connection). */
export interface DbPoolConfig {
  readonly max: number;
  readonly idleTimeoutMs: number;
  readonly connectTimeoutMs: number;
  /** Also `dbStatementTimeoutMs`. */
  readonly statementTimeoutMs: number;
  /** Behind PgBouncer: send no startup parameters; the role's defaults must carry the timeout. */
  readonly pgbouncer: boolean;
}

export interface BackupConfig {
  /** Absolute directory the backups are written to. */
  readonly dir: string;
  /** How many of our backup files to keep; older ones are deleted after each backup. */
  readonly retention: number;
  /** When set, the server backs up every so many hours (one replica per slot). */
  readonly intervalHours?: number;
  /** pg_dump's direct URL when DATABASE_URL goes through a pooler; else DATABASE_URL. */
  readonly databaseUrl?: string;
}

/** What the db:* commands need: the database, its pool and backups, without server secrets. */
export interface DatabaseSettings {
  readonly database: DatabaseConfig;
  readonly dbPool: DbPoolConfig;
  readonly backup: BackupConfig;
}

export interface Config extends DatabaseSettings {
  readonly port: number;
  readonly host: string;
  /** The URL people and EHRs reach the server at, without a trailing slash. */
  readonly publicUrl: string;
  readonly database: DatabaseConfig;
  readonly logLevel: LogLevel;
  /** Absolute path of the built plugin (Vite output). */
  readonly pluginDistDir: string;
  readonly dbStatementTimeoutMs: number;
  readonly shutdownGraceMs: number;
  /** 32 bytes: seals tokens and client secrets at rest (see server/crypto/secret-cipher.ts). */
  readonly tokenEncryptionKey: Buffer;
  /** Earlier 32-byte keys: open values sealed before a rotation, never seal. */
  readonly tokenEncryptionPreviousKeys: readonly Buffer[];
  /** Our SMART client's private JWKS as JSON: seeds the signing key table (server/keys). */
  readonly clientJwks: string;
  /** Signing key rotation: how long a new key is published before it signs (and an old one after). */
  readonly keyRotationGraceHours: number;
  /** Bearer token for /admin/api; the admin API answers 503 when it is not set. */
  readonly adminApiToken: string | undefined;
  /** Bearer token for /metrics; when not set, only loopback clients are answered. */
  readonly metricsToken: string | undefined;
  readonly drafting: DraftingConfig;
}

export interface DraftingConfig {
  readonly defaultProvider: (typeof DRAFT_PROVIDERS)[number];
  readonly maxInputChars: number;
  /** `replay` answers from recordings when one matches and the request opts in; `record` saves every answer. */
  readonly recording: (typeof RECORDING_MODES)[number];
  /** Absolute; recordings hold PHI, so the directory is the server's own. */
  readonly recordingsDir: string;
  /** Present when OPENAI_BASE_URL and OPENAI_MODEL are set. */
  readonly openai?: {
    readonly baseUrl: string;
    readonly apiKey?: string;
    readonly model: string;
    readonly apiVersion?: string;
    readonly timeoutMs: number;
    readonly maxRetries: number;
  };
  /** Present when LLAMA_MODEL_PATH is set; absolute. */
  readonly llamaModelPath?: string;
}

export interface LoadConfigOptions {
  /** Reads a `<KEY>_FILE` file; injectable for tests. */
  readonly readFile?: (path: string) => string;
  /** Base for relative directories; defaults to the process's working directory. */
  readonly cwd?: string;
}

const defaultPublicUrl = (port: number): string => `http://127.0.0.1:${port}`;

/** Collects each key's raw value, reading `<KEY>_FILE` where given. Empty strings count as unset. */
function rawValues(env: NodeJS.ProcessEnv, readFile: (path: string) => string) {
  const values: Record<string, string | undefined> = {};
  const problems: ConfigProblem[] = [];
  for (const key of ENV_KEYS) {
    const direct = env[key] === '' ? undefined : env[key];
    const file = env[`${key}_FILE`] === '' ? undefined : env[`${key}_FILE`];
    if (direct !== undefined && file !== undefined) {
      problems.push({ key, problem: `set either ${key} or ${key}_FILE, not both` });
    } else if (file !== undefined) {
      try {
        values[key] = readFile(file).trim();
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        problems.push({
          key: `${key}_FILE`,
          problem: `cannot read ${file}${typeof code === 'string' ? ` (${code})` : ''}`,
        });
      }
    } else {
      values[key] = direct;
    }
  }
  return { values, problems };
}

export function loadConfig(env: NodeJS.ProcessEnv, options: LoadConfigOptions = {}): Config {
  const readFile = options.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  const cwd = options.cwd ?? process.cwd();
  const { values, problems } = rawValues(env, readFile);
  const parsed = envSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ key: String(issue.path[0] ?? '(config)'), problem: issue.message });
    }
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);

  const v = parsed.data;
  const drafting = draftingConfig(v, cwd);
  const databaseSettings = databaseConfig(v, cwd);
  const later = [
    ...('problems' in drafting ? drafting.problems : []),
    ...('problems' in databaseSettings ? databaseSettings.problems : []),
  ];
  if ('problems' in drafting || 'problems' in databaseSettings) throw new ConfigError(later);
  if (v.TOKEN_ENCRYPTION_PREVIOUS_KEYS.some((key) => key.equals(v.TOKEN_ENCRYPTION_KEY))) {
    const problem = 'must not repeat TOKEN_ENCRYPTION_KEY';
    throw new ConfigError([{ key: 'TOKEN_ENCRYPTION_PREVIOUS_KEYS', problem }]);
  }
  return Object.freeze({
    port: v.PORT,
    host: v.HOST,
    publicUrl: v.PUBLIC_URL ?? defaultPublicUrl(v.PORT),
    ...databaseSettings,
    logLevel: v.LOG_LEVEL,
    pluginDistDir: resolve(cwd, v.PLUGIN_DIST_DIR),
    dbStatementTimeoutMs: v.DB_STATEMENT_TIMEOUT_MS,
    shutdownGraceMs: v.SHUTDOWN_GRACE_MS,
    tokenEncryptionKey: v.TOKEN_ENCRYPTION_KEY,
    tokenEncryptionPreviousKeys: Object.freeze(v.TOKEN_ENCRYPTION_PREVIOUS_KEYS),
    clientJwks: v.CLIENT_JWKS,
    keyRotationGraceHours: v.KEY_ROTATION_GRACE_HOURS,
    adminApiToken: v.ADMIN_API_TOKEN,
    metricsToken: v.METRICS_TOKEN,
    drafting: Object.freeze(drafting),
  });
}

const databaseEnvSchema = z.object(databaseEnvShape);
type DatabaseEnv = z.infer<typeof databaseEnvSchema>;

/** The database settings alone, for the db:* commands (no server secrets needed). */
export function loadDatabaseSettings(
  env: NodeJS.ProcessEnv,
  options: LoadConfigOptions = {},
): DatabaseSettings {
  const readFile = options.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  const { values, problems } = rawValues(env, readFile);
  const parsed = databaseEnvSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ key: String(issue.path[0] ?? '(config)'), problem: issue.message });
    }
  }
  const relevant = problems.filter((p) => p.key.replace(/_FILE$/, '') in databaseEnvShape);
  if (relevant.length > 0 || !parsed.success) throw new ConfigError(relevant);
  const settings = databaseConfig(parsed.data, options.cwd ?? process.cwd());
  if ('problems' in settings) throw new ConfigError(settings.problems);
  return settings;
}

/** The database, pool and backup settings; a pooled URL needs a direct one for pg_dump. */
function databaseConfig(v: DatabaseEnv, cwd: string): DatabaseSettings | { problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (v.BACKUP_DATABASE_URL !== undefined && v.DATABASE_URL === undefined) {
    problems.push({ key: 'BACKUP_DATABASE_URL', problem: 'applies only with DATABASE_URL' });
  }
  if (v.DB_PGBOUNCER && v.DATABASE_URL === undefined) {
    problems.push({ key: 'DB_PGBOUNCER', problem: 'applies only with DATABASE_URL' });
  }
  if (v.DB_PGBOUNCER && v.BACKUP_INTERVAL_HOURS !== undefined && v.BACKUP_DATABASE_URL === undefined) {
    problems.push({
      key: 'BACKUP_DATABASE_URL',
      problem: 'is required for scheduled backups behind PgBouncer: pg_dump needs a direct connection',
    });
  }
  if (problems.length > 0) return { problems };
  const database: DatabaseConfig = v.DATABASE_URL
    ? { kind: 'postgres', url: v.DATABASE_URL }
    : {
        kind: 'pglite',
        dataDir: v.PGLITE_DATA_DIR === 'memory' ? 'memory' : resolve(cwd, v.PGLITE_DATA_DIR),
      };
  return Object.freeze({
    database: Object.freeze(database),
    dbPool: Object.freeze({
      max: v.DB_POOL_MAX,
      idleTimeoutMs: v.DB_IDLE_TIMEOUT_MS,
      connectTimeoutMs: v.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: v.DB_STATEMENT_TIMEOUT_MS,
      pgbouncer: v.DB_PGBOUNCER,
    }),
    backup: Object.freeze({
      dir: resolve(cwd, v.BACKUP_DIR),
      retention: v.BACKUP_RETENTION,
      ...(v.BACKUP_INTERVAL_HOURS === undefined ? {} : { intervalHours: v.BACKUP_INTERVAL_HOURS }),
      ...(v.BACKUP_DATABASE_URL === undefined ? {} : { databaseUrl: v.BACKUP_DATABASE_URL }),
    }),
  });
}

const draftingEnvSchema = z.object(draftingEnvShape);
type DraftingEnv = z.infer<typeof draftingEnvSchema>;

/** The drafting settings alone, for the command line (no server secrets needed). */
export function loadDraftingConfig(env: NodeJS.ProcessEnv, options: LoadConfigOptions = {}): DraftingConfig {
  const readFile = options.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  const { values, problems } = rawValues(env, readFile);
  const parsed = draftingEnvSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ key: String(issue.path[0] ?? '(config)'), problem: issue.message });
    }
  }
  const relevant = problems.filter((p) => p.key.replace(/_FILE$/, '') in draftingEnvShape);
  if (relevant.length > 0 || !parsed.success) throw new ConfigError(relevant);
  const drafting = draftingConfig(parsed.data, options.cwd ?? process.cwd());
  if ('problems' in drafting) throw new ConfigError(drafting.problems);
  return Object.freeze(drafting);
}

/** The drafting settings; a provider chosen as default must have what it needs. */
function draftingConfig(v: DraftingEnv, cwd: string): DraftingConfig | { problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if ((v.OPENAI_BASE_URL === undefined) !== (v.OPENAI_MODEL === undefined)) {
    const missing = v.OPENAI_BASE_URL === undefined ? 'OPENAI_BASE_URL' : 'OPENAI_MODEL';
    problems.push({ key: missing, problem: 'is required when the other OpenAI-compatible setting is given' });
  }
  if (v.DRAFT_PROVIDER === 'openai-compatible' && v.OPENAI_BASE_URL === undefined) {
    problems.push({
      key: 'OPENAI_BASE_URL',
      problem: 'is required when DRAFT_PROVIDER is openai-compatible',
    });
  }
  if (v.DRAFT_PROVIDER === 'llama-cpp' && v.LLAMA_MODEL_PATH === undefined) {
    problems.push({ key: 'LLAMA_MODEL_PATH', problem: 'is required when DRAFT_PROVIDER is llama-cpp' });
  }
  if (problems.length > 0) return { problems };
  return {
    defaultProvider: v.DRAFT_PROVIDER,
    maxInputChars: v.DRAFT_MAX_INPUT_CHARS,
    recording: v.DRAFT_RECORDING,
    recordingsDir: resolve(cwd, v.DRAFT_RECORDINGS_DIR),
    ...(v.OPENAI_BASE_URL && v.OPENAI_MODEL
      ? {
          openai: Object.freeze({
            baseUrl: v.OPENAI_BASE_URL,
            model: v.OPENAI_MODEL,
            ...(v.OPENAI_API_KEY ? { apiKey: v.OPENAI_API_KEY } : {}),
            ...(v.OPENAI_API_VERSION ? { apiVersion: v.OPENAI_API_VERSION } : {}),
            timeoutMs: v.OPENAI_TIMEOUT_MS,
            maxRetries: v.OPENAI_MAX_RETRIES,
          }),
        }
      : {}),
    ...(v.LLAMA_MODEL_PATH ? { llamaModelPath: resolve(cwd, v.LLAMA_MODEL_PATH) } : {}),
  };
}

/**
 * With `PORT=0` and no `PUBLIC_URL` the default URL cannot name a port until the server has
 * bound one; this fills it in. Any other configuration is returned unchanged.
 */
export function withBoundPort(config: Config, boundPort: number): Config {
  if (config.port !== 0 || config.publicUrl !== defaultPublicUrl(0)) return config;
  return Object.freeze({ ...config, publicUrl: defaultPublicUrl(boundPort) });
}

/** A description of the database safe for logs: no credentials. */
export function describeDatabase(database: DatabaseConfig): string {
  if (database.kind === 'pglite') return `pglite (${database.dataDir})`;
  const url = new URL(database.url);
  return `postgres (${url.hostname}:${url.port || '5432'}${url.pathname})`;
}
