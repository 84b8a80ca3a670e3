/**
 * `Db` over a `pg.Pool`, shared by both modes. Queries check a client out and back in
 * explicitly: a statement that fails on the server leaves its connection healthy, so it is
 * returned rather than destroyed (PGlite serves one connection; reconnecting is the risky part).
 *
 * @module
 */
import pg from 'pg';
import type { Db, Queryable, QueryResult } from './db.ts';

export interface PoolDbOptions {
  readonly kind: Db['kind'];
  /** Runs after the pool has ended: stops whatever serves the connections. */
  readonly onClose?: () => Promise<void>;
}

/** True when the error came from the server in reply to a statement: the connection is still usable. */
function isStatementError(err: unknown): boolean {
  return err instanceof pg.DatabaseError;
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

async function run<T extends object>(
  client: pg.PoolClient,
  sql: string,
  params: readonly unknown[] | undefined,
): Promise<QueryResult<T>> {
  const result = await client.query<T>(sql, params === undefined ? undefined : [...params]);
  // A multi-statement string yields one result per statement; callers get the last.
  const last = (Array.isArray(result) ? result.at(-1) : result) as pg.QueryResult<T> | undefined;
  return { rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0 };
}

export function createPoolDb(pool: pg.Pool, options: PoolDbOptions): Db {
  let closing: Promise<void> | undefined;

  const query: Queryable['query'] = async (sql, params) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      return await run(client, sql, params);
    } catch (err) {
      if (!isStatementError(err)) broken = asError(err);
      throw err;
    } finally {
      client.release(broken);
    }
  };

  const transaction: Db['transaction'] = async (fn) => {
    const client = await pool.connect();
    try {
      await client.query('begin');
    } catch (err) {
      client.release(isStatementError(err) ? undefined : asError(err));
      throw err;
    }
    let open = true;
    let broken: Error | undefined;
    const tx: Queryable = {
      query: (sql, params) =>
        open ? run(client, sql, params) : Promise.reject(new Error('transaction already finished')),
    };
    try {
      const result = await fn(tx);
      await client.query('commit');
      return result;
    } catch (err) {
      // After a clean rollback the connection is healthy whatever `fn` threw; after a failed one
      // its state is unknown, so it is destroyed rather than returned to the pool.
      await client.query('rollback').catch((rollbackError: unknown) => {
        broken = asError(rollbackError);
      });
      throw err;
    } finally {
      open = false;
      client.release(broken);
    }
  };

  return {
    kind: options.kind,
    query,
    transaction,
    close: () =>
      (closing ??= (async () => {
        await pool.end();
        await options.onClose?.();
      })()),
  };
}
