import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { transcript } from '../../../fhir-fixtures/patients/primary-care-diabetes-transcript.ts';
import { diabetesVisitSuggestions } from '../../../test/support/sample-code-suggestions.ts';
import { openTestDb, type TestDb } from '../../../test/support/test-db.ts';
import { createAuditLog } from '../../audit/audit-log.ts';
import type { EncounterCodeSuggestions } from '../../contract/coding.ts';
import type { PayerType } from '../../contract/clinical-context.ts';
import { createDraftStore } from '../../drafting/draft-store.ts';
import { createCodeSuggestionStore, type EncounterKey } from '../store/code-suggestion-store.ts';
import {
  createBillingReviewService,
  type BillingReviewService,
  type ReviewCaller,
} from './billing-review-service.ts';
import { createIcd10cmLookup } from './replacement-codes.ts';
import { createReviewDecisionStore } from './review-decision-store.ts';
import { reviewIdOf } from './review-id.ts';
import { createReviewQueueStore } from './review-queue-store.ts';

let db: TestDb;
let service: BillingReviewService;

const REG = 'reg-review';
const biller: ReviewCaller = {
  registrationId: REG,
  actor: 'http://localhost/fhir/r4/Practitioner/rp-billing-biller',
  actorName: 'Bea Biller',
  requestId: 'req-1',
};
const quill: EncounterKey = {
  registrationId: REG,
  patientId: 'rp-pt-quill',
  encounterId: 'rp-quill-enc-today',
};

async function suggest(
  key: EncounterKey,
  entry: { name: string; provider: string; payer: PayerType; date: string },
  suggestions: EncounterCodeSuggestions = diabetesVisitSuggestions(),
) {
  await createCodeSuggestionStore(db).save(
    key,
    {
      patientName: entry.name,
      provider: entry.provider,
      payerType: entry.payer,
      dateOfService: entry.date,
      suggestions,
    },
    'Practitioner/rp-dr-okafor',
  );
}

async function auditRows(action: string) {
  const { rows } = await db.query<{
    actor: string;
    patient_ref: string | null;
    detail: Record<string, unknown>;
  }>('select actor, patient_ref, detail from audit_event where action = $1 order by id', [action]);
  return rows;
}

beforeAll(async () => {
  db = await openTestDb();
  service = createBillingReviewService({
    suggestions: createCodeSuggestionStore(db),
    queue: createReviewQueueStore(db),
    decisions: createReviewDecisionStore(db),
    drafts: createDraftStore(db),
    icd10cm: createIcd10cmLookup(db),
    audit: createAuditLog(db),
  });
  for (const id of [REG, 'reg-other'])
    await db.query(
      `insert into ehr_registration (id, name, issuer, client_id, auth_method, vendor, frame_origins, scopes)
       values ($1, $1, $2, 'rp', 'none', 'generic', '{https://ehr.example}', 'launch')`,
      [id, `https://${id}.example/fhir`],
    );
});
beforeEach(() =>
  db.query(
    'delete from code_review_decision; delete from code_suggestion; delete from note_draft; delete from audit_event',
  ),
);
afterAll(() => db.close());

