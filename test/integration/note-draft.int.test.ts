/**
 * Drafting over HTTP after a real SMART launch against the sandbox EHR: templates and options,
 * the NDJSON generate stream with the builtin provider and the chart as evidence, autosaved edits
 * that survive a relaunch from the same chart, stale saves refused, oversized input refused, and
 * nothing from the transcript in the server log; then the same over an OpenAI-compatible model
 * server (a real local HTTP server speaking the protocol).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientFixtures } from '../../fhir-fixtures/patients/index.ts';
import type {
  DraftingOptions,
  DraftRecord,
  DraftStreamEvent,
  TemplateSummary,
} from '../../server/contract/note-draft.ts';
import { startCompanionStack, type CompanionStack } from '../support/companion-stack.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { chartLaunchUrl, runLaunch, type LaunchedSession } from '../support/launch-client.ts';

const fixture = patientFixtures[0]!;
let stack: CompanionStack;
let session: LaunchedSession;

beforeAll(async () => {
  stack = await startCompanionStack({ env: { DRAFT_MAX_INPUT_CHARS: '20000' } });
  session = await runLaunch(await chartLaunchUrl(stack.sandbox.url, fixture.patientId));
});
afterAll(() => stack?.close());

function call(path: string, init: RequestInit = {}, who: LaunchedSession = session) {
  return fetch(`${stack.serverUrl}/api/launches/${who.launchId}/${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${who.sessionToken}`,
      'content-type': 'application/json',
      ...(init.headers as Record<string, string> | undefined),
    },
  });
}

async function generate(
  body: object,
): Promise<{ status: number; events: DraftStreamEvent[]; type: string | null }> {
  const res = await call('draft/generate', { method: 'POST', body: JSON.stringify(body) });
  const text = await res.text();
  const events =
    res.headers.get('content-type')?.startsWith('application/x-ndjson') === true
      ? text
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as DraftStreamEvent)
      : [];
  return { status: res.status, events, type: res.headers.get('content-type') };
}

describe('note drafting API', () => {
  it('offers the templates and the providers, saying why one is off', async () => {
    const templates = (await (await call('templates')).json()) as TemplateSummary[];
    expect(templates.map((t) => t.id).sort()).toEqual([
      'behavioural-health-follow-up',
      'cardiology-follow-up',
      'diabetes-follow-up',
      'new-patient-hp',
      'orthopaedic-injury',
      'paediatric-well-child',
      'soap-progress',
    ]);
    const options = (await (await call('drafting')).json()) as DraftingOptions;
    expect(options.defaultProvider).toBe('builtin');
    expect(options.maxInputChars).toBe(20_000);
    const openai = options.providers.find((p) => p.name === 'openai-compatible');
    expect(openai?.available).toBe(false);
    expect(openai?.reason).toContain('OPENAI_BASE_URL');
  });

  it('has no draft before the first save', async () => {
    const res = await call('draft');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });

  it('streams a draft whose every sentence has evidence from the transcript or the chart', async () => {
    const { status, events, type } = await generate({
      templateId: 'diabetes-follow-up',
      input: { kind: 'transcript', text: fixture.visit.transcript },
    });
    expect(status).toBe(200);
    expect(type).toMatch(/application\/x-ndjson/);
    const done = events.at(-1);
    expect(done?.type).toBe('done');
    if (done?.type !== 'done') return;
    const note = done.draft.note!;
    const sentences = note.sections.flatMap((s) => s.sentences);
    expect(sentences.length).toBeGreaterThan(10);
    for (const sentence of sentences) {
      expect(sentence.evidence.length, sentence.text).toBeGreaterThan(0);
      for (const e of sentence.evidence) {
        if (e.kind === 'input') expect(fixture.visit.transcript.slice(e.start, e.end)).toBe(e.quote);
      }
    }
    expect(
      sentences.some((s) =>
        s.evidence.some((e) => e.kind === 'fhir' && e.ref.startsWith('MedicationRequest/')),
      ),
    ).toBe(true);
    expect(note.sections.at(-1)?.key).toBe('patient_instructions');
  });

  it('keeps an autosaved edit across a relaunch from the same chart, and refuses a stale save', async () => {
    const current = (await (await call('draft')).json()) as DraftRecord;
    const section = current.note!.sections.find((s) => s.sentences.length > 0)!;
    const first = section.sentences[0]!;
    const saveBody = {
      baseVersion: current.version,
      sections: [
        {
          key: section.key,
          sentences: section.sentences.map((s) => ({
            id: s.id,
            text: s.id === first.id ? `${s.text} Edited.` : s.text,
          })),
        },
      ],
    };
    const saved = await call('draft', { method: 'PUT', body: JSON.stringify(saveBody) });
    expect(saved.status).toBe(200);
    const stale = await call('draft', { method: 'PUT', body: JSON.stringify(saveBody) });
    expect(stale.status).toBe(409);

    const relaunched = await runLaunch(await chartLaunchUrl(stack.sandbox.url, fixture.patientId));
    expect(relaunched.launchId).not.toBe(session.launchId);
    const again = (await (await call('draft', {}, relaunched)).json()) as DraftRecord;
    const kept = again.note!.sections.find((s) => s.key === section.key)!.sentences[0]!;
    expect(kept.text).toBe(`${first.text} Edited.`);
    expect(kept.origin).toBe('clinician');
    expect(again.input.text).toBe(fixture.visit.transcript);
  });

  it('refuses an oversized input with a 413 that gives the limit, and a malformed body with 400', async () => {
    const current = (await (await call('draft')).json()) as DraftRecord;
    const { status } = await generate({
      templateId: 'soap-progress',
      baseVersion: current.version,
      input: { kind: 'dictation', text: 'x'.repeat(20_001) },
    });
    expect(status).toBe(413);
    const bad = await call('draft', { method: 'PUT', body: JSON.stringify({ baseVersion: 'one' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/baseVersion/);
  });

  it('answers only the launch’s own session', async () => {
    const res = await fetch(`${stack.serverUrl}/api/launches/${session.launchId}/draft`);
    expect(res.status).toBe(401);
  });

  it('writes audit rows for draft reads and writes, and no transcript text to the log', async () => {
    const { rows } = await stack.db.query<{ action: string }>(
      `select distinct action from audit_event where action like 'draft.%' order by action`,
    );
    expect(rows.map((r) => r.action)).toEqual(['draft.generate', 'draft.read', 'draft.save']);
    const logged = stack.log.text();
    for (const phrase of ['metformin 1000', 'grandson', 'pill box']) expect(logged).not.toContain(phrase);
  });
});

describe('note drafting API with an OpenAI-compatible model server', () => {
  let modelStack: CompanionStack;
  let model: FakeOpenAiServer;
  let who: LaunchedSession;
  const transcript =
    'DOCTOR: What brings you in today?\nPATIENT: A dry cough for three days, worse at night.';
  const answer = JSON.stringify({
    sections: [
      {
        key: 'hpi',
        sentences: [
          { text: 'Dry cough for 3 days, worse at night.', evidence: [{ segment: 'u2', quote: null }] },
        ],
      },
      {
        key: 'assessment_plan',
        sentences: [{ text: 'Start benzonatate 200 mg.', evidence: [{ segment: 'u2', quote: null }] }],
      },
    ],
  });

  beforeAll(async () => {
    model = await startFakeOpenAiServer();
    modelStack = await startCompanionStack({
      env: { OPENAI_BASE_URL: model.baseUrl, OPENAI_MODEL: 'fake-model', OPENAI_MAX_RETRIES: '0' },
    });
    who = await runLaunch(await chartLaunchUrl(modelStack.sandbox.url, patientFixtures[1]!.patientId));
  });
  afterAll(async () => {
    await modelStack?.close();
    await model?.close();
  });

  const post = (body: object) =>
    fetch(`${modelStack.serverUrl}/api/launches/${who.launchId}/draft/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${who.sessionToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('streams the model’s progress, then a draft whose invented dose is flagged', async () => {
    model.enqueue({ content: answer, chunkSize: 20, chunkDelayMs: 5 });
    const res = await post({
      templateId: 'soap-progress',
      provider: 'openai-compatible',
      input: { kind: 'transcript', text: transcript },
    });
    expect(res.status).toBe(200);
    const events = (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as DraftStreamEvent);
    expect(events.filter((e) => e.type === 'progress').length).toBeGreaterThan(0);
    const done = events.at(-1);
    if (done?.type !== 'done') throw new Error(`expected done, got ${JSON.stringify(done)}`);
    const sentences = done.draft.note!.sections.flatMap((s) => s.sentences);
    expect(sentences.map((s) => [s.text, s.flags.map((f) => f.code)])).toEqual([
      ['Dry cough for 3 days, worse at night.', []],
      ['Start benzonatate 200 mg.', ['unverified_detail', 'unverified_detail']],
    ]);
    expect(done.draft.note?.provider).toBe('openai-compatible');
    // The transcript reached the model only inside the data message, never as the instructions.
    const messages = model.requests.at(-1)?.body?.messages ?? [];
    expect(messages[0]?.role).toBe('system');
    expect(messages[0]?.content).not.toContain('dry cough');
    expect(model.requests.at(-1)?.body?.response_format?.json_schema?.strict).toBe(true);
  });

  it('keeps the input when the model fails, and says so', async () => {
    const current = (await (
      await fetch(`${modelStack.serverUrl}/api/launches/${who.launchId}/draft`, {
        headers: { authorization: `Bearer ${who.sessionToken}` },
      })
    ).json()) as DraftRecord;
    model.enqueue({ kind: 'error', status: 503 });
    const changed = `${transcript}\nDOCTOR: Any fever?`;
    const res = await post({
      templateId: 'soap-progress',
      provider: 'openai-compatible',
      baseVersion: current.version,
      input: { kind: 'transcript', text: changed },
    });
    const body = (await res.text()).trim();
    const failure = (res.headers.get('content-type') ?? '').includes('ndjson')
      ? (JSON.parse(body.split('\n').at(-1)!) as { error: string; message: string })
      : (JSON.parse(body) as { error: string; message: string });
    expect(failure.error).toMatch(/^model_/);
    const kept = (await (
      await fetch(`${modelStack.serverUrl}/api/launches/${who.launchId}/draft`, {
        headers: { authorization: `Bearer ${who.sessionToken}` },
      })
    ).json()) as DraftRecord;
    expect(kept.input.text).toBe(changed);
    expect(modelStack.log.text()).not.toContain('dry cough');
  });
});
