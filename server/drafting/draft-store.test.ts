import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/test-db.ts';
import type { NoteDraft } from '../contract/note-draft.ts';
import { createDraftStore, type DraftKey, type DraftStore } from './draft-store.ts';

let db: TestDb;
let store: DraftStore;
const key: DraftKey = { registrationId: 'reg-1', patientId: 'pat-1', encounterId: 'enc-1' };
const soap = { id: 'soap-progress', version: 1 };
const note: NoteDraft = {
  sections: [{ key: 'hpi', title: 'HISTORY OF PRESENT ILLNESS', sentences: [] }],
  nothingToDocument: true,
  provider: 'builtin',
  replayed: false,
  generatedAt: '2026-11-25T10:00:00.000Z',
};

beforeAll(async () => {
  db = await openTestDb();
  store = createDraftStore(db);
  await db.query(
    `insert into ehr_registration (id, name, issuer, client_id, auth_method, vendor, frame_origins, scopes)
     values ('reg-1', 'Sandbox', 'https://ehr.example/fhir', 'rp', 'none', 'generic', '{https://ehr.example}', 'launch')`,
  );
});
beforeEach(() => db.query('delete from note_draft'));
afterAll(() => db.close());

describe('draft store', () => {
  it('has no draft for a new encounter', async () => {
    expect(await store.find(key)).toBeNull();
  });

  it('creates the draft at version 1 and keeps the clinician input', async () => {
    const saved = await store.save(
      key,
      { baseVersion: 0, template: soap, input: { kind: 'dictation', text: 'Patient seen.' } },
      'Practitioner/1',
    );
    expect(saved).toMatchObject({ version: 1, status: 'draft', template: soap, note: null });
    expect(saved.input).toEqual({ kind: 'dictation', text: 'Patient seen.' });
    expect(await store.find(key)).toEqual(saved);
  });

  it('changes only what a save names and bumps the version each time', async () => {
    await store.save(key, { baseVersion: 0, template: soap, input: { kind: 'transcript', text: 'a' } }, null);
    const withNote = await store.save(key, { baseVersion: 1, note }, null);
    expect(withNote).toMatchObject({ version: 2, note, input: { kind: 'transcript', text: 'a' } });
    const ready = await store.save(key, { baseVersion: 2, status: 'ready_to_sign' }, null);
    expect(ready).toMatchObject({ version: 3, status: 'ready_to_sign', note });
  });

  it('refuses a stale save instead of overwriting newer work', async () => {
    await store.save(key, { baseVersion: 0, template: soap }, null);
    await store.save(key, { baseVersion: 1, input: { kind: 'transcript', text: 'newer' } }, null);
    await expect(
      store.save(key, { baseVersion: 1, input: { kind: 'transcript', text: 'older' } }, null),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await store.find(key))?.input.text).toBe('newer');
  });

  it('refuses a second create for the same encounter', async () => {
    await store.save(key, { baseVersion: 0, template: soap }, null);
    await expect(store.save(key, { baseVersion: 0, template: soap }, null)).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('lets exactly one of two concurrent saves on the same version win', async () => {
    await store.save(key, { baseVersion: 0, template: soap }, null);
    const other = createDraftStore(await db.another());
    const results = await Promise.allSettled([
      store.save(key, { baseVersion: 1, input: { kind: 'transcript', text: 'tab one' } }, null),
      other.save(key, { baseVersion: 1, input: { kind: 'transcript', text: 'tab two' } }, null),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await store.find(key))?.version).toBe(2);
  });

  it('needs a template to create a draft', async () => {
    await expect(store.save(key, { baseVersion: 0 }, null)).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('keeps drafts of different encounters apart', async () => {
    await store.save(
      key,
      { baseVersion: 0, template: soap, input: { kind: 'transcript', text: 'one' } },
      null,
    );
    const other = { ...key, encounterId: '' };
    await store.save(
      other,
      { baseVersion: 0, template: soap, input: { kind: 'bullets', text: 'two' } },
      null,
    );
    expect((await store.find(key))?.input.text).toBe('one');
    expect((await store.find(other))?.input.text).toBe('two');
  });
});
