/**
 * The database as the rest of the server sees it: parameterised queries, transactions, close.
 * The same SQL runs on managed PostgreSQL and on embedded PGlite.
 *
 * @module
 */

export interface QueryResult<T> {
  readonly rows: T[];
  /** Rows returned or affected; 0 for statements that report none. */
  readonly rowCount: number;
}

export interface Queryable {
  /**
   * Runs one statement with `$1…$n` parameters. Without parameters a string may hold several
   * statements (the simple protocol); the result is then the last statement's.
   */
  query<T extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<T>>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /**
   * Runs `fn` in one transaction on one connection: committed when it resolves, rolled back when
   * it throws. Use only `tx` inside `fn`: on PGlite the pool has a single connection, so a
   * `db.query` inside the transaction would wait for itself.
   */
  transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R>;
  /** Closes every connection (and the embedded database). Safe to call more than once. */
  close(): Promise<void>;
}
