import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/test-db.ts';
import type { Queryable } from './db.ts';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb({ migrations: [] });
  await db.query('create table item (id int primary key, label text not null)');
});
afterAll(() => db.close());

describe(`Db (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('runs parameterised queries and reports row counts', async () => {
    const inserted = await db.query('insert into item (id, label) values ($1, $2), ($3, $4)', [
      1,
      'a',
      2,
      'b',
    ]);
    expect(inserted.rowCount).toBe(2);
    const { rows } = await db.query<{ id: number; label: string }>(
      'select id, label from item where id = $1',
      [2],
    );
    expect(rows).toEqual([{ id: 2, label: 'b' }]);
    await db.query('delete from item');
  });

  it('returns the last result of a multi-statement string', async () => {
    const { rows } = await db.query<{ n: number }>('select 1 as n; select 2 as n');
    expect(rows).toEqual([{ n: 2 }]);
  });

  // Regression: pg-pool's own query() destroys the connection after any failed statement; on
  // PGlite (one connection) the replacement was refused while the old socket was still open,
  // and the next query failed with "Connection terminated unexpectedly".
  it('stays usable after statements fail', async () => {
    for (let i = 0; i < 3; i++) {
      await expect(db.query('select no_such_column from item')).rejects.toMatchObject({ code: '42703' });
      await expect(db.query('select 1 as ok')).resolves.toMatchObject({ rows: [{ ok: 1 }] });
    }
  });

  it('commits a transaction that resolves', async () => {
    const result = await db.transaction(async (tx) => {
      await tx.query("insert into item (id, label) values (10, 'kept')");
      return 'done';
    });
    expect(result).toBe('done');
    expect((await db.query('select 1 from item where id = 10')).rows).toHaveLength(1);
  });

  it('rolls back a transaction that throws, whatever it throws', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query("insert into item (id, label) values (20, 'gone')");
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await expect(
      db.transaction(async (tx) => {
        await tx.query("insert into item (id, label) values (21, 'gone')");
        await tx.query("insert into item (id, label) values (21, 'duplicate')");
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await db.query('select id from item where id in (20, 21)')).rows).toEqual([]);
    await expect(db.query('select 1 as ok')).resolves.toMatchObject({ rows: [{ ok: 1 }] });
  });

  it('refuses a transaction handle used after the transaction ended', async () => {
    let leaked: Queryable | undefined;
    await db.transaction(async (tx) => {
      leaked = tx;
      await Promise.resolve();
    });
    await expect(leaked!.query('select 1')).rejects.toThrow('transaction already finished');
  });

  it('closes once, however often asked, and refuses queries after', async () => {
    const other = await openTestDb({ migrations: [] });
    await Promise.all([other.close(), other.close()]);
    await expect(other.query('select 1')).rejects.toThrow();
  });
});
