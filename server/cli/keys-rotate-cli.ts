/**
 * `npm run keys:rotate`: rotates our SMART client signing keys (a new key per algorithm,
 * published at once, signing after the grace, the old one retired a grace later: no second
 * step), shows where every key stands (`--status`, never key material), and re-encrypts stored
 * secrets after the token encryption key changed (`--reencrypt`). See docs/ops/key-rotation.md.
 *
 * Exit codes: 0 done, 1 refused or incomplete (a rotation already waits, values left under an
 * unknown key), 2 usage.
 *
 * @module
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { countSealedByKey, reencryptSealedValues } from '../crypto/reencrypt.ts';
import type { SecretCipher } from '../crypto/secret-cipher.ts';
import type { Db } from '../db/db.ts';
import { isAppError } from '../errors/app-error.ts';
import { HOUR_MS } from '../keys/open-key-store.ts';
import type { KeyLifecycleEntry, RotatingKeyStore } from '../keys/rotating-key-store.ts';

export interface KeysRotateCliDeps {
  readonly keys: RotatingKeyStore;
  readonly db: Db;
  /** The token encryption key ring. */
  readonly cipher: SecretCipher;
  /** Ids of TOKEN_ENCRYPTION_PREVIOUS_KEYS, to label counts. */
  readonly previousKeyIds: readonly string[];
  /** KEY_ROTATION_GRACE_HOURS. */
  readonly graceHours: number;
  readonly out: (line: string) => void;
  readonly err?: (line: string) => void;
}

export const KEYS_ROTATE_USAGE = `Usage: npm run keys:rotate [-- options]

  (no options)             Start a signing key rotation: a new RS384 and ES384 key, published in
                           our JWKS now, signing after the grace; the keys they replace stay
                           published for the same time again, then are removed. Every server
                           switches by itself at those times: there is no second step.
  --grace-hours <n>        The grace for this rotation (default KEY_ROTATION_GRACE_HOURS). It must
                           exceed how long EHRs cache our JWKS; 0 only for a compromised key.
  --status                 Signing keys and where each is in its rotation; stored secrets counted
                           by the token encryption key that sealed them.
  --reencrypt              Re-encrypt every stored secret under TOKEN_ENCRYPTION_KEY (after moving
                           the old key to TOKEN_ENCRYPTION_PREVIOUS_KEYS). Batched, resumable.
  --batch-size <n>         Rows per transaction for --reencrypt (default 500).

Reads the server's configuration (DATABASE_URL or PGLITE_DATA_DIR, TOKEN_ENCRYPTION_KEY, …)
from the environment. With embedded PGlite, stop the server first: one process per data directory.`;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  status: { type: 'boolean' },
  reencrypt: { type: 'boolean' },
  'grace-hours': { type: 'string' },
  'batch-size': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const DEFAULT_BATCH_SIZE = 500;

