/**
 * Re-encrypts stored secrets under the current token encryption key, after TOKEN_ENCRYPTION_KEY
 * changed and the old key moved to TOKEN_ENCRYPTION_PREVIOUS_KEYS. Each sealed column is walked
 * in primary-key order in batches; each batch is one transaction that locks its rows, opens
 * every value with the key ring and seals it again with the current key. Only values not yet
 * under the current key are visited, so an interrupted run simply resumes; a value that cannot
 * be opened is counted and left as it is. Plaintexts never leave this module.
 *
 * @module
 */
import type { Db, Queryable } from '../db/db.ts';
import { columnLabel, SEALED_COLUMNS, type SealedColumn } from './sealed-columns.ts';
import type { SecretCipher } from './secret-cipher.ts';

export interface ReencryptProgress {
  /** `table.column` */
  readonly column: string;
  /** Values under another key when the column's walk started. */
  readonly total: number;
  readonly reencrypted: number;
  /** Values that could not be opened (their key is not in the ring, or they were altered). */
  readonly failed: number;
}

export interface ReencryptOptions {
  readonly db: Db;
  /** The key ring: the current key seals, the previous keys open. */
  readonly cipher: SecretCipher;
  readonly batchSize: number;
  readonly columns?: readonly SealedColumn[];
  /** Called after every committed batch. */
  readonly onBatch?: (progress: ReencryptProgress) => void;
}

/** The key id in a sealed value's header: `version | id length | id | …`. */
const keyIdSql = (column: string) =>
  `case when length(${column}) >= 2 then substring(${column} from 3 for get_byte(${column}, 1)) end`;

const notCurrent = (column: string) => `${column} is not null and ${keyIdSql(column)} is distinct from $1`;

export interface KeyCount {
  readonly column: string;
  readonly keyId: string;
  readonly count: number;
}

/** How many values each key sealed, per column (for `--status`: may a previous key go?). */
export async function countSealedByKey(
  db: Queryable,
  columns: readonly SealedColumn[] = SEALED_COLUMNS,
): Promise<KeyCount[]> {
  const counts: KeyCount[] = [];
  for (const c of columns) {
    const { rows } = await db.query<{ key_id: string | null; n: number | string }>(
      `select encode(${keyIdSql(c.column)}, 'escape') as key_id, count(*) as n
       from ${c.table} where ${c.column} is not null group by 1 order by 1`,
    );
    for (const row of rows) {
      counts.push({ column: columnLabel(c), keyId: row.key_id ?? '(malformed)', count: Number(row.n) });
    }
  }
  return counts;
}

type Row = Record<string, unknown>;

async function reencryptBatch(
  tx: Queryable,
  c: SealedColumn,
  cipher: SecretCipher,
  after: readonly string[] | undefined,
  limit: number,
): Promise<{ rows: number; reencrypted: number; failed: number; last: readonly string[] | undefined }> {
  const current = Buffer.from(cipher.currentKeyId, 'ascii');
  const keyList = c.key.join(', ');
  const params: unknown[] = [current, limit];
  let cursor = '';
  if (after) {
    cursor = `and (${keyList}) > (${c.key.map((_, i) => `$${i + 3}`).join(', ')})`;
    params.push(...after);
  }
  const { rows } = await tx.query<Row>(
    `select ${keyList}, ${c.column} as sealed from ${c.table}
     where ${notCurrent(c.column)} ${cursor} order by ${keyList} limit $2 for update`,
    params,
  );
  let reencrypted = 0;
  let failed = 0;
  const match = c.key.map((k, i) => `${k} = $${i + 2}`).join(' and ');
  for (const row of rows) {
    const key = c.key.map((k) => String(row[k]));
    const sealed = Buffer.from(row.sealed as Uint8Array);
    let resealed: Buffer;
    try {
      const aad = c.aad(key);
      resealed = cipher.encrypt(cipher.decrypt(sealed, aad), aad);
    } catch {
      failed++;
      continue;
    }
    await tx.query(`update ${c.table} set ${c.column} = $1 where ${match}`, [resealed, ...key]);
    reencrypted++;
  }
  const lastRow = rows.at(-1);
  return { rows: rows.length, reencrypted, failed, last: lastRow && c.key.map((k) => String(lastRow[k])) };
}

/** Re-encrypts every sealed value not under the current key; returns one progress per column. */
export async function reencryptSealedValues(options: ReencryptOptions): Promise<ReencryptProgress[]> {
  const { db, cipher } = options;
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1) {
    throw new RangeError('batchSize must be a whole number of at least 1');
  }
  const results: ReencryptProgress[] = [];
  for (const c of options.columns ?? SEALED_COLUMNS) {
    const { rows } = await db.query<{ n: number | string }>(
      `select count(*) as n from ${c.table} where ${notCurrent(c.column)}`,
      [Buffer.from(cipher.currentKeyId, 'ascii')],
    );
    let progress: ReencryptProgress = {
      column: columnLabel(c),
      total: Number(rows[0]?.n ?? 0),
      reencrypted: 0,
      failed: 0,
    };
    let after: readonly string[] | undefined;
    for (;;) {
      const batch = await db.transaction((tx) => reencryptBatch(tx, c, cipher, after, options.batchSize));
      if (batch.rows === 0) break;
      progress = {
        ...progress,
        reencrypted: progress.reencrypted + batch.reencrypted,
        failed: progress.failed + batch.failed,
      };
      options.onBatch?.(progress);
      after = batch.last;
      if (batch.rows < options.batchSize) break;
    }
    results.push(progress);
  }
  return results;
}
