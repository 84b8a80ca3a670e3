import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/test-db.ts';
import { cipherForKeys } from '../crypto/secret-cipher.ts';
import type { EhrRegistry } from '../registry/ehr-registration.ts';
import { createEhrRegistry } from '../registry/ehr-registry.ts';
import { createUserRoleStore, type UserRoleStore } from '../roles/user-role-store.ts';
import { runRolesCli } from './roles-cli.ts';

const ISSUER = 'https://fhir.cedar.example/r4';
let db: TestDb;
let registry: EhrRegistry;
let roles: UserRoleStore;
let ehrId: string;

beforeAll(async () => {
  db = await openTestDb();
  registry = createEhrRegistry(db, cipherForKeys(randomBytes(32)));
  roles = createUserRoleStore(db);
  ehrId = (
    await registry.create({
      name: 'Cedar',
      issuer: ISSUER,
      clientId: 'rp',
      authMethod: 'private_key_jwt',
      vendor: 'oracle-health',
      frameOrigins: ['https://powerchart.cedar.example'],
      scopes: 'launch openid fhirUser patient/*.rs',
    })
  ).id;
});
beforeEach(() => db.query('delete from app_user_role'));
afterAll(() => db.close());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runRolesCli(argv, {
    registry,
    roles,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run roles', () => {
  it('gives a user roles by the EHR’s id or issuer, lists and removes them', async () => {
    expect(await cli('list', ehrId)).toEqual({
      code: 0,
      out: 'No users have roles at this EHR: everyone is a clinician.',
      err: '',
    });
    const set = await cli(
      'set',
      ISSUER,
      `${ISSUER}/Practitioner/rp-billing-biller`,
      '--role',
      'billing',
      '--name',
      'Bea Biller',
    );
    expect(set).toEqual({
      code: 0,
      out: `Practitioner/rp-billing-biller at ${ehrId}: billing (Bea Biller).`,
      err: '',
    });
    expect((await roles.userOf(ehrId, 'Practitioner/rp-billing-biller')).roles).toEqual(['billing']);
    await cli('set', ehrId, 'Practitioner/7', '--role', 'admin', '--role', 'clinician');
    expect((await cli('list', ehrId)).out.split('\n')).toEqual([
      'Practitioner/7  clinician,admin',
      'Practitioner/rp-billing-biller  billing  Bea Biller',
    ]);
    expect(await cli('remove', ehrId, 'Practitioner/7')).toMatchObject({
      code: 0,
      out: `Practitioner/7 at ${ehrId} is a clinician again.`,
    });
    expect(await cli('remove', ehrId, 'Practitioner/7')).toMatchObject({
      code: 1,
      err: 'error: Practitioner/7 has no roles at this EHR (they are a clinician).',
    });
  });

  it('refuses bad roles, users and EHRs (1), and mistyped commands (2)', async () => {
    expect(await cli('set', ehrId, 'Practitioner/1')).toMatchObject({
      code: 1,
      err: 'error: The role assignment is not valid: --role: needs at least one role (clinician, billing, admin).',
    });
    expect((await cli('set', ehrId, 'Practitioner/1', '--role', 'root')).err).toContain(
      '--role.0: must each be one of',
    );
    expect((await cli('set', ehrId, 'Observation/1', '--role', 'billing')).code).toBe(1);
    expect(await cli('list', 'no-such-ehr')).toMatchObject({
      code: 1,
      err: 'error: There is no EHR registration "no-such-ehr".',
    });
    expect((await cli('list')).code).toBe(2);
    expect((await cli('list', ehrId, '--role', 'billing')).code).toBe(2);
    expect((await cli('grant', ehrId)).code).toBe(2);
    expect((await cli('--help')).out).toContain('Usage: npm run roles -- <command>');
    expect(await roles.list(ehrId)).toEqual([]);
  });
});
