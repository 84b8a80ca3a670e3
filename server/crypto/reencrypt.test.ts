import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/test-db.ts';
import { MIGRATIONS_DIR } from '../db/migration-files.ts';
import { generateClientKeys, loadClientKeys } from '../keys/client-keys.ts';
import { createRotatingKeyStore } from '../keys/rotating-key-store.ts';
import { clientStateStorage } from '../launch/client-state-storage.ts';
import { createLaunchStore, randomToken } from '../launch/launch-store.ts';
import { createEhrRegistry } from '../registry/ehr-registry.ts';
import { countSealedByKey, reencryptSealedValues, type ReencryptProgress } from './reencrypt.ts';
import { SEALED_COLUMNS } from './sealed-columns.ts';
import { cipherForKeys, deriveKeyId, type SecretCipher } from './secret-cipher.ts';

const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const [OLD_ID, NEW_ID] = [deriveKeyId(oldKey), deriveKeyId(newKey)];
const REGISTRATIONS = 9;
const LAUNCHES = 12;
const STATE_KEYS = ['rp:authorize-url', 'SMART_KEY', 'state-value'];

let db: TestDb;
/** What was stored, by where it was stored, to compare after re-encryption. */
const secrets = new Map<string, string>();
const launchState = new Map<string, Record<string, unknown>>();
let signingKids: string[];

