/**
 * Code suggestions over HTTP after a real SMART launch against the sandbox EHR: nothing before a
 * draft, then the fixture visit drafted with the builtin provider and coded from the saved draft
 * and the chart read through the EHR (payer from Coverage), stored, served again, audited, with
 * bad options refused and nothing from the transcript in the server log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientFixtures } from '../../fhir-fixtures/patients/index.ts';
import type { EncounterCodeSuggestions } from '../../server/contract/coding.ts';
import { startCompanionStack, type CompanionStack } from '../support/companion-stack.ts';
import { chartLaunchUrl, runLaunch, type LaunchedSession } from '../support/launch-client.ts';

const fixture = patientFixtures.find((f) => f.key === 'cardiology-heart-failure')!;
let stack: CompanionStack;
let session: LaunchedSession;

beforeAll(async () => {
  stack = await startCompanionStack();
  session = await runLaunch(await chartLaunchUrl(stack.sandbox.url, fixture.patientId));
});
afterAll(() => stack?.close());

function call(path: string, init: RequestInit = {}) {
  return fetch(`${stack.serverUrl}/api/launches/${session.launchId}/${path}`, {
    ...init,
    headers: { authorization: `Bearer ${session.sessionToken}`, 'content-type': 'application/json' },
  });
}

describe('codes API', () => {
  it('has nothing to code before the visit is drafted', async () => {
    expect((await call('codes')).status).toBe(404);
    const res = await call('codes/suggest', { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });

  it('codes the saved draft with the chart: gold diagnoses, E/M level, Medicare add-on, HCC flags', async () => {
    const drafted = await call('draft/generate', {
      method: 'POST',
      body: JSON.stringify({
        templateId: 'cardiology-follow-up',
        input: { kind: 'transcript', text: fixture.visit.transcript },
      }),
    });
    expect(drafted.status).toBe(200);
    await drafted.text();

    const res = await call('codes/suggest', { method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
    const codes = (await res.json()) as EncounterCodeSuggestions;
    expect(codes.diagnoses.map((d) => d.code)).toEqual(fixture.visit.gold.diagnoses.map((d) => d.code));
    expect(codes.em.code).toBe(fixture.visit.gold.em.code);
    // The payer is Medicare in the chart's Coverage: G2211 for the continuing heart-failure care.
    expect(codes.em.addOns.map((a) => a.code)).toContain('G2211');
    expect(codes.hcc.map((h) => h.hcc)).toContain('HCC224');
    expect(codes.draftVersion).toBeGreaterThan(0);
    for (const d of codes.diagnoses) {
      expect(d.confidence).toBeGreaterThan(0.5);
      expect(d.evidence.length).toBeGreaterThan(0);
    }

    const again = (await (await call('codes')).json()) as EncounterCodeSuggestions;
    expect(again.createdAt).toBe(codes.createdAt);

    const { rows } = await stack.db.query<{ action: string }>(
      `select action from audit_event where action like 'codes.%' order by occurred_at`,
    );
    expect(rows.map((r) => r.action)).toEqual(['codes.suggest', 'codes.read']);
  });

  it('refuses options it cannot use, saying which', async () => {
    const res = await call('codes/suggest', { method: 'POST', body: JSON.stringify({ minutes: -5 }) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('bad_request');
    expect(body.message).toContain('minutes');
  });

  it('answers 502 in its own words when the EHR cannot give the chart, and keeps the stored codes', async () => {
    const faults = `${stack.sandbox.url}/_sandbox/faults`;
    await fetch(faults, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'http-503', appliesTo: 'reads', remaining: 100 }),
    });
    try {
      const res = await call('codes/suggest', { method: 'POST', body: '{}' });
      expect(res.status).toBe(502);
      expect(await res.json()).toMatchObject({ error: 'ehr_unavailable' });
    } finally {
      await fetch(faults, { method: 'DELETE' });
    }
    expect((await call('codes')).status).toBe(200);
  });

  it('keeps the visit out of the server log', () => {
    const logged = stack.log.text();
    for (const phrase of ['wedding', 'pickles', 'apixaban']) expect(logged).not.toContain(phrase);
  });
});
