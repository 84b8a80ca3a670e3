import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/test-db.ts';
import { createUserRoleStore, type UserRoleStore } from './user-role-store.ts';

let db: TestDb;
let store: UserRoleStore;

beforeAll(async () => {
  db = await openTestDb();
  store = createUserRoleStore(db);
  for (const id of ['reg-a', 'reg-b'])
    await db.query(
      `insert into ehr_registration (id, name, issuer, client_id, auth_method, vendor, frame_origins, scopes)
       values ($1, $1, $2, 'rp', 'none', 'generic', '{https://ehr.example}', 'launch')`,
      [id, `https://${id}.example/fhir`],
    );
});
beforeEach(() => db.query('delete from app_user_role'));
afterAll(() => db.close());

describe('user role store', () => {
  it('treats a user without a row, or a launch without a user, as a clinician', async () => {
    expect(await store.userOf('reg-a', 'Practitioner/1')).toEqual({ roles: ['clinician'], displayName: '' });
    expect(await store.userOf('reg-a', null)).toEqual({ roles: ['clinician'], displayName: '' });
  });

  it('finds a user by the absolute fhirUser an id_token carries, per registration', async () => {
    const saved = await store.put(
      'reg-a',
      { fhirUser: 'Practitioner/rp-billing-biller', roles: ['billing'], displayName: 'Bea Biller' },
      'admin-api',
    );
    expect(saved).toMatchObject({
      fhirUser: 'Practitioner/rp-billing-biller',
      roles: ['billing'],
      updatedBy: 'admin-api',
    });
    expect(
      await store.userOf('reg-a', 'http://localhost:8090/fhir/r4/Practitioner/rp-billing-biller'),
    ).toEqual({ roles: ['billing'], displayName: 'Bea Biller' });
    // The same user id at another EHR is another person.
    expect((await store.userOf('reg-b', 'Practitioner/rp-billing-biller')).roles).toEqual(['clinician']);
  });

  it('replaces roles in one order, keeps the name unless a new one is given, and removes', async () => {
    await store.put(
      'reg-a',
      { fhirUser: 'Practitioner/7', roles: ['billing'], displayName: 'Sam Coder' },
      null,
    );
    const changed = await store.put(
      'reg-a',
      { fhirUser: 'Practitioner/7', roles: ['admin', 'billing', 'clinician', 'billing'] },
      null,
    );
    expect(changed.roles).toEqual(['clinician', 'billing', 'admin']);
    expect(changed.displayName).toBe('Sam Coder');
    expect((await store.list('reg-a')).map((u) => u.fhirUser)).toEqual(['Practitioner/7']);
    expect(await store.remove('reg-a', 'https://reg-a.example/fhir/Practitioner/7')).toBe(true);
    expect(await store.remove('reg-a', 'Practitioner/7')).toBe(false);
    expect(await store.list('reg-a')).toEqual([]);
  });

  it('refuses an empty role list or an unknown role in the table itself', async () => {
    await expect(
      db.query(
        `insert into app_user_role (registration_id, fhir_user, roles) values ('reg-a', 'Practitioner/9', '{}')`,
      ),
    ).rejects.toThrow();
    await expect(
      db.query(
        `insert into app_user_role (registration_id, fhir_user, roles) values ('reg-a', 'Practitioner/9', '{superuser}')`,
      ),
    ).rejects.toThrow();
  });
});