async function writeEverything(cipher: SecretCipher): Promise<void> {
  const registry = createEhrRegistry(db, cipher);
  const launches = createLaunchStore(db);
  for (let i = 0; i < REGISTRATIONS; i++) {
    const secret = `client-secret-${i}-${randomToken(8)}`;
    const { id } = await registry.create({
      name: `Site ${i}`,
      issuer: `https://fhir${i}.example.test/r4`,
      clientId: `rp-${i}`,
      authMethod: 'client_secret_basic',
      vendor: 'generic',
      frameOrigins: [`https://ehr${i}.example.test`],
      scopes: 'launch openid fhirUser patient/*.rs',
      clientSecret: secret,
    });
    secrets.set(id, secret);
  }
  const registrationIds = [...secrets.keys()];
  for (let i = 0; i < LAUNCHES; i++) {
    const id = randomToken(16);
    await launches.create({
      id,
      registrationId: registrationIds[i % registrationIds.length]!,
      launchType: 'ehr',
      browserBinding: randomBytes(32),
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const values: Record<string, unknown> = {};
    for (const key of STATE_KEYS) {
      values[key] = { token: randomToken(24), n: i };
      await clientStateStorage(db, cipher, id).set(key, values[key]);
    }
    launchState.set(id, values);
  }
  const keys = createRotatingKeyStore({ db, cipher, graceMs: 0 });
  signingKids = (await keys.seed((await loadClientKeys(await generateClientKeys())).keys)).inserted;
}

const countsBy = async () =>
  Object.fromEntries((await countSealedByKey(db)).map((c) => [`${c.column} ${c.keyId}`, c.count]));

beforeAll(async () => {
  db = await openTestDb();
  await writeEverything(cipherForKeys(oldKey));
});
afterAll(() => db.close());

describe('reencryptSealedValues', () => {
  it('moves every stored secret to the new key in batches, resumes after an interruption, loses nothing', async () => {
    expect(await countsBy()).toEqual({
      [`ehr_registration.client_secret_enc ${OLD_ID}`]: REGISTRATIONS,
      [`smart_client_state.value_enc ${OLD_ID}`]: LAUNCHES * STATE_KEYS.length,
      [`client_signing_key.private_jwk_enc ${OLD_ID}`]: 2,
    });
    const ring = cipherForKeys(newKey, [oldKey]);
    // One value written by the server after the switch is already under the new key.
    const lateLaunch = [...launchState.keys()][0]!;
    launchState.get(lateLaunch)!['state-value'] = { token: 'written-after-the-switch' };
    await clientStateStorage(db, ring, lateLaunch).set('state-value', { token: 'written-after-the-switch' });

    // The first run stops after its second batch of launch state (as a killed process would).
    const seen: ReencryptProgress[] = [];
    const interrupted = reencryptSealedValues({
      db,
      cipher: ring,
      batchSize: 7,
      onBatch: (p) => {
        seen.push(p);
        if (p.column === 'smart_client_state.value_enc' && p.reencrypted >= 14) throw new Error('killed');
      },
    });
    await expect(interrupted).rejects.toThrow('killed');
    expect(seen.map((p) => [p.column, p.total, p.reencrypted])).toEqual([
      ['ehr_registration.client_secret_enc', 9, 7],
      ['ehr_registration.client_secret_enc', 9, 9],
      ['smart_client_state.value_enc', 35, 7],
      ['smart_client_state.value_enc', 35, 14],
    ]);

    const resumed = await reencryptSealedValues({ db, cipher: ring, batchSize: 7 });
    expect(resumed).toEqual([
      { column: 'ehr_registration.client_secret_enc', total: 0, reencrypted: 0, failed: 0 },
      { column: 'smart_client_state.value_enc', total: 21, reencrypted: 21, failed: 0 },
      { column: 'client_signing_key.private_jwk_enc', total: 2, reencrypted: 2, failed: 0 },
    ]);
    expect(await countsBy()).toEqual({
      [`ehr_registration.client_secret_enc ${NEW_ID}`]: REGISTRATIONS,
      [`smart_client_state.value_enc ${NEW_ID}`]: LAUNCHES * STATE_KEYS.length,
      [`client_signing_key.private_jwk_enc ${NEW_ID}`]: 2,
    });

    // The old key can go: with the new key alone, every owner reads back exactly what it wrote.
    const newOnly = cipherForKeys(newKey);
    const registry = createEhrRegistry(db, newOnly);
    for (const [id, secret] of secrets) expect(await registry.clientSecret(id)).toBe(secret);
    for (const [launchId, values] of launchState) {
      for (const key of STATE_KEYS)
        expect(await clientStateStorage(db, newOnly, launchId).get(key)).toEqual(values[key]);
    }
    const keys = createRotatingKeyStore({ db, cipher: newOnly, graceMs: 0 });
    expect([(await keys.signingKey('RS384')).kid, (await keys.signingKey('ES384')).kid]).toEqual(signingKids);

    // A second run has nothing to do.
    expect((await reencryptSealedValues({ db, cipher: ring, batchSize: 7 })).map((p) => p.total)).toEqual([
      0, 0, 0,
    ]);
  });

  it('counts a value no ring key opens as failed and leaves it as it was', async () => {
    const stranger = cipherForKeys(randomBytes(32));
    const launchId = [...launchState.keys()][1]!;
    await clientStateStorage(db, stranger, launchId).set('orphan', { token: 'lost' });
    const before = await db.query<{ value_enc: Uint8Array }>(
      `select value_enc from smart_client_state where key = 'orphan'`,
    );
    const result = await reencryptSealedValues({ db, cipher: cipherForKeys(newKey, [oldKey]), batchSize: 2 });
    expect(result.find((p) => p.column === 'smart_client_state.value_enc')).toEqual({
      column: 'smart_client_state.value_enc',
      total: 1,
      reencrypted: 0,
      failed: 1,
    });
    const after = await db.query<{ value_enc: Uint8Array }>(
      `select value_enc from smart_client_state where key = 'orphan'`,
    );
    expect(Buffer.from(after.rows[0]!.value_enc).equals(Buffer.from(before.rows[0]!.value_enc))).toBe(true);
    await expect(reencryptSealedValues({ db, cipher: cipherForKeys(newKey), batchSize: 0 })).rejects.toThrow(
      'batchSize',
    );
  });
});

describe('SEALED_COLUMNS', () => {
  it('lists every *_enc column the migrations create', async () => {
    const found: string[] = [];
    for (const file of (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort()) {
      const sql = (await readFile(join(MIGRATIONS_DIR, file), 'utf8')).replace(/--.*$/gm, '');
      for (const [, table, body] of sql.matchAll(
        /create table (?:if not exists )?(\w+) \(([\s\S]*?)\n\);/gi,
      )) {
        for (const [, column] of body!.matchAll(/^\s*(\w+_enc)\s+bytea/gim)) found.push(`${table}.${column}`);
      }
      for (const [, table, column] of sql.matchAll(
        /alter table (\w+) add column (?:if not exists )?(\w+_enc)\b/gi,
      )) {
        found.push(`${table}.${column}`);
      }
    }
    expect(found.sort()).toEqual(SEALED_COLUMNS.map((c) => `${c.table}.${c.column}`).sort());
  });
});
