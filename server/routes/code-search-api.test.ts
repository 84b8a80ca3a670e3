import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/test-db.ts';
import { createCodeSearchService } from '../coding/search/code-search-service.ts';
import type { CodeSearchResult } from '../contract/coding.ts';
import { cipherForKeys } from '../crypto/secret-cipher.ts';
import { createPipeline } from '../http/pipeline.ts';
import { noFrameAncestor } from '../http/security-headers.ts';
import { createLaunchStore, sha256 } from '../launch/launch-store.ts';
import { listen, type HttpListener } from '../lifecycle/http-server.ts';
import { createMemoryLog } from '../observability/memory-log.ts';
import { createEhrRegistry } from '../registry/ehr-registry.ts';
import { codeSearchApiRoutes } from './code-search-api.ts';

const LAUNCH = 'CodeSearchLaunch000001';
const OTHER = 'CodeSearchLaunch000002';
const TOKEN = 'session-token-for-code-search-tests';

let db: TestDb;
let listener: HttpListener;
let base: string;

beforeAll(async () => {
  db = await openTestDb();
  const registration = await createEhrRegistry(db, cipherForKeys(Buffer.alloc(32, 3))).create({
    name: 'Code search EHR',
    issuer: 'https://ehr.code-search.example/fhir',
    clientId: 'rp',
    authMethod: 'private_key_jwt',
    vendor: 'generic',
    frameOrigins: ['https://ehr.code-search.example'],
    scopes: 'launch openid fhirUser patient/*.rs',
  });
  const store = createLaunchStore(db);
  for (const [id, expiresIn] of [
    [LAUNCH, 600_000],
    [OTHER, -1_000],
  ] as const) {
    await store.create({
      id,
      registrationId: registration.id,
      launchType: 'ehr',
      browserBinding: sha256('b'),
      expiresAt: new Date(Date.now() + 60_000),
    });
    await store.activate(id, {
      sessionTokenHash: sha256(TOKEN),
      sessionCookieHash: null,
      patientId: 'p1',
      encounterId: 'e1',
      fhirUser: 'Practitioner/1',
      grantedScope: 'launch patient/*.rs',
      needPatientBanner: false,
      smartStyleUrl: null,
      expiresAt: new Date(Date.now() + expiresIn),
    });
  }
  const memory = createMemoryLog();
  const codes = createCodeSearchService({ db, log: memory.log });
  const app = createPipeline({ log: memory.log, frameAncestors: noFrameAncestor, hsts: false }, (a) =>
    a.use(codeSearchApiRoutes({ store, codes })),
  );
  listener = await listen(0, '127.0.0.1');
  listener.server.on('request', app);
  base = `http://127.0.0.1:${listener.port}/api/launches`;
});
afterAll(async () => {
  await listener?.close(0);
  await db?.close();
});

const search = (query: string, launch = LAUNCH, token: string | null = TOKEN) =>
  fetch(
    `${base}/${launch}/codes/search${query}`,
    token ? { headers: { authorization: `Bearer ${token}` } } : {},
  );

describe('GET /api/launches/:id/codes/search', () => {
  it('answers the hits of the active release, best first, limited', async () => {
    const res = await search('?q=htn&limit=5');
    expect(res.status).toBe(200);
    const body = (await res.json()) as CodeSearchResult;
    expect(body.release).toBe('seed');
    expect(body.hits).toHaveLength(5);
    expect(body.hits[0]).toMatchObject({ code: 'I10', billable: true, matchedBy: 'abbreviation' });
    const byCode = (await (await search('?q=E11.6')).json()) as CodeSearchResult;
    expect(byCode.hits[0]?.code).toBe('E11.6');
    expect(byCode.hits.map((h) => h.code)).toEqual(['E11.6', 'E11.65', 'E11.69', 'E11.64', 'E11.649']);
  });

  it('refuses a missing, empty or overlong query and a bad limit with 400', async () => {
    const cases: [query: string, message: string][] = [
      ['', 'Give the search text as q.'],
      ['?q=%20%20', 'Give the search text as q.'],
      [`?q=${'a'.repeat(101)}`, 'The search text is longer than 100 characters.'],
      ['?q=htn&limit=0', 'limit must be a whole number from 1 to 50.'],
      ['?q=htn&limit=51', 'limit must be a whole number from 1 to 50.'],
      ['?q=htn&limit=two', 'limit must be a whole number from 1 to 50.'],
      ['?q=htn&q=copd', 'Give the search text as q.'],
    ];
    for (const [query, message] of cases) {
      const res = await search(query);
      expect(res.status, query).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'bad_request', message });
    }
    expect((await search(`?q=${'a'.repeat(100)}`)).status).toBe(200);
  });

  it('answers only the browser that holds the launch session', async () => {
    expect((await search('?q=htn', LAUNCH, null)).status).toBe(401);
    expect((await search('?q=htn', LAUNCH, 'not-the-session-token-at-all')).status).toBe(401);
    const expired = await search('?q=htn', OTHER);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: 'session_expired' });
  });
});
