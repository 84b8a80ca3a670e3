import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/test-db.ts';
import { cipherForKeys } from '../crypto/secret-cipher.ts';
import type { EhrRegistry } from '../registry/ehr-registration.ts';
import { createEhrRegistry } from '../registry/ehr-registry.ts';
import { runEhrCli } from './ehr-cli.ts';

const SECRET = 'cli-secret-from-a-file-0001';
const files: Record<string, string> = { '/run/secrets/cedar': `${SECRET}\n` };

let db: TestDb;
let registry: EhrRegistry;

beforeAll(async () => {
  db = await openTestDb();
  registry = createEhrRegistry(db, cipherForKeys(randomBytes(32)));
});
beforeEach(() => db.query('delete from ehr_registration'));
afterAll(() => db.close());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runEhrCli(argv, {
    registry,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readFile: (path) => {
      const text = files[path];
      return text === undefined
        ? Promise.reject(Object.assign(new Error('nope'), { code: 'ENOENT' }))
        : Promise.resolve(text);
    },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const addEpic = [
  'add',
  '--name',
  'Evergreen Epic',
  '--issuer',
  'https://fhir.evergreen.example/api/FHIR/R4/',
  '--client-id',
  'rp-evergreen',
  '--auth-method',
  'private_key_jwt',
  '--vendor',
  'epic',
  '--frame-origin',
  'https://hyperspace.evergreen.example',
  '--frame-origin',
  'https://web.evergreen.example',
  '--scopes',
  'launch openid fhirUser patient/*.rs',
];

const idOf = (out: string): string => /Added EHR registration ([0-9a-f-]{36})\./.exec(out)?.[1] ?? '';

describe('npm run ehr', () => {
  it('adds a registration and lists it', async () => {
    const added = await cli(...addEpic);
    expect(added).toMatchObject({ code: 0, err: '' });
    const id = idOf(added.out);
    expect(added.out).toContain('issuer:           https://fhir.evergreen.example/api/FHIR/R4');
    expect(added.out).toContain(
      'frame origins:    https://hyperspace.evergreen.example, https://web.evergreen.example',
    );
    expect(added.out).toContain('client secret:    none');

    const listed = await cli('list');
    expect(listed.code).toBe(0);
    expect(listed.out.split('\n')).toEqual([
      expect.stringMatching(/^ID +VENDOR +AUTH +ISSUER +NAME$/),
      expect.stringMatching(
        new RegExp(
          `^${id}  epic    private_key_jwt  https://fhir\\.evergreen\\.example/api/FHIR/R4  Evergreen Epic$`,
        ),
      ),
    ]);
    expect((await cli('show', id)).out).toContain('client id:        rp-evergreen');
  });

  it('says so when there is nothing to list', async () => {
    expect(await cli('list')).toEqual({
      code: 0,
      out: 'No EHR registrations yet. Add one with: npm run ehr -- add --help',
      err: '',
    });
  });

  it('reads the client secret from a file and never prints it', async () => {
    const added = await cli(
      ...addEpic.slice(0, 8),
      'client_secret_basic',
      '--vendor',
      'oracle-health',
      '--frame-origin',
      'https://powerchart.cedar.example',
      '--scopes',
      'launch user/Patient.read',
      '--client-secret-file',
      '/run/secrets/cedar',
    );
    expect(added.code).toBe(0);
    expect(added.out).toContain('client secret:    stored (encrypted)');
    expect(added.out + added.err).not.toContain(SECRET);
    expect(await registry.clientSecret(idOf(added.out))).toBe(SECRET);
  });

  it('updates and removes by id', async () => {
    const id = idOf((await cli(...addEpic)).out);
    const updated = await cli(
      'update',
      id,
      '--name',
      'Evergreen Epic (prod)',
      '--id-token-issuer',
      'https://fhir.evergreen.example/oauth2',
    );
    expect(updated.code).toBe(0);
    expect(updated.out).toContain('name:             Evergreen Epic (prod)');
    expect(updated.out).toContain('id_token issuer:  https://fhir.evergreen.example/oauth2');
    expect((await cli('update', id, '--clear-id-token-issuer')).out).toContain(
      'id_token issuer:  (the FHIR base)',
    );

    expect(await cli('remove', id)).toMatchObject({ code: 0, out: `Removed EHR registration ${id}.` });
    expect(await cli('show', id)).toMatchObject({
      code: 1,
      err: 'error: There is no EHR registration with this id.',
    });
    expect(await cli('remove', id)).toMatchObject({
      code: 1,
      err: 'error: There is no EHR registration with this id.',
    });
  });

  it('refuses invalid values naming the flags, with exit 1', async () => {
    const bad = await cli(
      'add',
      '--name',
      'x',
      '--issuer',
      'http://fhir.example.org',
      '--auth-method',
      'password',
      '--vendor',
      'epic',
      '--frame-origin',
      'https://ehr.example.org/path',
      '--scopes',
      'launch',
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toBe(
      'error: The EHR registration is not valid: ' +
        '--issuer: must use https (plain http only for localhost or 127.0.0.1); ' +
        '--client-id: Invalid input: expected string, received undefined; ' +
        '--auth-method: Invalid option: expected one of "private_key_jwt"|"client_secret_basic"|"none"; ' +
        '--frame-origin.0: must be a bare origin like https://ehr.example.org (no path).',
    );
    expect(await registry.list()).toEqual([]);
  });

  it('refuses a second registration for one issuer, with exit 1', async () => {
    await cli(...addEpic);
    const again = await cli(...addEpic);
    expect(again.code).toBe(1);
    expect(again.err).toBe(
      'error: An EHR registration for https://fhir.evergreen.example/api/FHIR/R4 already exists.',
    );
  });

  it.each([
    [[], 'Give a command: list, show, add, update or remove.'],
    [['frobnicate'], 'Unknown command "frobnicate".'],
    [['list', '--colour'], "Unknown option '--colour'"],
    [['add', '--name'], "Option '--name <value>' argument missing"],
    [['show'], 'show needs exactly one registration id.'],
    [['remove', 'a', 'b'], 'remove needs exactly one registration id.'],
    [['remove', 'a', '--name', 'x'], 'remove takes no options (got --name).'],
    [['update', 'a'], 'update needs at least one field to change.'],
    [
      ['update', 'a', '--id-token-issuer', 'https://x.example', '--clear-id-token-issuer'],
      'Give --id-token-issuer or --clear-id-token-issuer, not both.',
    ],
    [['add', '--clear-id-token-issuer'], '--clear-id-token-issuer is for update only.'],
    [
      ['add', '--client-secret-file', '/run/secrets/missing'],
      'Cannot read --client-secret-file /run/secrets/missing (ENOENT).',
    ],
  ])('answers %j with exit 2 and a clear message', async (argv, message) => {
    const result = await cli(...argv);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain(`error: ${message}`);
    expect(result.err).toContain('Run with --help');
  });

  it('prints its usage for --help', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const word of ['list', 'show <id>', 'add', 'update <id>', 'remove <id>', '--client-secret-file']) {
      expect(help.out).toContain(word);
    }
  });
});
