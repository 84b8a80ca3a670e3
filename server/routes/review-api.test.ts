import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diabetesVisitSuggestions } from '../../test/support/sample-code-suggestions.ts';
import { openTestDb, type TestDb } from '../../test/support/test-db.ts';
import { createAuditLog } from '../audit/audit-log.ts';
import { createBillingReviewService } from '../coding/review/billing-review-service.ts';
import { createIcd10cmLookup } from '../coding/review/replacement-codes.ts';
import { createReviewDecisionStore } from '../coding/review/review-decision-store.ts';
import { createReviewQueueStore } from '../coding/review/review-queue-store.ts';
import { createCodeSuggestionStore } from '../coding/store/code-suggestion-store.ts';
import type {
  EncounterDecisions,
  ReviewDecision,
  ReviewEncounterDetail,
  ReviewQueue,
} from '../contract/billing-review.ts';
import { cipherForKeys } from '../crypto/secret-cipher.ts';
import { createDraftStore } from '../drafting/draft-store.ts';
import { createPipeline } from '../http/pipeline.ts';
import { noFrameAncestor } from '../http/security-headers.ts';
import { createLaunchStore, sha256 } from '../launch/launch-store.ts';
import { listen, type HttpListener } from '../lifecycle/http-server.ts';
import { createMemoryLog, type MemoryLog } from '../observability/memory-log.ts';
import { createEhrRegistry } from '../registry/ehr-registry.ts';
import { createUserRoleStore } from '../roles/user-role-store.ts';
import { reviewApiRoutes } from './review-api.ts';

const BILLER = 'ReviewApiBillerLaunch1';
const DOCTOR = 'ReviewApiDoctorLaunch1';
const ELSEWHERE = 'ReviewApiOtherEhrLnch1';
const TOKEN = 'session-token-for-review-api-tests';

let db: TestDb;
let listener: HttpListener;
let memory: MemoryLog;
let base: string;

async function registration(issuer: string): Promise<string> {
  const created = await createEhrRegistry(db, cipherForKeys(Buffer.alloc(32, 5))).create({
    name: issuer,
    issuer,
    clientId: 'rp',
    authMethod: 'private_key_jwt',
    vendor: 'generic',
    frameOrigins: [new URL(issuer).origin],
    scopes: 'launch openid fhirUser patient/*.rs',
  });
  return created.id;
}

beforeAll(async () => {
  db = await openTestDb();
  const here = await registration('https://ehr.review.example/fhir');
  const there = await registration('https://ehr.elsewhere.example/fhir');
  const launches = createLaunchStore(db);
  for (const [id, reg, user] of [
    [BILLER, here, 'https://ehr.review.example/fhir/Practitioner/rp-billing-biller'],
    [DOCTOR, here, 'https://ehr.review.example/fhir/Practitioner/rp-dr-okafor'],
    [ELSEWHERE, there, 'https://ehr.elsewhere.example/fhir/Practitioner/rp-billing-biller'],
  ] as const) {
    await launches.create({
      id,
      registrationId: reg,
      launchType: 'ehr',
      browserBinding: sha256('b'),
      expiresAt: new Date(Date.now() + 60_000),
    });
    await launches.activate(id, {
      sessionTokenHash: sha256(TOKEN),
      sessionCookieHash: null,
      patientId: 'rp-pt-quill',
      encounterId: 'rp-quill-enc-today',
      fhirUser: user,
      grantedScope: 'launch openid fhirUser patient/*.rs',
      needPatientBanner: false,
      smartStyleUrl: null,
      expiresAt: new Date(Date.now() + 600_000),
    });
  }
  const roles = createUserRoleStore(db);
  for (const reg of [here, there])
    await roles.put(
      reg,
      { fhirUser: 'Practitioner/rp-billing-biller', roles: ['billing'], displayName: 'Bea Biller' },
      null,
    );
  // At the other EHR the same id is not billing staff.
  await roles.put(there, { fhirUser: 'Practitioner/rp-billing-biller', roles: ['clinician'] }, null);
  await createCodeSuggestionStore(db).save(
    { registrationId: here, patientId: 'rp-pt-quill', encounterId: 'rp-quill-enc-today' },
    {
      patientName: 'Walter Quill',
      provider: 'Riley Okafor-Testdoc',
      payerType: 'medicare',
      dateOfService: '2026-11-25',
      suggestions: diabetesVisitSuggestions(),
    },
    'Practitioner/rp-dr-okafor',
  );

  const audit = createAuditLog(db);
  const review = createBillingReviewService({
    suggestions: createCodeSuggestionStore(db),
    queue: createReviewQueueStore(db),
    decisions: createReviewDecisionStore(db),
    drafts: createDraftStore(db),
    icd10cm: createIcd10cmLookup(db),
    audit,
  });
  memory = createMemoryLog();
  const app = createPipeline({ log: memory.log, frameAncestors: noFrameAncestor, hsts: false }, (a) =>
    a.use(reviewApiRoutes({ store: launches, roles, audit, review })),
  );
  listener = await listen(0, '127.0.0.1');
  listener.server.on('request', app);
  base = `http://127.0.0.1:${listener.port}/api/launches`;
});
afterAll(async () => {
  await listener?.close(0);
  await db?.close();
});