describe('the billing queue', () => {
  beforeEach(async () => {
    await suggest(quill, {
      name: 'Walter Quill',
      provider: 'Riley Okafor-Testdoc',
      payer: 'medicare',
      date: '2026-11-25',
    });
    await suggest(
      { registrationId: REG, patientId: 'rp-pt-boateng', encounterId: 'enc-b' },
      { name: 'Ama Boateng', provider: 'Riley Okafor-Testdoc', payer: 'commercial', date: '2026-11-20' },
    );
    await suggest(
      { registrationId: REG, patientId: 'rp-pt-lind', encounterId: '' },
      { name: 'Lena Lind', provider: 'Sam Lindqvist-Testdoc', payer: 'medicare', date: '2026-10-02' },
    );
    await suggest(
      { registrationId: 'reg-other', patientId: 'rp-pt-elsewhere', encounterId: 'x' },
      { name: 'Other Person', provider: 'Dr Elsewhere', payer: 'medicaid', date: '2026-11-25' },
    );
  });

  it('lists only this EHR’s encounters, newest first, with counts and the providers to filter by', async () => {
    const queue = await service.queue(biller, {});
    expect(queue.items.map((i) => i.patientName)).toEqual(['Walter Quill', 'Ama Boateng', 'Lena Lind']);
    expect(queue.items[0]).toMatchObject({
      id: reviewIdOf(quill),
      provider: 'Riley Okafor-Testdoc',
      payerType: 'medicare',
      dateOfService: '2026-11-25',
      status: 'pending',
      codeCount: 8,
      decidedCount: 0,
      emCode: '99214',
    });
    expect(queue.providers).toEqual(['Riley Okafor-Testdoc', 'Sam Lindqvist-Testdoc']);
    expect(queue.truncated).toBe(false);
  });

  it('filters by provider, payer, dates and status', async () => {
    const names = async (filters: Parameters<BillingReviewService['queue']>[1]) =>
      (await service.queue(biller, filters)).items.map((i) => i.patientName);
    expect(await names({ provider: 'Sam Lindqvist-Testdoc' })).toEqual(['Lena Lind']);
    expect(await names({ payerType: 'medicare' })).toEqual(['Walter Quill', 'Lena Lind']);
    expect(await names({ from: '2026-11-01', to: '2026-11-24' })).toEqual(['Ama Boateng']);
    expect(await names({ from: '2026-11-21' })).toEqual(['Walter Quill']);

    const id = reviewIdOf(quill);
    for (const code of ['E11.65', 'E11.22', 'I12.9', 'N18.31', 'E78.5', 'Z79.84', '99214', 'G2211'])
      await service.decide(biller, id, { code, decision: 'accept' });
    expect(await names({ status: 'reviewed' })).toEqual(['Walter Quill']);
    expect(await names({ status: 'pending' })).toEqual(['Ama Boateng', 'Lena Lind']);
  });

  it('audits the read once per patient listed, with ids only', async () => {
    await service.queue(biller, { payerType: 'medicare' });
    const rows = await auditRows('api.review.queue.read');
    expect(rows.map((r) => r.patient_ref)).toEqual(['Patient/rp-pt-quill', 'Patient/rp-pt-lind']);
    expect(rows[0]).toMatchObject({ actor: biller.actor, detail: { encounters: 2, registrationId: REG } });
    expect(JSON.stringify(rows)).not.toContain('Quill');
  });
});

