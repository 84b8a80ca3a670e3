import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../test/support/test-db.ts';
import { createAuditLog } from '../audit/audit-log.ts';
import { AppError } from '../errors/app-error.ts';
import { createDraftStore } from './draft-store.ts';
import { createDraftingProviders } from './drafting-providers.ts';
import { createDraftingService, type DraftCaller, type DraftingService } from './drafting-service.ts';
import type { DraftingProvider, DraftRequest } from './provider.ts';
import type { ProviderDraft } from './provider-draft-schema.ts';
import { createTemplateStore } from './templates/template-store.ts';

let db: TestDb;
let answer: (request: DraftRequest) => Promise<ProviderDraft>;
const fake: DraftingProvider = {
  name: 'openai-compatible',
  draft: (request, options) => {
    options?.onProgress?.({ text: 'drafting' });
    return answer(request).then((draft) => ({ draft, model: 'fake' }));
  },
};
const builtinStandIn: DraftingProvider = {
  name: 'builtin',
  draft: () => Promise.resolve({ draft: { sections: [] } }),
};
let service: DraftingService;

const caller: DraftCaller = {
  key: { registrationId: 'reg-1', patientId: 'pat-1', encounterId: 'enc-1' },
  actor: 'Practitioner/dr-1',
  requestId: 'req-1',
};
const TRANSCRIPT = `DOCTOR: How is the knee?
PATIENT: My left knee has hurt for five weeks, mostly on stairs.
DOCTOR: We will start ibuprofen 400 milligrams three times a day with food.`;

/** Cites the input as a model should, plus one sentence whose dose the evidence does not hold. */
const goodAnswer = (): Promise<ProviderDraft> =>
  Promise.resolve({
    sections: [
      {
        key: 'hpi',
        sentences: [{ text: 'Left knee pain for 5 weeks, worse on stairs.', evidence: [{ segment: 'u2' }] }],
      },
      {
        key: 'assessment_plan',
        sentences: [
          { text: 'Start ibuprofen 400 mg three times daily with food.', evidence: [{ segment: 'u3' }] },
          { text: 'Start ibuprofen 800 mg.', evidence: [{ segment: 'u3' }] },
        ],
      },
    ],
  });

beforeAll(async () => {
  db = await openTestDb();
  await db.query(
    `insert into ehr_registration (id, name, issuer, client_id, auth_method, vendor, frame_origins, scopes)
     values ('reg-1', 'Sandbox', 'https://ehr.example/fhir', 'rp', 'none', 'generic', '{https://ehr.example}', 'launch')`,
  );
  service = createDraftingService({
    templates: createTemplateStore(db),
    drafts: createDraftStore(db),
    providers: createDraftingProviders('builtin', {
      builtin: { available: true, plain: builtinStandIn },
      'openai-compatible': { available: true, plain: fake },
      'llama-cpp': { available: false, reason: 'No local model is configured.' },
    }),
    audit: createAuditLog(db),
    maxInputChars: 2_000,
  });
});
beforeEach(async () => {
  answer = goodAnswer;
  await db.query('delete from note_draft');
  await db.query('delete from audit_event');
});
afterAll(() => db.close());

const generate = (overrides = {}) =>
  service.generate(caller, {
    templateId: 'soap-progress',
    input: { kind: 'transcript', text: TRANSCRIPT },
    provider: 'openai-compatible',
    ...overrides,
  });

