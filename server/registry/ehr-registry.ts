/**
 * The EHR registrations in Postgres (`ehr_registration`): lookup by issuer for launches, and the
 * create/update/remove behind the admin API and CLI. Client secrets are sealed with the secret
 * cipher under aad `ehr_registration:<id>`, so a sealed value moved to another row does not open.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { SecretCipher } from '../crypto/secret-cipher.ts';
import type { Db, Queryable } from '../db/db.ts';
import { AppError } from '../errors/app-error.ts';
import {
  parseEhrRegistrationInput,
  parseEhrRegistrationPatch,
  type NewEhrRegistration,
} from './ehr-registration-input.ts';
import type { AuthMethod, EhrRegistration, EhrRegistry, EhrVendor } from './ehr-registration.ts';
import { normaliseIssuer } from './registration-urls.ts';

export type { EhrRegistration, EhrRegistry } from './ehr-registration.ts';

interface Row {
  id: string;
  name: string;
  issuer: string;
  client_id: string;
  auth_method: AuthMethod;
  vendor: EhrVendor;
  frame_origins: string[];
  scopes: string;
  id_token_issuer: string | null;
  has_client_secret: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, name, issuer, client_id, auth_method, vendor, frame_origins, scopes, id_token_issuer,
  client_secret_enc is not null as has_client_secret, created_at, updated_at`;

const UNIQUE_VIOLATION = '23505';

function toRegistration(row: Row): EhrRegistration {
  return Object.freeze({
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.client_id,
    authMethod: row.auth_method,
    vendor: row.vendor,
    frameOrigins: Object.freeze([...row.frame_origins]),
    scopes: row.scopes,
    idTokenIssuer: row.id_token_issuer,
    hasClientSecret: row.has_client_secret,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  });
}

const secretAad = (id: string): string => `ehr_registration:${id}`;

function notFound(): AppError {
  return new AppError('not_found', 'There is no EHR registration with this id.');
}

/** A second registration for one issuer becomes a 409 naming the issuer (not secret). */
async function uniqueIssuer<T>(issuer: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if ((err as { code?: unknown }).code === UNIQUE_VIOLATION) {
      throw new AppError('conflict', `An EHR registration for ${issuer} already exists.`, { cause: err });
    }
    throw err;
  }
}

async function selectOne(q: Queryable, where: string, param: string, lock = ''): Promise<Row | undefined> {
  const { rows } = await q.query<Row>(`select ${COLUMNS} from ehr_registration where ${where} = $1${lock}`, [
    param,
  ]);
  return rows[0];
}

export function createEhrRegistry(db: Db, cipher: SecretCipher): EhrRegistry {
  const seal = (id: string, secret: string | undefined): Buffer | null =>
    secret === undefined ? null : cipher.encrypt(secret, secretAad(id));

  async function findByIssuer(iss: string): Promise<EhrRegistration | undefined> {
    const issuer = normaliseIssuer(iss);
    if (issuer === undefined) return undefined;
    const row = await selectOne(db, 'issuer', issuer);
    return row && toRegistration(row);
  }

  return {
    findByIssuer,

    async get(id) {
      const row = await selectOne(db, 'id', id);
      return row && toRegistration(row);
    },

    async list() {
      const { rows } = await db.query<Row>(
        `select ${COLUMNS} from ehr_registration order by lower(name), issuer`,
      );
      return rows.map(toRegistration);
    },

    async create(input) {
      const r: NewEhrRegistration = parseEhrRegistrationInput(input);
      const id = randomUUID();
      const { rows } = await uniqueIssuer(r.issuer, () =>
        db.query<Row>(
          `insert into ehr_registration
             (id, name, issuer, client_id, auth_method, vendor, frame_origins, scopes, id_token_issuer, client_secret_enc)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           returning ${COLUMNS}`,
          [
            id,
            r.name,
            r.issuer,
            r.clientId,
            r.authMethod,
            r.vendor,
            r.frameOrigins,
            r.scopes,
            r.idTokenIssuer ?? null,
            seal(id, r.clientSecret),
          ],
        ),
      );
      return toRegistration(rows[0] as Row);
    },

    async update(id, patch) {
      const changes = parseEhrRegistrationPatch(patch);
      return db.transaction(async (tx) => {
        const current = await selectOne(tx, 'id', id, ' for update');
        if (!current) throw notFound();
        const authMethod = changes.authMethod ?? current.auth_method;
        const wantsSecret = authMethod === 'client_secret_basic';
        if (!wantsSecret && changes.clientSecret !== undefined) {
          throw new AppError(
            'bad_request',
            'The EHR registration is not valid: clientSecret: is only for authMethod client_secret_basic.',
          );
        }
        if (wantsSecret && changes.clientSecret === undefined && !current.has_client_secret) {
          throw new AppError(
            'bad_request',
            'The EHR registration is not valid: clientSecret: is required when authMethod is client_secret_basic.',
          );
        }
        // A new secret replaces the stored one; leaving client_secret_basic drops it.
        const secret = wantsSecret ? (changes.clientSecret === undefined ? 'keep' : 'set') : 'clear';
        const issuer = changes.issuer ?? current.issuer;
        const { rows } = await uniqueIssuer(issuer, () =>
          tx.query<Row>(
            `update ehr_registration set
               name = $2, issuer = $3, client_id = $4, auth_method = $5, vendor = $6, frame_origins = $7,
               scopes = $8, id_token_issuer = $9,
               client_secret_enc = case $10::text when 'keep' then client_secret_enc else $11::bytea end,
               updated_at = greatest(now(), updated_at + interval '1 millisecond')
             where id = $1
             returning ${COLUMNS}`,
            [
              id,
              changes.name ?? current.name,
              issuer,
              changes.clientId ?? current.client_id,
              authMethod,
              changes.vendor ?? current.vendor,
              changes.frameOrigins ?? current.frame_origins,
              changes.scopes ?? current.scopes,
              changes.idTokenIssuer === undefined ? current.id_token_issuer : changes.idTokenIssuer,
              secret,
              secret === 'set' ? seal(id, changes.clientSecret) : null,
            ],
          ),
        );
        return toRegistration(rows[0] as Row);
      });
    },

    async remove(id) {
      const { rowCount } = await db.query('delete from ehr_registration where id = $1', [id]);
      if (rowCount === 0) throw notFound();
    },

    async clientSecret(id) {
      const { rows } = await db.query<{ client_secret_enc: Buffer | null }>(
        'select client_secret_enc from ehr_registration where id = $1',
        [id],
      );
      const row = rows[0];
      if (!row) throw notFound();
      return row.client_secret_enc === null
        ? undefined
        : cipher.decrypt(row.client_secret_enc, secretAad(id));
    },

    async frameOriginsForIssuer(iss) {
      return (await findByIssuer(iss))?.frameOrigins ?? [];
    },
  };
}