describe('one encounter', () => {
  beforeEach(() =>
    suggest(quill, {
      name: 'Walter Quill',
      provider: 'Riley Okafor-Testdoc',
      payer: 'medicare',
      date: '2026-11-25',
    }),
  );

  it('opens with the note, the suggestions and no decisions, and is audited', async () => {
    await createDraftStore(db).save(
      quill,
      {
        baseVersion: 0,
        template: { id: 'soap-progress', version: 1 },
        input: { kind: 'transcript', text: transcript },
        note: {
          sections: [
            {
              key: 'assessment_plan',
              title: 'ASSESSMENT AND PLAN',
              sentences: [
                {
                  id: 's-1',
                  text: 'Type 2 diabetes with hyperglycemia.',
                  evidence: [],
                  flags: [],
                  origin: 'model',
                },
              ],
            },
          ],
          nothingToDocument: false,
          provider: 'builtin',
          replayed: false,
          generatedAt: '2026-11-25T10:00:00.000Z',
        },
      },
      'Practitioner/rp-dr-okafor',
    );
    const detail = await service.detail(biller, reviewIdOf(quill));
    expect(detail.note).toMatchObject({
      text: 'ASSESSMENT AND PLAN\n\nType 2 diabetes with hyperglycemia.',
      status: 'draft',
      version: 1,
      input: { kind: 'transcript', text: transcript },
    });
    const evidence = detail.suggestions.diagnoses[0]!.evidence[0]!;
    expect(evidence.kind === 'input' && transcript.slice(evidence.start, evidence.end)).toBe(
      'So your diabetes is not controlled right now. This is hyperglycemia',
    );
    expect(detail.decisions).toEqual([]);
    expect(await auditRows('api.review.encounter.read')).toMatchObject([
      {
        patient_ref: 'Patient/rp-pt-quill',
        detail: { encounterId: 'rp-quill-enc-today', decisions: 0, note: true },
      },
    ]);
  });

  it('records every decision with who and when; the newest per code is current', async () => {
    const id = reviewIdOf(quill);
    const first = await service.decide(biller, id, {
      code: 'I12.9',
      decision: 'reject',
      reason: 'Not addressed',
    });
    const changed = await service.decide(biller, id, {
      code: 'I12.9',
      decision: 'change',
      replacementCode: 'i10',
      reason: 'The note does not link the hypertension to the CKD.',
    });
    expect(changed).toMatchObject({
      code: 'I12.9',
      kind: 'diagnosis',
      decision: 'change',
      replacementCode: 'I10',
      decidedBy: biller.actor,
      decidedByName: 'Bea Biller',
    });
    expect(Date.parse(changed.decidedAt)).not.toBeNaN();
    await service.decide(biller, id, { code: 'G2211', decision: 'accept' });

    const detail = await service.detail(biller, id);
    expect(detail.decisions.map((d) => [d.code, d.decision])).toEqual([
      ['I12.9', 'change'],
      ['G2211', 'accept'],
    ]);
    expect(detail.history.map((d) => d.id)).toEqual([expect.any(String), changed.id, first.id]);
    expect(detail.item).toMatchObject({ status: 'pending', decidedCount: 2, codeCount: 8 });
    expect(detail.note).toBeNull();

    const writes = await auditRows('api.review.decision.write');
    expect(writes[1]).toMatchObject({
      patient_ref: 'Patient/rp-pt-quill',
      detail: { code: 'I12.9', decision: 'change', replacementCode: 'I10' },
    });
    expect(JSON.stringify(writes)).not.toContain('CKD');
  });

  it('refuses a code that was not suggested, a bad replacement and another EHR’s encounter', async () => {
    const id = reviewIdOf(quill);
    await expect(service.decide(biller, id, { code: 'J20.9', decision: 'accept' })).rejects.toThrow(
      "J20.9 is not among this encounter's suggested codes.",
    );
    await expect(
      service.decide(biller, id, {
        code: '99214',
        decision: 'change',
        replacementCode: 'E11.65',
        reason: 'x',
      }),
    ).rejects.toThrow('E11.65 is not an office visit E/M code');
    await expect(service.detail({ ...biller, registrationId: 'reg-other' }, id)).rejects.toThrow(
      'This encounter is not in the review queue.',
    );
    await expect(service.detail(biller, 'garbage')).rejects.toMatchObject({ code: 'not_found' });
    expect(await createReviewDecisionStore(db).history(quill)).toEqual([]);
  });

  it('shows the clinician the decisions on their own encounter', async () => {
    const id = reviewIdOf(quill);
    await service.decide(biller, id, {
      code: '99214',
      decision: 'change',
      replacementCode: '99213',
      reason: 'MDM low',
    });
    const seen = await service.encounterDecisions({
      key: quill,
      actor: 'Practitioner/rp-dr-okafor',
      requestId: 'r',
    });
    expect(seen.decisions).toMatchObject([
      { code: '99214', replacementCode: '99213', decidedByName: 'Bea Biller' },
    ]);
    const none = await service.encounterDecisions({
      key: { ...quill, encounterId: 'another-visit' },
      actor: 'Practitioner/rp-dr-okafor',
      requestId: 'r',
    });
    expect(none).toEqual({ decisions: [], history: [] });
    expect((await auditRows('api.codes.decisions.read')).map((r) => r.detail)).toEqual([
      { encounterId: 'rp-quill-enc-today', decisions: 1 },
      { encounterId: 'another-visit', decisions: 0 },
    ]);
  });
});
