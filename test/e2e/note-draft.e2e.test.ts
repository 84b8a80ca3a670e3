/**
 * The Draft step in a real browser, inside the sandbox EHR's chart: paste the visit transcript,
 * draft with the built-in provider, select a sentence and see its evidence marked in the
 * transcript, edit it, wait for the autosave, reload the frame and find the edit and the input
 * still there. Then the same work in a 400 px side panel, by keyboard shortcuts alone.
 */
import type { Browser, BrowserContext, Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { transcript as bronchitisTranscript } from '../../fhir-fixtures/patients/primary-care-bronchitis-transcript.ts';
import { transcript as diabetesTranscript } from '../../fhir-fixtures/patients/primary-care-diabetes-transcript.ts';
import { launchBrowser } from './support/browser.ts';
import { startStack, type RunningStack } from './support/stack.ts';

let stack: RunningStack;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});
afterEach(async () => {
  await context?.close();
});

async function freshPage(): Promise<Page> {
  context = await browser.newContext();
  return context.newPage();
}

const app = (p: Page): FrameLocator => p.frameLocator('[data-testid="app-frame"]');
const appFrame = (p: Page): Frame => p.frames().find((f) => f.url().startsWith(`${stack.serverUrl}/app/`))!;

/** The first sentence whose evidence is marked in the input. */
async function sentenceWithInputEvidence(scope: FrameLocator | Page): Promise<Locator> {
  const sentences = scope.locator('.rp-sentence[data-sentence-id]');
  const count = await sentences.count();
  for (let i = 0; i < count; i++) {
    const sentence = sentences.nth(i);
    await sentence.click();
    if ((await scope.getByTestId('evidence-mark').count()) > 0) return sentence;
  }
  throw new Error('no sentence cites the transcript');
}

/** True when the first mark lies inside the evidence box's visible area (it was scrolled into view). */
async function firstMarkInView(scope: FrameLocator | Page): Promise<boolean> {
  return scope.getByTestId('evidence-text').evaluate((box) => {
    const mark = box.querySelector('mark');
    if (!mark) return false;
    const outer = box.getBoundingClientRect();
    const inner = mark.getBoundingClientRect();
    return inner.top >= outer.top - 1 && inner.top < outer.bottom;
  });
}

async function webStorageKeys(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const keys = (get: () => Storage): string[] => {
      try {
        return Object.keys(get());
      } catch {
        return []; // a third-party frame may be denied storage outright: nothing there either way
      }
    };
    return [...keys(() => localStorage), ...keys(() => sessionStorage)];
  });
}