describe('drafting service', () => {
  it('drafts, resolves evidence and flags the sentence its evidence does not support', async () => {
    const progress: string[] = [];
    const record = await service.generate(
      caller,
      {
        templateId: 'soap-progress',
        input: { kind: 'transcript', text: TRANSCRIPT },
        provider: 'openai-compatible',
      },
      { onProgress: (p) => progress.push(p.text) },
    );
    expect(progress).toEqual(['drafting']);
    expect(record.version).toBe(2);
    expect(record.template).toEqual({ id: 'soap-progress', version: 1 });
    const plan = record.note?.sections.find((s) => s.key === 'assessment_plan');
    const [good, bad] = plan?.sentences ?? [];
    expect(good?.flags).toEqual([]);
    expect(good?.evidence[0]).toMatchObject({ kind: 'input', speaker: 'clinician' });
    const evidence = good?.evidence[0];
    if (evidence?.kind === 'input')
      expect(TRANSCRIPT.slice(evidence.start, evidence.end)).toBe(evidence.quote);
    expect(bad?.flags.map((f) => f.code)).toContain('unverified_detail');
    expect(await service.get(caller)).toEqual(record);
  });

  it('keeps the clinician’s input when the provider fails', async () => {
    answer = () =>
      Promise.reject(new AppError('model_timeout', 'The drafting model did not answer in time.'));
    await expect(generate()).rejects.toMatchObject({ code: 'model_timeout' });
    const kept = await service.get(caller);
    expect(kept?.input.text).toBe(TRANSCRIPT);
    expect(kept?.note).toBeNull();
    const { rows } = await db.query<{ action: string; outcome: string; detail: Record<string, unknown> }>(
      `select action, outcome, detail from audit_event where action = 'draft.generate'`,
    );
    expect(rows).toEqual([
      {
        action: 'draft.generate',
        outcome: 'failure',
        detail: { provider: 'openai-compatible', error: 'model_timeout' },
      },
    ]);
  });

  it('refuses input over the limit with both numbers, before anything is stored', async () => {
    const long = 'word '.repeat(500);
    await expect(generate({ input: { kind: 'dictation', text: long } })).rejects.toThrow(
      /2,500 characters; the limit is 2,000/,
    );
    expect(await service.get(caller)).toBeNull();
  });

  it('says there is nothing to document for a near-empty input, without asking the provider', async () => {
    answer = () => Promise.reject(new Error('must not be called'));
    const record = await generate({
      input: { kind: 'transcript', text: 'DOCTOR: Hi.\nPATIENT: Hello. Okay, thank you.' },
    });
    expect(record.note?.nothingToDocument).toBe(true);
    expect(record.note?.sections.flatMap((s) => s.sentences)).toEqual([]);
  });

  it('applies edits, rechecks them, and will not mark ready while a drafted sentence lacks support', async () => {
    const drafted = await generate();
    const plan = drafted.note!.sections.find((s) => s.key === 'assessment_plan')!;
    await expect(
      service.save(caller, { baseVersion: drafted.version, status: 'ready_to_sign' }),
    ).rejects.toThrow(/1 drafted sentence still lacks evidence/);
    const edited = await service.save(caller, {
      baseVersion: drafted.version,
      sections: [
        {
          key: 'assessment_plan',
          sentences: [
            { id: plan.sentences[0]!.id, text: plan.sentences[0]!.text },
            { id: 'new-1', text: 'Return in 2 weeks if no better.' },
          ],
        },
      ],
    });
    const sentences = edited.note!.sections.find((s) => s.key === 'assessment_plan')!.sentences;
    expect(sentences.map((s) => [s.origin, s.flags.map((f) => f.code)])).toEqual([
      ['model', []],
      ['clinician', ['clinician_authored']],
    ]);
    const ready = await service.save(caller, { baseVersion: edited.version, status: 'ready_to_sign' });
    expect(ready.status).toBe('ready_to_sign');
  });

  it('refuses a stale autosave and a draft for an unknown template', async () => {
    const drafted = await generate();
    await service.save(caller, {
      baseVersion: drafted.version,
      input: { kind: 'transcript', text: 'newer' },
    });
    await expect(
      service.save(caller, { baseVersion: drafted.version, input: { kind: 'transcript', text: 'older' } }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(generate({ templateId: 'no-such', baseVersion: drafted.version + 1 })).rejects.toMatchObject(
      {
        code: 'not_found',
      },
    );
  });

  it('autosaves the input before any draft exists, under the default template', async () => {
    const saved = await service.save(caller, {
      baseVersion: 0,
      input: { kind: 'bullets', text: '- knee pain' },
    });
    expect(saved).toMatchObject({ version: 1, template: { id: 'soap-progress' }, note: null });
  });

  it('names an unavailable provider’s reason', async () => {
    await expect(generate({ provider: 'llama-cpp' })).rejects.toMatchObject({
      code: 'model_unavailable',
      message: 'No local model is configured.',
    });
    expect(await service.options()).toMatchObject({
      defaultProvider: 'builtin',
      maxInputChars: 2_000,
      replay: { enabled: false },
      providers: [
        { name: 'builtin', available: true },
        { name: 'openai-compatible', available: true },
        { name: 'llama-cpp', available: false, reason: 'No local model is configured.' },
      ],
    });
  });

  it('lists templates with their sections and audits reads without content', async () => {
    const templates = await service.templates();
    expect(templates.map((t) => t.id)).toContain('cardiology-follow-up');
    expect(Object.keys(templates[0]!.sections[0]!)).toEqual(['key', 'title', 'instruction']);
    await service.get(caller);
    const { rows } = await db.query<{ detail: unknown; patient_ref: string }>(
      `select detail, patient_ref from audit_event where action = 'draft.read'`,
    );
    expect(rows).toEqual([{ detail: { found: false }, patient_ref: 'Patient/pat-1' }]);
  });
});
