import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { startStack, type RunningStack } from './support/stack.ts';

let stack: RunningStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('sandbox EHR hosting RevenuePilot', () => {
  it("lists today's visits and opens the app inside the chart", async () => {
    await page.goto(`${stack.sandbox.url}/ehr`);
    const visits = page.locator('table a[href*="/ehr/chart/"]');
    expect(await visits.count()).toBeGreaterThanOrEqual(8);

    const patientName = (await visits.first().textContent())!.trim();
    await visits.first().click();
    await expect.poll(() => page.getByTestId('ehr-banner').textContent()).toContain(patientName);

    const app = page.frameLocator('[data-testid="app-frame"]');
    await app.getByRole('heading', { name: 'RevenuePilot' }).waitFor();
    await app.getByText('Connected to the RevenuePilot server.').waitFor();
    await app.getByText(`Opened from ${new URL(stack.sandbox.url).host}`).waitFor();
  });

  it('the app frame comes from the companion server with the iss and a launch', () => {
    const frame = page.frames().find((f) => f.url().startsWith(`${stack.serverUrl}/launch`));
    expect(frame).toBeDefined();
    const url = new URL(frame!.url());
    expect(url.searchParams.get('iss')).toBe(stack.sandbox.fhirBaseUrl);
    expect(url.searchParams.get('launch')).toMatch(/^[\w-]{20,}$/);
  });

  it('switching patient relaunches the app for the other visit', async () => {
    const options = page.locator('#switch-to option');
    const target = (await options.nth(1).textContent())!.trim().replace(/^\d\d:\d\d\s+/, '');
    await page.selectOption('#switch-to', { index: 1 });
    await page.getByRole('button', { name: 'Switch' }).click();
    await expect.poll(() => page.getByTestId('ehr-banner').textContent()).toContain(target);
    await page
      .frameLocator('[data-testid="app-frame"]')
      .getByText('Connected to the RevenuePilot server.')
      .waitFor();
  });

  it('two app instances open side by side', async () => {
    await page.goto(`${stack.sandbox.url}/ehr`);
    await page.selectOption('select[name="left"]', { index: 0 });
    await page.selectOption('select[name="right"]', { index: 1 });
    await page.getByRole('button', { name: 'Open both' }).click();
    const frames = page.locator('[data-testid="app-frame"]');
    await expect.poll(() => frames.count()).toBe(2);
    for (const i of [0, 1]) {
      await page
        .frameLocator('[data-testid="app-frame"] >> nth=' + i)
        .getByText('Connected to the RevenuePilot server.')
        .waitFor();
    }
    const launches = page
      .frames()
      .filter((f) => f.url().includes('/launch?'))
      .map((f) => new URL(f.url()).searchParams.get('launch'));
    expect(new Set(launches).size).toBe(2);
  });

  it('shows each patient’s notes from the EHR', async () => {
    await page.goto(`${stack.sandbox.url}/ehr/patients`);
    await page.locator('a', { hasText: 'Notes' }).first().click();
    await expect.poll(() => page.locator('h2').first().textContent()).toMatch(/^Notes \(\d+\)$/);
  });
});
