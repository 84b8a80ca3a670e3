import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/test-db.ts';
import { createSecretCipher, SecretCipherError } from '../crypto/secret-cipher.ts';
import { AppError } from '../errors/app-error.ts';
import type { EhrRegistrationInput } from './ehr-registration-input.ts';
import type { EhrRegistry } from './ehr-registration.ts';
import { createEhrRegistry } from './ehr-registry.ts';

let db: TestDb;
let registry: EhrRegistry;
const cipher = createSecretCipher({ current: { id: 'test', key: randomBytes(32) } });
const SECRET = 'Sekrit-Client-Secret-0042';

beforeAll(async () => {
  db = await openTestDb();
  registry = createEhrRegistry(db, cipher);
});
beforeEach(async () => {
  await db.query('delete from ehr_registration');
});
afterAll(() => db.close());

const epic: EhrRegistrationInput = {
  name: 'Evergreen Epic (sandbox)',
  issuer: 'https://FHIR.Evergreen.example:443/api/FHIR/R4/',
  clientId: 'rp-evergreen',
  authMethod: 'private_key_jwt',
  vendor: 'epic',
  frameOrigins: ['https://hyperspace.evergreen.example', 'https://hyperspace.evergreen.example/'],
  scopes: 'launch openid fhirUser  patient/*.rs user/DocumentReference.c',
};

const basic: EhrRegistrationInput = {
  name: 'Cedar Oracle Health',
  issuer: 'https://fhir.cedar.example/r4/ec2458f2',
  clientId: 'rp-cedar',
  authMethod: 'client_secret_basic',
  vendor: 'oracle-health',
  frameOrigins: ['https://powerchart.cedar.example'],
  scopes: 'launch user/Patient.read',
  clientSecret: SECRET,
};

async function appError(work: Promise<unknown>): Promise<AppError> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as Error).message).not.toContain(SECRET);
  return err as AppError;
}

