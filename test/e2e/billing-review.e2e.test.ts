/**
 * The billing review queue in a real browser, inside the sandbox EHR: the clinician drafts the
 * diabetes visit's note and has its codes suggested (through the API, as the plugin does), IT
 * gives the sandbox's billing specialist the billing role (admin API), and she signs in to the
 * EHR, opens a chart, and works the queue in RevenuePilot: opens the encounter, inspects a code's
 * evidence (the quote and its span in the transcript), changes one code through the code search
 * with a reason, accepts the rest. The decisions are stored with her and the time, and the
 * clinician's launch sees them.
 */
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { primaryCareDiabetes as visit } from '../../fhir-fixtures/patients/primary-care-diabetes.ts';
import { BILLING_SPECIALIST } from '../../fhir-fixtures/sandbox/ehr/ehr-staff.ts';
import type { EncounterDecisions } from '../../server/contract/billing-review.ts';
import type { EncounterCodeSuggestions } from '../../server/contract/coding.ts';
import type { DraftStreamEvent } from '../../server/contract/note-draft.ts';
import { runLaunch, type LaunchedSession } from '../support/launch-client.ts';
import { launchBrowser } from './support/browser.ts';
import { startStack, type RunningStack } from './support/stack.ts';

let stack: RunningStack;
let browser: Browser;
let context: BrowserContext;
let clinician: LaunchedSession;
let suggested: EncounterCodeSuggestions;

/** The launch URL the visit's chart frames (a fresh `launch` bound to the visit and its clinician). */
async function visitLaunchUrl(): Promise<string> {
  const page = await (
    await fetch(`${stack.sandbox.url}/ehr/chart/${visit.patientId}?encounter=${visit.encounterId}`)
  ).text();
  const src = /<iframe[^>]*src="([^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, '&');
  if (!src) throw new Error('the chart has no app frame');
  return src;
}

