import { describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/test-db.ts';

describe.runIf(process.env.DATABASE_URL)('openPostgresDb', () => {
  it('sets statement_timeout on every connection', async () => {
    const db = await openTestDb({ migrations: [] });
    try {
      expect(db.kind).toBe('postgres');
      const { rows } = await db.query<{ statement_timeout: string }>('show statement_timeout');
      expect(rows).toEqual([{ statement_timeout: '15s' }]);
      await expect(db.query('select pg_sleep(0.2)', [])).resolves.toBeDefined();
    } finally {
      await db.close();
    }
  });
});