function call(launch: string, path: string, body?: unknown, token = TOKEN): Promise<Response> {
  return fetch(`${base}/${launch}/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('billing review API', () => {
  it('refuses users without the billing role with 403, and unauthenticated callers with 401', async () => {
    for (const launch of [DOCTOR, ELSEWHERE]) {
      const res = await call(launch, 'review/queue');
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({
        error: 'forbidden',
        message:
          'The billing review queue is for billing staff. Ask your RevenuePilot administrator for the billing role.',
      });
    }
    expect((await call(BILLER, 'review/queue', undefined, 'wrong-token-wrong-token-wrong')).status).toBe(401);
    const denied = await db.query('select 1 from audit_event where action = $1', ['api.role.denied']);
    expect(denied.rows).toHaveLength(2);
  });

  it('lists the queue, opens an encounter, records decisions and shows them to the clinician', async () => {
    const queue = (await (await call(BILLER, 'review/queue?status=pending')).json()) as ReviewQueue;
    expect(queue.items).toHaveLength(1);
    const item = queue.items[0]!;
    expect(item).toMatchObject({ patientName: 'Walter Quill', status: 'pending', codeCount: 8 });

    const detailRes = await call(BILLER, `review/encounters/${item.id}`);
    expect(detailRes.headers.get('cache-control')).toBe('no-store');
    const detail = (await detailRes.json()) as ReviewEncounterDetail;
    expect(detail.suggestions.em.code).toBe('99214');

    const changed = await call(BILLER, `review/encounters/${item.id}/decisions`, {
      code: 'I12.9',
      decision: 'change',
      replacementCode: 'I10',
      reason: 'The note does not tie the blood pressure to the kidney disease.',
    });
    expect(changed.status).toBe(201);
    const saved = (await changed.json()) as ReviewDecision;
    expect(saved).toMatchObject({
      decision: 'change',
      replacementCode: 'I10',
      decidedBy: 'https://ehr.review.example/fhir/Practitioner/rp-billing-biller',
      decidedByName: 'Bea Biller',
    });

    const clinician = (await (await call(DOCTOR, 'codes/decisions')).json()) as EncounterDecisions;
    expect(clinician.decisions).toMatchObject([{ code: 'I12.9', replacementCode: 'I10' }]);
    // Another EHR's launch for the same patient and encounter ids sees nothing of this one.
    const other = (await (await call(ELSEWHERE, 'codes/decisions')).json()) as EncounterDecisions;
    expect(other.decisions).toEqual([]);
    // The reason is served, never logged.
    expect(memory.text()).not.toContain('kidney disease');
  });

  it('answers 400 in words for a bad decision or filter, and 404 for an unknown encounter', async () => {
    const { items } = (await (await call(BILLER, 'review/queue')).json()) as ReviewQueue;
    const id = items[0]!.id;
    const noReason = await call(BILLER, `review/encounters/${id}/decisions`, {
      code: 'E78.5',
      decision: 'reject',
    });
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ message: 'Give a reason for rejecting the code.' });
    const category = await call(BILLER, `review/encounters/${id}/decisions`, {
      code: 'E78.5',
      decision: 'change',
      replacementCode: 'E78',
      reason: 'More specific',
    });
    expect(((await category.json()) as { message: string }).message).toMatch(/^E78 \(.+\) is a category/);
    expect((await call(BILLER, 'review/queue?payerType=cash')).status).toBe(400);
    const unknown = await call(BILLER, 'review/encounters/bm90LW91cnM');
    expect(unknown.status).toBe(404);
  });
});