describe('drafting a note inside the chart', () => {
  it('drafts from the transcript, shows a sentence’s evidence, keeps an edit and the input across a reload', async () => {
    const p = await freshPage();
    await p.setViewportSize({ width: 1400, height: 1000 });
    await p.goto(`${stack.sandbox.url}/ehr`);
    const href = await p.locator('table a[href*="/ehr/chart/rp-pt-quill"]').first().getAttribute('href');
    await p.goto(`${stack.sandbox.url}${href}&banner=app`);
    const frame = app(p);
    await frame.getByTestId('panel-problems').waitFor({ timeout: 15_000 });

    await frame.getByRole('tab', { name: /Draft/ }).click();
    const input = frame.getByLabel('Transcript to draft from');
    await input.fill(diabetesTranscript);
    await frame.getByLabel('Template').selectOption('diabetes-follow-up');
    expect(await frame.getByLabel('Drafted by').inputValue()).toBe('builtin');
    await frame.getByRole('button', { name: /Draft note/ }).click();
    await frame.getByTestId('note').waitFor({ timeout: 20_000 });
    expect(await frame.locator('.rp-sentence').count()).toBeGreaterThan(3);

    // Click a sentence: its evidence is marked in the transcript and scrolled into view.
    const sentence = await sentenceWithInputEvidence(frame);
    const id = (await sentence.getAttribute('data-sentence-id'))!;
    expect(await sentence.getAttribute('aria-pressed')).toBe('true');
    const pane = frame.getByTestId('evidence-pane');
    expect(await pane.getAttribute('data-evidence-for')).toBe(id);
    const marked = (await frame.getByTestId('evidence-mark').first().textContent())!;
    expect(marked.length).toBeGreaterThan(3);
    expect(diabetesTranscript).toContain(marked);
    expect(await frame.getByTestId('evidence-text').textContent()).toBe(diabetesTranscript);
    await expect.poll(() => firstMarkInView(frame)).toBe(true);

    // Edit it in place (Enter on the selected sentence), keep it with Enter, and wait for the autosave.
    await sentence.focus();
    await sentence.press('Enter');
    const editor = frame.getByRole('textbox', { name: /Edit sentence in/ });
    // No numbers or drug names: the server re-checks an edited sentence against its evidence.
    const edited = 'Reviewed the home glucose log with the patient today.';
    await editor.fill(edited);
    await editor.press('Enter');
    await expect.poll(() => frame.locator(`[data-sentence-id="${id}"]`).innerText()).toContain(edited);
    await expect
      .poll(() => frame.getByTestId('save-status').textContent(), { timeout: 10_000 })
      .toMatch(/^Saved/);
    await p.screenshot({ path: 'test/e2e/out/note-draft-wide.png' });

    // Nothing about the note, and no token, in the address or web storage.
    const url = new URL(appFrame(p).url());
    expect([...url.searchParams.keys()]).toEqual(['launch']);
    expect(await webStorageKeys(appFrame(p))).toEqual([]);

    // Reload the app's frame (the cookie authenticates now): the edit and the input are still there.
    await appFrame(p).goto(appFrame(p).url());
    await frame.getByTestId('panel-problems').waitFor({ timeout: 15_000 });
    await frame.getByRole('tab', { name: /Draft/ }).click();
    await frame.getByTestId('note').waitFor();
    expect(await frame.locator(`[data-sentence-id="${id}"]`).innerText()).toContain(edited);
    expect(await frame.getByLabel('Transcript to draft from').inputValue()).toBe(diabetesTranscript);
    expect(await frame.getByLabel('Template').inputValue()).toBe('diabetes-follow-up');
  });
});

describe('drafting in a 400 px side panel', () => {
  it('works by keyboard alone and fits the panel', async () => {
    const p = await freshPage();
    await p.setViewportSize({ width: 400, height: 900 });
    await p.goto(`${stack.serverUrl}/launch/standalone?iss=${encodeURIComponent(stack.sandbox.fhirBaseUrl)}`);
    await p.locator('input[name="patient"][value="rp-pt-boateng"]').check();
    await p.getByRole('button', { name: 'Open the app with this patient' }).click();
    await p.getByTestId('panel-problems').waitFor({ timeout: 15_000 });

    await p.keyboard.press('Alt+2');
    expect(await p.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    const input = p.getByLabel('Transcript to draft from');
    await input.fill(bronchitisTranscript);
    await expect
      .poll(() => p.getByTestId('save-status').textContent(), { timeout: 10_000 })
      .toMatch(/^Saved/);
    await input.press('Alt+D');
    await p.getByTestId('note').waitFor({ timeout: 20_000 });
    await expect.poll(() => p.evaluate(() => document.activeElement?.id)).toBe('rp-note-title');

    // Tab to the first sentence (past any empty section's Add button), Enter shows its evidence.
    let focused: string | null | undefined;
    for (let i = 0; i < 10 && !focused; i++) {
      await p.keyboard.press('Tab');
      focused = await p.evaluate(() => document.activeElement?.getAttribute('data-sentence-id'));
    }
    expect(focused).toBeTruthy();
    await p.keyboard.press('Enter');
    expect(await p.getByTestId('evidence-pane').getAttribute('data-evidence-for')).toBe(focused);
    const sentence = await sentenceWithInputEvidence(p);
    await expect.poll(() => firstMarkInView(p)).toBe(true);
    expect(await sentence.isVisible()).toBe(true);

    const overflow = await p.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // What the clinician sees: the selected sentence, its evidence pane kept in sight at the bottom.
    await p.screenshot({ path: 'test/e2e/out/note-draft-400.png' });
  });
});
