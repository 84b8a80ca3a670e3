/**
 * Every configuration key the server reads, its default and its rule, as one zod schema over
 * the environment's spelling (`PORT`, `DATABASE_URL`, …). `.env.example` documents the same keys.
 *
 * @module
 */
import { z } from 'zod';
import { parseEncryptionKey } from '../crypto/secret-cipher.ts';
import { checkPrivateJwks } from '../keys/private-jwks.ts';
import { LOG_LEVELS } from '../observability/logger.ts';

const integer = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .default(fallback);

const optionalInteger = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .optional();

const booleanFlag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'], 'must be true or false')
    .default(fallback)
    .transform((value) => value === 'true');

const httpUrl = z
  .string()
  .refine((value) => URL.canParse(value), 'must be an absolute URL')
  .transform((value) => new URL(value))
  .refine((url) => url.protocol === 'http:' || url.protocol === 'https:', 'must use http or https')
  .refine((url) => url.search === '' && url.hash === '', 'must not have a query string or fragment')
  .transform((url) => url.href.replace(/\/+$/, ''));

const postgresUrl = z
  .string()
  .refine(
    (value) => URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol),
    'must be a postgres:// or postgresql:// URL',
  );

/** A string that must be given; the message says how to make one. Never echoes the value. */
const requiredSecret = (howTo: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `is required: ${howTo}` : 'must be text') });

const encryptionKey = requiredSecret('base64 of 32 random bytes, e.g. `openssl rand -base64 32`').transform(
  (value, ctx) => {
    try {
      return parseEncryptionKey(value);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
      return z.NEVER;
    }
  },
);

// Earlier token encryption keys, comma-separated: they only open values, while
// `npm run keys:rotate -- --reencrypt` moves stored values to TOKEN_ENCRYPTION_KEY.
const previousEncryptionKeys = z
  .string()
  .optional()
  .transform((value, ctx) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
      .flatMap((item, index) => {
        try {
          return [parseEncryptionKey(item)];
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: `key ${index + 1} ${(err as Error).message}` });
          return [];
        }
      }),
  );

const privateJwks = requiredSecret('our private JWKS, e.g. from `npm run keys:generate`').superRefine(
  (value, ctx) => {
    const { problems } = checkPrivateJwks(value);
    if (problems.length > 0) ctx.addIssue({ code: 'custom', message: problems.join('; ') });
  },
);

export const DRAFT_PROVIDERS = ['builtin', 'openai-compatible', 'llama-cpp'] as const;
export const RECORDING_MODES = ['off', 'record', 'replay'] as const;

const nonEmpty = (fallback: string) => z.string().min(1, 'must not be empty').default(fallback);

// Note drafting: which provider drafts by default, and each provider's settings. The command
// line reads these alone (it needs no secrets of the server's).
export const draftingEnvShape = {
  DRAFT_PROVIDER: z.enum(DRAFT_PROVIDERS, `must be one of ${DRAFT_PROVIDERS.join(', ')}`).default('builtin'),
  DRAFT_MAX_INPUT_CHARS: integer(1_000, 1_000_000, 100_000),
  DRAFT_RECORDING: z.enum(RECORDING_MODES, `must be one of ${RECORDING_MODES.join(', ')}`).default('off'),
  DRAFT_RECORDINGS_DIR: nonEmpty('.data/recordings'),
  OPENAI_BASE_URL: httpUrl.optional(),
  // A secret: no default; best supplied as OPENAI_API_KEY_FILE. Local servers need none.
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_MODEL: z.string().min(1, 'must not be empty').optional(),
  // Azure OpenAI: the api-version query parameter (also switches to the `api-key` header).
  OPENAI_API_VERSION: z.string().min(1).optional(),
  OPENAI_TIMEOUT_MS: integer(1_000, 600_000, 60_000),
  OPENAI_MAX_RETRIES: integer(0, 10, 2),
  LLAMA_MODEL_PATH: z.string().min(1).optional(),
};

// The database, its pool and its backups. The db:* commands read these alone (no server secrets).
export const databaseEnvShape = {
  // A secret: no default, never logged; best supplied as DATABASE_URL_FILE.
  DATABASE_URL: postgresUrl.optional(),
  PGLITE_DATA_DIR: nonEmpty('.data/pglite'),
  DB_POOL_MAX: integer(1, 1_000, 10),
  DB_IDLE_TIMEOUT_MS: integer(0, 3_600_000, 30_000),
  DB_CONNECT_TIMEOUT_MS: integer(100, 600_000, 10_000),
  DB_STATEMENT_TIMEOUT_MS: integer(1, 3_600_000, 15_000),
  // Behind PgBouncer (transaction pooling): no startup parameters, which PgBouncer refuses.
  DB_PGBOUNCER: booleanFlag('false'),
  BACKUP_DIR: nonEmpty('.data/backups'),
  BACKUP_RETENTION: integer(1, 10_000, 14),
  BACKUP_INTERVAL_HOURS: optionalInteger(1, 8_760),
  // A secret: a direct (not pooled) URL for pg_dump when DATABASE_URL goes through PgBouncer.
  BACKUP_DATABASE_URL: postgresUrl.optional(),
};

export const envSchema = z.object({
  PORT: integer(0, 65_535, 8080),
  HOST: nonEmpty('127.0.0.1'),
  PUBLIC_URL: httpUrl.optional(),
  ...databaseEnvShape,
  LOG_LEVEL: z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`).default('info'),
  PLUGIN_DIST_DIR: nonEmpty('dist/plugin'),
  SHUTDOWN_GRACE_MS: integer(0, 600_000, 10_000),
  // Secrets, no defaults: best supplied as <KEY>_FILE.
  TOKEN_ENCRYPTION_KEY: encryptionKey,
  TOKEN_ENCRYPTION_PREVIOUS_KEYS: previousEncryptionKeys,
  CLIENT_JWKS: privateJwks,
  // How long a new signing key is published before it signs, and an old one after it stops.
  KEY_ROTATION_GRACE_HOURS: integer(0, 2_160, 48),
  ADMIN_API_TOKEN: z
    .string()
    .min(32, 'must be at least 32 characters, e.g. `openssl rand -base64 32`')
    .optional(),
  // A secret: the bearer token Prometheus sends to /metrics; unset, only loopback clients may scrape.
  METRICS_TOKEN: z
    .string()
    .min(32, 'must be at least 32 characters, e.g. `openssl rand -base64 32`')
    .optional(),
  ...draftingEnvShape,
});

export type EnvKey = keyof typeof envSchema.shape;
export const ENV_KEYS = Object.keys(envSchema.shape) as EnvKey[];