class UsageError extends Error {}

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}`);
  return n;
}

const iso = (d: Date | null): string => (d ? d.toISOString() : '-');

function keyTable(entries: readonly KeyLifecycleEntry[]): string[] {
  const rows = [
    ['status', 'alg', 'kid', 'created', 'signs from', 'published until', 'retired'],
    ...entries.map((e) => [
      e.status,
      e.alg,
      e.kid,
      iso(e.createdAt),
      iso(e.signAfter),
      e.status === 'current' && e.retireAfter === null ? '-' : iso(e.retireAfter),
      iso(e.retiredAt),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => `  ${r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`.trimEnd());
}

async function status(deps: KeysRotateCliDeps): Promise<number> {
  const { out } = deps;
  out('Signing keys (client assertions, private_key_jwt):');
  for (const line of keyTable(await deps.keys.lifecycle())) out(line);
  out('');
  out(`Stored secrets by token encryption key (current ${deps.cipher.currentKeyId}):`);
  const counts = await countSealedByKey(deps.db);
  const label = (id: string) =>
    id === deps.cipher.currentKeyId
      ? 'current'
      : deps.previousKeyIds.includes(id)
        ? 'previous'
        : 'not configured';
  for (const c of counts)
    out(`  ${c.column.padEnd(36)} ${c.keyId.padEnd(16)}  ${label(c.keyId).padEnd(14)}  ${c.count}`);
  const elsewhere = counts
    .filter((c) => c.keyId !== deps.cipher.currentKeyId)
    .reduce((n, c) => n + c.count, 0);
  out(
    elsewhere === 0
      ? 'Every stored secret is under the current key: TOKEN_ENCRYPTION_PREVIOUS_KEYS may be removed.'
      : `${elsewhere} stored secrets are under other keys: run --reencrypt before removing a previous key.`,
  );
  return 0;
}

async function rotate(deps: KeysRotateCliDeps, graceHours: number): Promise<number> {
  const plan = await deps.keys.rotate({ graceMs: graceHours * HOUR_MS });
  deps.out(`New signing keys, published in our JWKS now (grace ${graceHours} h):`);
  for (const k of plan.added) deps.out(`  ${k.alg}  ${k.kid}  signs from ${iso(k.signAfter)}`);
  deps.out('They replace, which sign until then and stay published until:');
  for (const k of plan.replaced) deps.out(`  ${k.alg}  ${k.kid}  ${iso(k.retireAfter)}`);
  deps.out('No further step: every server switches keys at these times. Check with --status.');
  return 0;
}

async function reencrypt(deps: KeysRotateCliDeps, batchSize: number): Promise<number> {
  const results = await reencryptSealedValues({
    db: deps.db,
    cipher: deps.cipher,
    batchSize,
    onBatch: (p) => deps.out(`  ${p.column}: ${p.reencrypted + p.failed} of ${p.total} (${p.failed} failed)`),
  });
  for (const p of results)
    deps.out(`${p.column}: ${p.reencrypted} re-encrypted, ${p.failed} could not be opened`);
  const failed = results.reduce((n, p) => n + p.failed, 0);
  if (failed > 0) {
    (deps.err ?? deps.out)(
      `${failed} stored secrets are sealed by a key that is not configured (or were altered): ` +
        'keep every previous key until they are found or deleted.',
    );
    return 1;
  }
  deps.out('Done: every stored secret is under TOKEN_ENCRYPTION_KEY.');
  return 0;
}

export type KeysRotateCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'rotate'; readonly graceHours: number | undefined }
  | { readonly kind: 'status' }
  | { readonly kind: 'reencrypt'; readonly batchSize: number };

/** Reads the arguments before anything is opened; a mistake is `{ usage: message }`. */
export function parseKeysRotateArgs(argv: readonly string[]): KeysRotateCommand | { readonly usage: string } {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
    if (values.help) return { kind: 'help' };
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
    if (values.status && values.reencrypt) throw new UsageError('choose one of --status and --reencrypt');
    const grace = values['grace-hours'];
    const batch = values['batch-size'];
    if (grace !== undefined && (values.status || values.reencrypt)) {
      throw new UsageError('--grace-hours applies to a rotation only');
    }
    if (batch !== undefined && !values.reencrypt)
      throw new UsageError('--batch-size applies to --reencrypt only');
    if (values.status) return { kind: 'status' };
    if (values.reencrypt) {
      const batchSize =
        batch === undefined ? DEFAULT_BATCH_SIZE : wholeNumber('--batch-size', batch, 1, 100_000);
      return { kind: 'reencrypt', batchSize };
    }
    return {
      kind: 'rotate',
      graceHours: grace === undefined ? undefined : wholeNumber('--grace-hours', grace, 0, 2_160),
    };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (e instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_'))) {
      return { usage: (e as Error).message };
    }
    throw e;
  }
}

/** Runs a parsed command; a rotation refused because one already waits exits 1. */
export async function runKeysRotateCommand(
  command: KeysRotateCommand,
  deps: KeysRotateCliDeps,
): Promise<number> {
  try {
    switch (command.kind) {
      case 'help':
        deps.out(KEYS_ROTATE_USAGE);
        return 0;
      case 'status':
        return await status(deps);
      case 'reencrypt':
        return await reencrypt(deps, command.batchSize);
      case 'rotate':
        return await rotate(deps, command.graceHours ?? deps.graceHours);
    }
  } catch (e) {
    if (isAppError(e) && e.code === 'conflict') {
      (deps.err ?? deps.out)(`refused: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

/** Prints a usage mistake and the usage; exit code 2. */
export function reportUsage(message: string, err: (line: string) => void): number {
  err(`error: ${message}`);
  err(KEYS_ROTATE_USAGE);
  return 2;
}

/** Parses and runs, for callers that already hold the dependencies (tests). */
export async function runKeysRotateCli(argv: readonly string[], deps: KeysRotateCliDeps): Promise<number> {
  const command = parseKeysRotateArgs(argv);
  if ('usage' in command) return reportUsage(command.usage, deps.err ?? deps.out);
  return runKeysRotateCommand(command, deps);
}
