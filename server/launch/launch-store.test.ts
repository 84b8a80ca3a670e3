import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/test-db.ts';
import { cipherForKeys } from '../crypto/secret-cipher.ts';
import { createEhrRegistry } from '../registry/ehr-registry.ts';
import { clientStateStorage } from './client-state-storage.ts';
import { createLaunchStore, sha256 } from './launch-store.ts';

let db: TestDb;
let registrationId: string;
const cipher = cipherForKeys(Buffer.alloc(32, 7));

beforeAll(async () => {
  db = await openTestDb();
  const registration = await createEhrRegistry(db, cipher).create({
    name: 'Store test EHR',
    issuer: 'https://ehr.store-test.example/fhir',
    clientId: 'rp',
    authMethod: 'private_key_jwt',
    vendor: 'generic',
    frameOrigins: ['https://ehr.store-test.example'],
    scopes: 'patient/*.rs',
  });
  registrationId = registration.id;
});
afterAll(() => db.close());

describe('launch store', () => {
  it('claims a launch by its state once, and only after the browser binding is settled', async () => {
    const store = createLaunchStore(db);
    const id = 'AAAAAAAAAAAAAAAAAAAAAA';
    await store.create({
      id,
      registrationId,
      launchType: 'ehr',
      browserBinding: sha256('b'),
      expiresAt: new Date(Date.now() + 60_000),
    });
    await store.setStateHash(id, sha256('state'));
    expect(await store.claimByState(sha256('state'), new Date())).toBeUndefined();
    expect(await store.settleBinding(id, false)).toBe(true);
    expect(await store.settleBinding(id, true)).toBe(false);
    const claimed = await store.claimByState(sha256('state'), new Date());
    expect(claimed?.id).toBe(id);
    expect(claimed?.browserBinding).toBeNull();
    expect(await store.claimByState(sha256('state'), new Date())).toBeUndefined();
  });

  it('purges expired launches with their sealed client state', async () => {
    const store = createLaunchStore(db);
    const id = 'BBBBBBBBBBBBBBBBBBBBBB';
    await store.create({
      id,
      registrationId,
      launchType: 'ehr',
      browserBinding: sha256('b'),
      expiresAt: new Date(Date.now() - 60_000),
    });
    const storage = clientStateStorage(db, cipher, id);
    await storage.set('k', { token: 'secret' });
    expect(await storage.get('k')).toEqual({ token: 'secret' });
    const { rows } = await db.query<{ value_enc: Buffer }>(
      'select value_enc from smart_client_state where launch_id = $1',
      [id],
    );
    expect(Buffer.from(rows[0]!.value_enc).toString('utf8')).not.toContain('secret');
    expect(await store.purgeExpired(new Date())).toBeGreaterThanOrEqual(1);
    expect(await store.get(id)).toBeUndefined();
    expect(await storage.get('k')).toBeUndefined();
  });
});