describe('ehr registry', () => {
  it('creates a registration, normalised, and reads it back by id, issuer and list', async () => {
    const created = await registry.create(epic);
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      name: 'Evergreen Epic (sandbox)',
      issuer: 'https://fhir.evergreen.example/api/FHIR/R4',
      clientId: 'rp-evergreen',
      authMethod: 'private_key_jwt',
      vendor: 'epic',
      frameOrigins: ['https://hyperspace.evergreen.example'],
      scopes: 'launch openid fhirUser patient/*.rs user/DocumentReference.c',
      idTokenIssuer: null,
      hasClientSecret: false,
      createdAt: expect.stringMatching(/Z$/) as unknown,
      updatedAt: created.createdAt,
    });
    expect(await registry.get(created.id)).toEqual(created);
    expect(await registry.list()).toEqual([created]);
    expect(await registry.clientSecret(created.id)).toBeUndefined();
  });

  it('finds by issuer however the launch spells it, and only that issuer', async () => {
    const { id } = await registry.create(epic);
    for (const iss of [
      'https://fhir.evergreen.example/api/FHIR/R4',
      'https://fhir.evergreen.example/api/FHIR/R4/',
      'HTTPS://FHIR.EVERGREEN.EXAMPLE:443/api/FHIR/R4//',
      ' https://fhir.evergreen.example/api/FHIR/R4 ',
    ]) {
      expect((await registry.findByIssuer(iss))?.id, iss).toBe(id);
    }
    for (const iss of [
      'https://fhir.evergreen.example/api/fhir/r4',
      'https://fhir.evergreen.example/api/FHIR',
      'https://fhir.evergreen.example/api/FHIR/R4?x=1',
      'https://fhir.evergreen.example:8443/api/FHIR/R4',
      'http://fhir.evergreen.example/api/FHIR/R4',
      'not a url',
      '',
    ]) {
      expect(await registry.findByIssuer(iss), iss).toBeUndefined();
    }
    expect(await registry.frameOriginsForIssuer('https://fhir.evergreen.example/api/FHIR/R4/')).toEqual([
      'https://hyperspace.evergreen.example',
    ]);
    expect(await registry.frameOriginsForIssuer('https://elsewhere.example/fhir')).toEqual([]);
    expect(await registry.get('00000000-0000-0000-0000-000000000000')).toBeUndefined();
  });

  it('seals the client secret at rest, bound to its row', async () => {
    const created = await registry.create(basic);
    expect(created.hasClientSecret).toBe(true);
    expect(JSON.stringify(created)).not.toContain(SECRET);
    expect(await registry.clientSecret(created.id)).toBe(SECRET);

    const { rows } = await db.query<{ client_secret_enc: Buffer }>(
      'select client_secret_enc from ehr_registration where id = $1',
      [created.id],
    );
    expect(rows[0]!.client_secret_enc.toString('latin1')).not.toContain(SECRET);

    // The same sealed bytes copied onto another registration do not open there.
    const other = await registry.create({
      ...basic,
      issuer: 'https://fhir.birch.example/r4',
      clientSecret: 'x',
    });
    await db.query('update ehr_registration set client_secret_enc = $1 where id = $2', [
      rows[0]!.client_secret_enc,
      other.id,
    ]);
    await expect(registry.clientSecret(other.id)).rejects.toBeInstanceOf(SecretCipherError);
    expect((await appError(registry.clientSecret('no-such-id'))).code).toBe('not_found');
  });

  it('refuses a second registration for the same issuer with a 409 naming it', async () => {
    await registry.create(epic);
    const err = await appError(
      registry.create({ ...epic, name: 'Again', issuer: 'https://fhir.evergreen.example/api/FHIR/R4' }),
    );
    expect(err).toMatchObject({ code: 'conflict', status: 409 });
    expect(err.message).toBe(
      'An EHR registration for https://fhir.evergreen.example/api/FHIR/R4 already exists.',
    );
    expect(await registry.list()).toHaveLength(1);
  });

  it('refuses invalid input with every field problem, never the secret', async () => {
    const err = await appError(
      registry.create({
        ...basic,
        issuer: 'http://fhir.cedar.example/r4',
        frameOrigins: ['https://powerchart.cedar.example/app'],
        scopes: 'launch patient/Observation.sr',
        clientSecret: SECRET,
        authMethod: 'none',
      }),
    );
    expect(err).toMatchObject({ code: 'bad_request', status: 400 });
    expect(err.message).toBe(
      'The EHR registration is not valid: ' +
        'issuer: must use https (plain http only for localhost or 127.0.0.1); ' +
        'frameOrigins.0: must be a bare origin like https://ehr.example.org (no path); ' +
        'scopes: "patient/Observation.sr" is not a SMART scope RevenuePilot can use; ' +
        'clientSecret: is only for authMethod client_secret_basic.',
    );
  });

  it('updates the given fields, keeping the rest and moving updatedAt forward', async () => {
    const created = await registry.create(epic);
    const updated = await registry.update(created.id, {
      name: 'Evergreen Epic (production)',
      frameOrigins: ['https://hyperspace.evergreen.example', 'https://web.evergreen.example:8443'],
      idTokenIssuer: 'https://fhir.evergreen.example/oauth2',
    });
    expect(updated).toEqual({
      ...created,
      name: 'Evergreen Epic (production)',
      frameOrigins: ['https://hyperspace.evergreen.example', 'https://web.evergreen.example:8443'],
      idTokenIssuer: 'https://fhir.evergreen.example/oauth2',
      updatedAt: expect.any(String) as unknown,
    });
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    expect(await registry.get(created.id)).toEqual(updated);
    const again = await registry.update(created.id, { idTokenIssuer: null });
    expect(again.idTokenIssuer).toBeNull();
    expect(again.updatedAt > updated.updatedAt).toBe(true);
  });

  it('keeps, replaces or drops the secret as the auth method requires', async () => {
    const created = await registry.create(basic);
    await registry.update(created.id, { name: 'Renamed' });
    expect(await registry.clientSecret(created.id)).toBe(SECRET);
    await registry.update(created.id, { clientSecret: 'rotated-secret' });
    expect(await registry.clientSecret(created.id)).toBe('rotated-secret');

    const switched = await registry.update(created.id, { authMethod: 'private_key_jwt' });
    expect(switched.hasClientSecret).toBe(false);
    expect(await registry.clientSecret(created.id)).toBeUndefined();

    const needsSecret = await appError(registry.update(created.id, { authMethod: 'client_secret_basic' }));
    expect(needsSecret.code).toBe('bad_request');
    expect(needsSecret.message).toContain('clientSecret: is required when authMethod is client_secret_basic');
    const notWanted = await appError(registry.update(created.id, { clientSecret: SECRET }));
    expect(notWanted.message).toContain('clientSecret: is only for authMethod client_secret_basic');

    const back = await registry.update(created.id, {
      authMethod: 'client_secret_basic',
      clientSecret: SECRET,
    });
    expect(back.hasClientSecret).toBe(true);
    expect(await registry.clientSecret(created.id)).toBe(SECRET);
  });

  it('refuses an update onto another registration issuer, an unknown id and unknown fields', async () => {
    const a = await registry.create(epic);
    const b = await registry.create(basic);
    const clash = await appError(registry.update(b.id, { issuer: `${a.issuer}/` }));
    expect(clash.code).toBe('conflict');
    expect((await registry.get(b.id))?.issuer).toBe(b.issuer);
    expect((await appError(registry.update('no-such-id', { name: 'x' }))).code).toBe('not_found');
    const unknown = await appError(registry.update(a.id, { client_id: 'x' } as never));
    expect(unknown.message).toContain('Unrecognized key');
  });

  it('removes a registration; removing it again is not_found', async () => {
    const created = await registry.create(epic);
    await registry.remove(created.id);
    expect(await registry.get(created.id)).toBeUndefined();
    expect(await registry.findByIssuer(created.issuer)).toBeUndefined();
    expect((await appError(registry.remove(created.id))).code).toBe('not_found');
  });

  it('lists by name', async () => {
    await registry.create({ ...epic, name: 'zeta' });
    await registry.create({ ...basic, name: 'Alpha' });
    expect((await registry.list()).map((r) => r.name)).toEqual(['Alpha', 'zeta']);
  });
});
