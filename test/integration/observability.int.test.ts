/**
 * Observability over a full run against the sandbox EHR (Epic profile) and an OpenAI-compatible
 * model server: a SMART launch, the context read again under a caller's `traceparent`, a builtin
 * draft of the fixture visit, a model draft, code suggestions, then a `/metrics` scrape.
 * - the caller's trace reaches every FHIR read and the model call as a child `traceparent`, and
 *   the token call carries one too; the audit rows of a request carry its trace id;
 * - `/metrics` exposes the listed series with route patterns and vendor labels;
 * - no log line (debug level) and no metric carries the patient's name, birth date, MRN, phone
 *   or address, any five words in a row of the transcript, or of either drafted note.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientFixtures } from '../../fhir-fixtures/patients/index.ts';
import type { DraftStreamEvent } from '../../server/contract/note-draft.ts';
import { parseTraceparent } from '../../server/observability/trace-context.ts';
import { startCompanionStack, type CompanionStack } from '../support/companion-stack.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { chartLaunchUrl, runLaunch, type LaunchedSession } from '../support/launch-client.ts';

const fixture = patientFixtures.find((f) => f.key === 'cardiology-heart-failure')!;

interface SeenAtEhr {
  readonly method: string;
  readonly path: string;
  readonly traceparent: string | undefined;
}

let stack: CompanionStack;
let model: FakeOpenAiServer;
let session: LaunchedSession;
let sandboxPort: number;
const seenAtEhr: SeenAtEhr[] = [];
const noteSentences: string[] = [];
let metricsText = '';

// Every request the sandbox EHR's HTTP server receives, as it arrives (Node's own channel).
const onServerRequest = (message: unknown): void => {
  const { request, server } = message as { request: IncomingMessage; server: Server };
  if ((server.address() as AddressInfo | null)?.port !== sandboxPort) return;
  const traceparent = request.headers.traceparent;
  seenAtEhr.push({
    method: request.method ?? '',
    path: (request.url ?? '').split('?')[0]!,
    traceparent: typeof traceparent === 'string' ? traceparent : undefined,
  });
};

const trace = (n: number) => ({
  id: `${n}`.repeat(32).slice(0, 32),
  header: `00-${`${n}`.repeat(32).slice(0, 32)}-00f067aa0ba902b7-01`,
});

function call(path: string, traceparent: string, init: RequestInit = {}) {
  return fetch(`${stack.serverUrl}/api/launches/${session.launchId}/${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${session.sessionToken}`,
      'content-type': 'application/json',
      traceparent,
    },
  });
}

async function generate(
  traceparent: string,
  body: object,
): Promise<{ sentences: string[]; version: number }> {
  const res = await call('draft/generate', traceparent, { method: 'POST', body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  const events = (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as DraftStreamEvent);
  const done = events.at(-1);
  if (done?.type !== 'done') throw new Error(`expected done, got ${JSON.stringify(done)}`);
  return {
    sentences: done.draft.note!.sections.flatMap((s) => s.sentences.map((sentence) => sentence.text)),
    version: done.draft.version,
  };
}

beforeAll(async () => {
  model = await startFakeOpenAiServer();
  stack = await startCompanionStack({
    sandbox: { vendor: 'epic' },
    env: { OPENAI_BASE_URL: model.baseUrl, OPENAI_MODEL: 'fake-model', OPENAI_MAX_RETRIES: '0' },
  });
  sandboxPort = Number(new URL(stack.sandbox.url).port);
  subscribe('http.server.request.start', onServerRequest);
  session = await runLaunch(await chartLaunchUrl(stack.sandbox.url, fixture.patientId));
}, 60_000);
afterAll(async () => {
  unsubscribe('http.server.request.start', onServerRequest);
  await stack?.close();
  await model?.close();
});

describe('a full run, traced', () => {
  it("sends a child of the caller's trace to every FHIR read, and records it on the audit rows", async () => {
    // The first read was prefetched under the callback's trace; this one is read now.
    expect((await call('context', trace(5).header)).status).toBe(200);
    const t = trace(1);
    const res = await call('context', t.header);
    expect(res.status).toBe(200);
    await res.json();
    const answered = parseTraceparent(res.headers.get('traceparent') ?? undefined);
    expect(answered?.traceId).toBe(t.id);
    expect(answered?.parentSpanId).not.toBe('00f067aa0ba902b7');

    const reads = seenAtEhr.filter((r) => parseTraceparent(r.traceparent)?.traceId === t.id);
    expect(reads.length).toBeGreaterThanOrEqual(8);
    expect(reads.every((r) => r.method === 'GET' && r.path.startsWith('/fhir/r4/'))).toBe(true);
    // One span per call, each a child of this server's span, never the caller's.
    const spans = reads.map((r) => parseTraceparent(r.traceparent)!.parentSpanId);
    expect(new Set(spans).size).toBe(spans.length);
    expect(spans).not.toContain(answered?.parentSpanId);

    const requestId = res.headers.get('x-request-id');
    const { rows } = await stack.db.query<{ action: string; trace_id: string | null }>(
      'select action, trace_id from audit_event where request_id = $1',
      [requestId],
    );
    expect(rows.filter((r) => r.action === 'fhir.search').length).toBeGreaterThan(3);
    expect(rows.map((r) => r.trace_id)).toEqual(rows.map(() => t.id));
  });

  it('traced the launch too: discovery, the token call and the prefetch carried a traceparent', () => {
    const token = seenAtEhr.filter((r) => r.method === 'POST' && r.path === '/auth/token');
    expect(token.length).toBeGreaterThan(0);
    for (const r of token) expect(parseTraceparent(r.traceparent)).toBeDefined();
    const fhir = seenAtEhr.filter((r) => r.path.startsWith('/fhir/r4/'));
    expect(fhir.every((r) => parseTraceparent(r.traceparent) !== undefined)).toBe(true);
  });

  it('drafts the visit with the builtin provider and with the model, whose call carries the trace', async () => {
    const builtin = await generate(trace(2).header, {
      templateId: 'cardiology-follow-up',
      input: { kind: 'transcript', text: fixture.visit.transcript },
    });
    noteSentences.push(...builtin.sentences);
    expect(noteSentences.length).toBeGreaterThan(5);

    const spoken = fixture.visit.transcript.split('\n')[1]!.replace(/^[A-Z]+:\s*/, '');
    model.enqueue({
      content: JSON.stringify({
        sections: [{ key: 'hpi', sentences: [{ text: spoken, evidence: [{ segment: 'u2', quote: null }] }] }],
      }),
      usage: { prompt_tokens: 1234, completion_tokens: 56 },
    });
    const t = trace(3);
    const modelled = await generate(t.header, {
      templateId: 'soap-progress',
      provider: 'openai-compatible',
      baseVersion: builtin.version,
      input: { kind: 'transcript', text: fixture.visit.transcript },
    });
    noteSentences.push(...modelled.sentences);
    const sent = parseTraceparent(String(model.requests.at(-1)?.headers.traceparent));
    expect(sent?.traceId).toBe(t.id);
  });

  it('suggests codes for the drafted visit', async () => {
    const res = await call('codes/suggest', trace(4).header, { method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
    await res.json();
  });

  it('exposes the listed series at /metrics, by route pattern and vendor', async () => {
    const res = await fetch(`${stack.serverUrl}/metrics`);
    expect(res.status).toBe(200);
    metricsText = await res.text();
    for (const series of [
      'http_requests_total{route="/launch",method="GET",status_class="3xx"}',
      'http_requests_total{route="/callback",method="GET",status_class="2xx"}',
      'http_requests_total{route="/api/launches/:launchId/context",method="GET",status_class="2xx"} 2',
      'http_requests_total{route="/api/launches/:launchId/draft/generate",method="POST",status_class="2xx"} 2',
      'http_requests_total{route="/api/launches/:launchId/codes/suggest",method="POST",status_class="2xx"} 1',
      'http_request_duration_seconds_bucket{le="0.1",route="/api/launches/:launchId/context",method="GET"}',
      'ehr_request_duration_seconds_count{vendor="epic",resource_type="Patient",outcome="ok"}',
      'ehr_request_duration_seconds_count{vendor="epic",resource_type="Condition",outcome="ok"}',
      'ehr_request_duration_seconds_count{vendor="epic",resource_type="oauth",outcome="ok"}',
      'model_request_duration_seconds_count{provider="builtin",outcome="ok"} 1',
      'model_request_duration_seconds_count{provider="openai-compatible",outcome="ok"} 1',
      'model_tokens_total{provider="openai-compatible",kind="prompt"} 1234',
      'model_tokens_total{provider="openai-compatible",kind="completion"} 56',
      '# TYPE writeback_outbox_depth gauge',
      '# TYPE writeback_outbox_oldest_age_seconds gauge',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_p99_seconds',
    ]) {
      expect(metricsText).toContain(series);
    }
    expect(metricsText).not.toContain(session.launchId);
  });
});

