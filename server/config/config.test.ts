import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testSecretsEnv, type TestSecretsEnv } from '../../test/support/test-secrets.ts';
import { ConfigError } from '../errors/app-error.ts';
import { describeDatabase, loadConfig, loadDraftingConfig, withBoundPort } from './config.ts';

const cwd = '/srv/revenuepilot';
let secrets: TestSecretsEnv;
beforeAll(async () => {
  secrets = await testSecretsEnv();
});
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

describe('loadConfig', () => {
  it('has a default for every key but the secrets', () => {
    const config = loadConfig(secrets, { cwd, readFile: noFiles });
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      publicUrl: 'http://127.0.0.1:8080',
      database: { kind: 'pglite', dataDir: resolve(cwd, '.data/pglite') },
      logLevel: 'info',
      pluginDistDir: resolve(cwd, 'dist/plugin'),
      dbStatementTimeoutMs: 15_000,
      dbPool: {
        max: 10,
        idleTimeoutMs: 30_000,
        connectTimeoutMs: 10_000,
        statementTimeoutMs: 15_000,
        pgbouncer: false,
      },
      backup: { dir: resolve(cwd, '.data/backups'), retention: 14 },
      shutdownGraceMs: 10_000,
      tokenEncryptionKey: Buffer.from(secrets.TOKEN_ENCRYPTION_KEY, 'base64'),
      tokenEncryptionPreviousKeys: [],
      clientJwks: secrets.CLIENT_JWKS,
      keyRotationGraceHours: 48,
      adminApiToken: undefined,
      drafting: {
        defaultProvider: 'builtin',
        maxInputChars: 100_000,
        recording: 'off',
        recordingsDir: resolve(cwd, '.data/recordings'),
      },
    });
    expect(config.tokenEncryptionKey).toHaveLength(32);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.database)).toBe(true);
  });

  it('reads every key, treating empty values as unset', () => {
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '0.0.0.0',
        PUBLIC_URL: 'https://rp.example-health.org/',
        DATABASE_URL: 'postgres://rp@db.internal:5432/rp',
        LOG_LEVEL: 'debug',
        PLUGIN_DIST_DIR: '/opt/rp/plugin',
        DB_STATEMENT_TIMEOUT_MS: '5000',
        SHUTDOWN_GRACE_MS: '0',
        PGLITE_DATA_DIR: '',
        ADMIN_API_TOKEN: 'admin-token-0123456789abcdefghijklmnop',
        METRICS_TOKEN: 'metrics-token-0123456789abcdefghijklm',
        ...secrets,
      },
      { cwd, readFile: noFiles },
    );
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      publicUrl: 'https://rp.example-health.org',
      database: { kind: 'postgres', url: 'postgres://rp@db.internal:5432/rp' },
      logLevel: 'debug',
      pluginDistDir: '/opt/rp/plugin',
      dbStatementTimeoutMs: 5000,
      shutdownGraceMs: 0,
      adminApiToken: 'admin-token-0123456789abcdefghijklmnop',
      metricsToken: 'metrics-token-0123456789abcdefghijklm',
    });
  });

  it('keeps PGlite in memory when PGLITE_DATA_DIR is "memory"', () => {
    expect(loadConfig({ PGLITE_DATA_DIR: 'memory', ...secrets }, { cwd }).database).toEqual({
      kind: 'pglite',
      dataDir: 'memory',
    });
  });

  it('reports every bad value together, without echoing any value', () => {
    const secret = 'mysql://admin:hunter2@db/rp';
    let message = '';
    const problems = problemsOf(() => {
      try {
        loadConfig(
          {
            PORT: '80000',
            HOST: '',
            PUBLIC_URL: 'ftp://example.org',
            DATABASE_URL: secret,
            LOG_LEVEL: 'verbose',
            DB_STATEMENT_TIMEOUT_MS: '1.5',
            SHUTDOWN_GRACE_MS: '-1',
            TOKEN_ENCRYPTION_KEY: Buffer.from('hunter2-short-key').toString('base64'),
            CLIENT_JWKS: '{"keys": [{"kty": "oct", "k": "hunter2"}]}',
            ADMIN_API_TOKEN: 'hunter2',
          },
          { cwd, readFile: noFiles },
        );
      } catch (err) {
        message = (err as Error).message;
        throw err;
      }
    });
    expect(problems).toEqual({
      PORT: 'must be at most 65535',
      PUBLIC_URL: 'must use http or https',
      DATABASE_URL: 'must be a postgres:// or postgresql:// URL',
      LOG_LEVEL: 'must be one of debug, info, warn, error',
      DB_STATEMENT_TIMEOUT_MS: 'must be a whole number from 1 to 3600000',
      SHUTDOWN_GRACE_MS: 'must be a whole number from 0 to 600000',
      TOKEN_ENCRYPTION_KEY: 'must decode to exactly 32 bytes (it decodes to 17)',
      CLIENT_JWKS: 'keys[0] needs a "kid"; keys[0] needs "alg" RS384 or ES384',
      ADMIN_API_TOKEN: 'must be at least 32 characters, e.g. `openssl rand -base64 32`',
    });
    expect(message).toContain('Invalid configuration (9)');
    expect(message).toContain('LOG_LEVEL: must be one of');
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain(Buffer.from('hunter2').toString('base64').slice(0, 8));
  });

  it('requires the secrets, naming how to make each', () => {
    expect(problemsOf(() => loadConfig({}, { cwd, readFile: noFiles }))).toEqual({
      TOKEN_ENCRYPTION_KEY: 'is required: base64 of 32 random bytes, e.g. `openssl rand -base64 32`',
      CLIENT_JWKS: 'is required: our private JWKS, e.g. from `npm run keys:generate`',
    });
  });

  it('reads TOKEN_ENCRYPTION_KEY and CLIENT_JWKS from _FILE (mounted secrets)', () => {
    const files: Record<string, string> = {
      '/run/secrets/token-key': `${secrets.TOKEN_ENCRYPTION_KEY}\n`,
      '/run/secrets/jwks': secrets.CLIENT_JWKS,
      '/run/secrets/admin': 'a'.repeat(40),
    };
    const config = loadConfig(
      {
        TOKEN_ENCRYPTION_KEY_FILE: '/run/secrets/token-key',
        CLIENT_JWKS_FILE: '/run/secrets/jwks',
        ADMIN_API_TOKEN_FILE: '/run/secrets/admin',
      },
      { cwd, readFile: (path) => files[path] ?? noFiles(path) },
    );
    expect(config.tokenEncryptionKey.equals(Buffer.from(secrets.TOKEN_ENCRYPTION_KEY, 'base64'))).toBe(true);
    expect(JSON.parse(config.clientJwks)).toEqual(JSON.parse(secrets.CLIENT_JWKS));
    expect(config.adminApiToken).toBe('a'.repeat(40));
  });

  it('reads previous token encryption keys and the rotation grace, refusing bad or repeated keys', () => {
    const [one, two] = [randomBytes(32), randomBytes(32)];
    const config = loadConfig(
      {
        ...secrets,
        TOKEN_ENCRYPTION_PREVIOUS_KEYS: ` ${one.toString('base64')}, ${two.toString('base64url')} ,`,
        KEY_ROTATION_GRACE_HOURS: '6',
      },
      { cwd, readFile: noFiles },
    );
    expect(config.tokenEncryptionPreviousKeys.map((k) => k.toString('hex'))).toEqual([
      one.toString('hex'),
      two.toString('hex'),
    ]);
    expect(config.keyRotationGraceHours).toBe(6);
    const short = randomBytes(16).toString('base64');
    expect(
      problemsOf(() =>
        loadConfig(
          { ...secrets, TOKEN_ENCRYPTION_PREVIOUS_KEYS: `${one.toString('base64')},${short}` },
          { cwd, readFile: noFiles },
        ),
      ),
    ).toEqual({ TOKEN_ENCRYPTION_PREVIOUS_KEYS: 'key 2 must decode to exactly 32 bytes (it decodes to 16)' });
    expect(
      problemsOf(() =>
        loadConfig(
          { ...secrets, TOKEN_ENCRYPTION_PREVIOUS_KEYS: secrets.TOKEN_ENCRYPTION_KEY },
          { cwd, readFile: noFiles },
        ),
      ),
    ).toEqual({ TOKEN_ENCRYPTION_PREVIOUS_KEYS: 'must not repeat TOKEN_ENCRYPTION_KEY' });
  });

  it('reads a secret from <KEY>_FILE, trimming the trailing newline', () => {
    const files: Record<string, string> = { '/run/secrets/db': 'postgres://rp:s3cret@db/rp\n' };
    const config = loadConfig(
      { DATABASE_URL_FILE: '/run/secrets/db', ...secrets },
      { cwd, readFile: (path) => files[path] ?? noFiles(path) },
    );
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://rp:s3cret@db/rp' });
  });

  it('supports _FILE for any key, and validates what the file holds', () => {
    const files: Record<string, string> = { '/run/port': '9090\n', '/run/level': 'loud' };
    const read = (path: string) => files[path] ?? noFiles(path);
    expect(loadConfig({ PORT_FILE: '/run/port', ...secrets }, { cwd, readFile: read }).port).toBe(9090);
    expect(
      problemsOf(() => loadConfig({ LOG_LEVEL_FILE: '/run/level', ...secrets }, { cwd, readFile: read })),
    ).toEqual({
      LOG_LEVEL: 'must be one of debug, info, warn, error',
    });
  });

  it('reports an unreadable _FILE and a key given both ways', () => {
    const problems = problemsOf(() =>
      loadConfig(
        { DATABASE_URL_FILE: '/run/secrets/missing', PORT: '1', PORT_FILE: '/run/port', ...secrets },
        { cwd, readFile: noFiles },
      ),
    );
    expect(problems).toEqual({
      DATABASE_URL_FILE: 'cannot read /run/secrets/missing (ENOENT)',
      PORT: 'set either PORT or PORT_FILE, not both',
    });
  });

  it('reads a real file by default', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(resolve(tmpdir(), 'rp-config-'));
    try {
      await writeFile(resolve(dir, 'db-url'), 'postgresql://rp@127.0.0.1/rp\n');
      const config = loadConfig({ DATABASE_URL_FILE: resolve(dir, 'db-url'), ...secrets });
      expect(config.database).toEqual({ kind: 'postgres', url: 'postgresql://rp@127.0.0.1/rp' });
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe('drafting settings', () => {
  it('reads the OpenAI-compatible and llama.cpp providers', () => {
    const config = loadConfig(
      {
        ...secrets,
        DRAFT_PROVIDER: 'openai-compatible',
        DRAFT_MAX_INPUT_CHARS: '50000',
        DRAFT_RECORDING: 'replay',
        DRAFT_RECORDINGS_DIR: '/var/lib/rp/recordings',
        OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1/',
        OPENAI_MODEL: 'llama3.1:8b',
        OPENAI_API_KEY: 'sk-local',
        OPENAI_API_VERSION: '2024-10-21',
        OPENAI_TIMEOUT_MS: '30000',
        OPENAI_MAX_RETRIES: '3',
        LLAMA_MODEL_PATH: 'models/med.gguf',
      },
      { cwd, readFile: noFiles },
    );
    expect(config.drafting).toEqual({
      defaultProvider: 'openai-compatible',
      maxInputChars: 50_000,
      recording: 'replay',
      recordingsDir: '/var/lib/rp/recordings',
      openai: {
        baseUrl: 'http://127.0.0.1:11434/v1',
        model: 'llama3.1:8b',
        apiKey: 'sk-local',
        apiVersion: '2024-10-21',
        timeoutMs: 30_000,
        maxRetries: 3,
      },
      llamaModelPath: resolve(cwd, 'models/med.gguf'),
    });
  });

  it('says what a chosen provider is missing, all at once', () => {
    expect(
      problemsOf(() => loadConfig({ ...secrets, DRAFT_PROVIDER: 'openai-compatible' }, { cwd })),
    ).toEqual({
      OPENAI_BASE_URL: 'is required when DRAFT_PROVIDER is openai-compatible',
    });
    expect(problemsOf(() => loadConfig({ ...secrets, DRAFT_PROVIDER: 'llama-cpp' }, { cwd }))).toEqual({
      LLAMA_MODEL_PATH: 'is required when DRAFT_PROVIDER is llama-cpp',
    });
    expect(
      problemsOf(() => loadConfig({ ...secrets, OPENAI_BASE_URL: 'https://api.openai.com/v1' }, { cwd })),
    ).toEqual({ OPENAI_MODEL: 'is required when the other OpenAI-compatible setting is given' });
    expect(problemsOf(() => loadConfig({ ...secrets, DRAFT_PROVIDER: 'gpt' }, { cwd }))).toHaveProperty(
      'DRAFT_PROVIDER',
    );
  });
});

describe('loadDraftingConfig', () => {
  it('reads the drafting keys alone, without the server secrets', () => {
    expect(loadDraftingConfig({ DRAFT_PROVIDER: 'builtin', DRAFT_MAX_INPUT_CHARS: '2000' }, { cwd })).toEqual(
      {
        defaultProvider: 'builtin',
        maxInputChars: 2000,
        recording: 'off',
        recordingsDir: resolve(cwd, '.data/recordings'),
      },
    );
  });

  it('reports only drafting problems', () => {
    expect(
      problemsOf(() =>
        loadDraftingConfig({ DRAFT_RECORDING: 'sometimes', PORT: 'x' }, { cwd, readFile: noFiles }),
      ),
    ).toEqual({ DRAFT_RECORDING: 'must be one of off, record, replay' });
    expect(problemsOf(() => loadDraftingConfig({ DRAFT_PROVIDER: 'llama-cpp' }, { cwd }))).toEqual({
      LLAMA_MODEL_PATH: 'is required when DRAFT_PROVIDER is llama-cpp',
    });
  });
});

describe('withBoundPort', () => {
  it('names the bound port when PORT=0 and PUBLIC_URL was not given', () => {
    expect(withBoundPort(loadConfig({ PORT: '0', ...secrets }, { cwd }), 41234).publicUrl).toBe(
      'http://127.0.0.1:41234',
    );
  });

  it('leaves an explicit PUBLIC_URL and a fixed port alone', () => {
    const explicit = loadConfig({ PORT: '0', PUBLIC_URL: 'https://rp.example.org', ...secrets }, { cwd });
    expect(withBoundPort(explicit, 41234)).toBe(explicit);
    const fixed = loadConfig({ PORT: '8081', ...secrets }, { cwd });
    expect(withBoundPort(fixed, 8081).publicUrl).toBe('http://127.0.0.1:8081');
  });
});

describe('describeDatabase', () => {
  it('never includes credentials', () => {
    const text = describeDatabase({ kind: 'postgres', url: 'postgres://rp:s3cret@db.internal/rp' });
    expect(text).toBe('postgres (db.internal:5432/rp)');
  });
});
