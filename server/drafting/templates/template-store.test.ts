import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/support/test-db.ts';
import { AppError } from '../../errors/app-error.ts';
import { SEED_TEMPLATES } from './seed-templates.ts';
import { createTemplateStore, type TemplateStore } from './template-store.ts';

let db: TestDb;
let store: TemplateStore;

beforeAll(async () => {
  db = await openTestDb();
  store = createTemplateStore(db);
});
afterAll(() => db.close());

describe('template store', () => {
  it('serves exactly the seed templates the migration inserted', async () => {
    const listed = await store.list();
    const bySeedOrder = SEED_TEMPLATES.map((seed) => listed.find((t) => t.id === seed.id));
    expect(bySeedOrder).toEqual(SEED_TEMPLATES);
    expect(listed).toHaveLength(SEED_TEMPLATES.length);
  });

  it('ends every template with plain-language patient instructions', async () => {
    for (const template of await store.list()) {
      expect(template.sections.at(-1)?.role, template.id).toBe('patient_instructions');
      const keys = template.sections.map((s) => s.key);
      expect(new Set(keys).size, `${template.id} has unique section keys`).toBe(keys.length);
    }
  });

  it('lists the newest active version and keeps older versions readable', async () => {
    const v1 = await store.latest('soap-progress');
    await db.query(
      `insert into note_template (id, version, name, specialty, sections) values ('soap-progress', 2, 'SOAP v2', 'general', $1::jsonb)`,
      [JSON.stringify(v1.sections.slice(0, 2))],
    );
    try {
      expect((await store.latest('soap-progress')).version).toBe(2);
      expect((await store.list()).find((t) => t.id === 'soap-progress')?.name).toBe('SOAP v2');
      expect(await store.get('soap-progress', 1)).toEqual(v1);
    } finally {
      await db.query(`delete from note_template where id = 'soap-progress' and version = 2`);
    }
  });

  it('answers not_found for an unknown template or version', async () => {
    await expect(store.latest('no-such')).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.get('soap-progress', 99)).rejects.toBeInstanceOf(AppError);
  });

  it('refuses a row whose sections are malformed rather than serving it', async () => {
    await db.query(
      `insert into note_template (id, version, name, specialty, sections) values ('broken', 1, 'Broken', 'x', '[{"key":"a"}]'::jsonb)`,
    );
    try {
      await expect(store.get('broken', 1)).rejects.toMatchObject({ code: 'internal' });
    } finally {
      await db.query(`delete from note_template where id = 'broken'`);
    }
  });
});