function api(who: LaunchedSession, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${stack.serverUrl}/api/launches/${who.launchId}/${path}`, {
    ...init,
    headers: { authorization: `Bearer ${who.sessionToken}`, 'content-type': 'application/json' },
  });
}

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();

  // The clinician drafts the note from the visit transcript, then asks for codes.
  clinician = await runLaunch(await visitLaunchUrl());
  const generated = await api(clinician, 'draft/generate', {
    method: 'POST',
    body: JSON.stringify({
      templateId: 'diabetes-follow-up',
      input: { kind: 'transcript', text: visit.visit.transcript },
    }),
  });
  const events = (await generated.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as DraftStreamEvent);
  expect(events.at(-1)?.type).toBe('done');
  const suggest = await api(clinician, 'codes/suggest', { method: 'POST', body: '{}' });
  expect(suggest.status).toBe(200);
  suggested = (await suggest.json()) as EncounterCodeSuggestions;

  // Health-system IT gives the billing specialist the billing role at this EHR.
  const { registrations } = (await (await stack.admin('/ehr-registrations')).json()) as {
    registrations: { id: string; issuer: string }[];
  };
  const registration = registrations.find((r) => r.issuer === stack.sandbox.fhirBaseUrl)!;
  const granted = await stack.admin(`/ehr-registrations/${registration.id}/user-roles`, {
    method: 'PUT',
    body: JSON.stringify({
      fhirUser: `Practitioner/${BILLING_SPECIALIST.id}`,
      roles: ['billing'],
      displayName: 'Bea Biller-Testcoder',
    }),
  });
  expect(granted.status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});
afterEach(async () => {
  await context?.close();
});

const app = (p: Page): FrameLocator => p.frameLocator('[data-testid="app-frame"]');

describe('the billing review queue', () => {
  it('a billing user opens the queue, inspects a code’s evidence, changes one code and accepts the rest', async () => {
    const codes = [
      ...suggested.diagnoses.map((d) => d.code),
      suggested.em.code,
      ...suggested.em.addOns.map((a) => a.code),
      ...suggested.services.map((s) => s.code),
    ];
    // The visit's hypertension is coded with its CKD (I12.9); billing will change it to I10.
    expect(codes).toContain('I12.9');
    const evidenced = suggested.diagnoses.find(
      (d) => d.code !== 'I12.9' && d.evidence.some((e) => e.kind === 'input'),
    )!;
    const quote = evidenced.evidence.find((e) => e.kind === 'input')!;

    context = await browser.newContext();
    const p = await context.newPage();
    await p.setViewportSize({ width: 1400, height: 1000 });

    // She signs in to the EHR and opens a chart; RevenuePilot opens on her work queue.
    await p.goto(`${stack.sandbox.url}/ehr/sign-in`);
    await p.getByLabel('User').selectOption(BILLING_SPECIALIST.id);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.locator(`table a[href*="/ehr/chart/${visit.patientId}"]`).first().click();
    const frame = app(p);
    const tab = frame.getByRole('tab', { name: /Review queue/ });
    await tab.waitFor({ timeout: 15_000 });
    expect(await frame.getByRole('tab').count()).toBe(1);
    const row = frame.getByTestId('review-queue').getByRole('row', { name: /Quill/ });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain(`Pending (0 of ${codes.length} decided)`);
    expect(await row.textContent()).toContain('Medicare');

    // Open the encounter: the note beside the codes.
    await row.getByRole('button').click();
    await frame.getByTestId('review-encounter').waitFor();
    expect(await frame.getByTestId('review-note-text').textContent()).toContain('ASSESSMENT');
    expect(await frame.getByTestId('review-mdm-grid').textContent()).toContain('Problems');

    // Inspect a code's evidence: its quote, and the span marked in the transcript.
    const item = frame.locator(`[data-item-id="rp-review-${evidenced.code.replace(/\W/g, '')}"]`);
    await item.getByRole('button', { name: new RegExp(evidenced.code.replace('.', '\\.')) }).click();
    const evidence = item.getByTestId('code-evidence');
    await evidence.waitFor();
    expect(await evidence.getByTestId('code-evidence-quote').first().textContent()).toContain(quote.quote);
    expect(await evidence.getByTestId('code-evidence-text').locator('mark').first().isVisible()).toBe(true);
    expect(await evidence.getByTestId('code-evidence-text').locator('mark').first().textContent()).toBe(
      quote.quote,
    );
    await p.screenshot({ path: 'test/e2e/out/billing-review-evidence.png' });

    // Change I12.9 to I10 by keyboard through the ICD-10-CM search, with a reason.
    const hypertension = frame.locator('[data-item-id="rp-review-I129"]');
    await hypertension.getByRole('button', { name: 'Change…' }).click();
    const search = hypertension.getByRole('combobox', { name: 'Diagnosis to report instead of I12.9' });
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.fill('I10');
    await hypertension.getByRole('option', { name: /^I10\b/ }).waitFor();
    await search.press('ArrowDown');
    await search.press('Enter');
    expect(await hypertension.getByTestId('replacement-chosen').textContent()).toBe(
      'Will report I10 instead.',
    );
    const reason = 'The note does not link the blood pressure to the kidney disease.';
    await hypertension.getByLabel(/Reason/).fill(reason);
    await hypertension.getByRole('button', { name: 'Save change' }).click();
    await expect
      .poll(() => hypertension.getByTestId('code-decision').textContent())
      .toContain('Changed to I10');

    // Accept the rest.
    await frame.getByRole('button', { name: `Accept the remaining ${codes.length - 1}` }).click();
    await expect
      .poll(() => frame.getByTestId('review-encounter-facts').textContent(), { timeout: 15_000 })
      .toContain(`${codes.length} of ${codes.length} codes decided · Reviewed`);
    await p.screenshot({ path: 'test/e2e/out/billing-review-decided.png' });

    // Back in the queue the encounter has left the pending list.
    await frame.getByRole('button', { name: /Back to the queue/ }).click();
    await frame.getByTestId('review-queue-empty').waitFor();
    await frame.getByLabel('Status').selectOption('reviewed');
    await frame.getByTestId('review-queue').getByRole('row', { name: /Quill/ }).waitFor();

    // Stored with who and when, and visible to the clinician on their own launch.
    const seen = (await (await api(clinician, 'codes/decisions')).json()) as EncounterDecisions;
    expect(seen.decisions.map((d) => d.code).sort()).toEqual([...codes].sort());
    const changed = seen.decisions.find((d) => d.code === 'I12.9')!;
    expect(changed).toMatchObject({ decision: 'change', replacementCode: 'I10', reason });
    for (const d of seen.decisions) {
      expect(d.decidedBy).toBe(`${stack.sandbox.fhirBaseUrl}/Practitioner/${BILLING_SPECIALIST.id}`);
      expect(d.decidedByName).toBe('Bea Biller-Testcoder');
      expect(Date.now() - Date.parse(d.decidedAt)).toBeLessThan(10 * 60_000);
      if (d.code !== 'I12.9') expect(d.decision).toBe('accept');
    }
    // The clinician is no billing user: the queue itself stays closed to them.
    expect((await api(clinician, 'review/queue')).status).toBe(403);
  });

  it('shows the clinician, signed in as themselves, no review queue, and billing’s decisions in their Codes step', async () => {
    context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(`${stack.sandbox.url}/ehr/chart/${visit.patientId}?encounter=${visit.encounterId}`);
    const frame = app(p);
    await frame.getByRole('tab', { name: /Codes/ }).waitFor({ timeout: 15_000 });
    expect(await frame.getByRole('tab', { name: /Review queue/ }).count()).toBe(0);
    expect(await frame.getByRole('tab').count()).toBe(3);

    // Their Codes step shows billing's decisions beside the suggestions: the change with its reason.
    await frame.getByRole('tab', { name: /Codes/ }).click();
    const decisions = frame.getByTestId('billing-decision-list');
    await decisions.waitFor({ timeout: 15_000 });
    const text = await decisions.innerText();
    expect(text).toContain('I12.9');
    expect(text).toContain('I10');
  });
});