/** Lower-case words, so "Gloria's BNP, 1,200" and "gloria s bnp 1 200" compare equal. */
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

function ngrams(text: string, n: number): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

function patientOf(key: string): Patient {
  const f = patientFixtures.find((p) => p.key === key)!;
  const entry = f
    .bundle(new Date().toISOString().slice(0, 10))
    .entry?.find((e) => e.resource?.resourceType === 'Patient');
  return entry!.resource as Patient;
}

/** What identifies a patient in a fixture: names, birth date, identifiers, phone, address lines. */
function identifiersOf(patient: Patient): string[] {
  return [
    ...(patient.name ?? []).flatMap((n) => [
      ...(n.given ?? []),
      n.family ?? '',
      [...(n.given ?? []), n.family].join(' '),
    ]),
    patient.birthDate ?? '',
    ...(patient.identifier ?? []).map((i) => i.value ?? ''),
    ...(patient.telecom ?? []).map((t) => t.value ?? ''),
    ...(patient.address ?? []).flatMap((a) => a.line ?? []),
  ].filter((value) => value.length >= 3);
}

describe('no PHI in logs or metrics', () => {
  const scanned = () => ({ logs: stack.log.text(), metrics: metricsText });

  it('scanned a real run: an access line per request with request, trace and span ids, and a scrape', () => {
    const { logs, metrics } = scanned();
    const access = stack.log.lines.filter((l) => l.msg === 'request');
    expect(access.length).toBeGreaterThanOrEqual(10);
    for (const line of access) {
      expect(typeof line.requestId).toBe('string');
      expect(line.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(line.spanId).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(access.filter((l) => l.traceId === trace(1).id)).toHaveLength(1);
    expect(metrics.length).toBeGreaterThan(1_000);
    expect(logs).not.toContain(session.sessionToken);
  });

  it.each(patientFixtures.map((f) => f.key))('carries nothing that identifies %s', (key) => {
    const { logs, metrics } = scanned();
    for (const value of identifiersOf(patientOf(key))) {
      const pattern = new RegExp(`\\b${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
      expect(pattern.test(logs), `log contains ${value}`).toBe(false);
      expect(pattern.test(metrics), `metrics contain ${value}`).toBe(false);
    }
  });

  it('carries no five words in a row of the transcript or of either drafted note', () => {
    const { logs, metrics } = scanned();
    const logged = new Set([...ngrams(logs, 5), ...ngrams(metrics, 5)]);
    const spoken = ngrams(fixture.visit.transcript.replace(/^[A-Z]+:/gm, ''), 5);
    const noted = ngrams(noteSentences.join('\n'), 5);
    expect(spoken.size).toBeGreaterThan(200);
    expect(noted.size).toBeGreaterThan(20);
    expect([...spoken].filter((g) => logged.has(g))).toEqual([]);
    expect([...noted].filter((g) => logged.has(g))).toEqual([]);
  });
});
