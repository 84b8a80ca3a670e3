/**
 * RevenuePilot inside the sandbox EHR, in a real browser: each chart launches the app for its own
 * patient; two instances side by side stay apart; switching patient relaunches; an unknown EHR
 * gets an error page; an expired token is refreshed or ends in the relaunch message; the launch
 * works with cookies blocked; nothing sensitive lands in the URL or web storage.
 */
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { usCoreBundlePath } from '../../fhir-fixtures/shared-data.ts';
import { PANEL_NAMES } from '../../server/contract/clinical-context.ts';
import { COMPANION_CLIENT_ID } from '../../fhir-fixtures/sandbox/companion-app.ts';
import { launchBrowser } from './support/browser.ts';
import { startStack, type RunningStack } from './support/stack.ts';

let stack: RunningStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function freshPage(): Promise<Page> {
  context = await browser.newContext();
  page = await context.newPage();
  return page;
}
afterEach(async () => {
  await context?.close();
});

const app = (p: Page, nth = 0): FrameLocator => p.frameLocator(`[data-testid="app-frame"] >> nth=${nth}`);

/** The chart links on today's schedule: [href, patient name]. */
async function visits(p: Page): Promise<[string, string][]> {
  await p.goto(`${stack.sandbox.url}/ehr`);
  const links = p.locator('table a[href*="/ehr/chart/"]');
  const out: [string, string][] = [];
  for (let i = 0; i < (await links.count()); i++) {
    const link = links.nth(i);
    out.push([(await link.getAttribute('href'))!, (await link.textContent())!.trim()]);
  }
  return out;
}

async function appBannerName(frame: FrameLocator): Promise<string> {
  return (await frame.getByTestId('patient-banner').locator('h2').textContent())!.trim();
}

function appFrames(p: Page): Frame[] {
  return p.frames().filter((f) => f.url().startsWith(`${stack.serverUrl}/app/`));
}

describe('EHR launch inside the chart', () => {
  it('three charts each open the app for their own patient', async () => {
    const p = await freshPage();
    const schedule = await visits(p);
    expect(schedule.length).toBeGreaterThanOrEqual(3);
    for (const [href, name] of schedule.slice(0, 3)) {
      await p.goto(`${stack.sandbox.url}${href}&banner=app`);
      await expect.poll(() => appBannerName(app(p)), { timeout: 15_000 }).toBe(name);
      await app(p).getByTestId('panel-problems').waitFor();
    }
  });

  it('shows no app banner when the EHR shows its own, and keeps tokens and PHI out of the URL and storage', async () => {
    const p = await freshPage();
    const [[href, name]] = (await visits(p)) as [[string, string]];
    await p.goto(`${stack.sandbox.url}${href}`);
    await expect.poll(() => p.getByTestId('ehr-banner').textContent()).toContain(name);
    await app(p).getByTestId('panel-medications').waitFor();
    expect(await app(p).getByTestId('patient-banner').count()).toBe(0);

    const [frame] = appFrames(p);
    const url = new URL(frame!.url());
    expect([...url.searchParams.keys()]).toEqual(['launch']);
    expect(url.searchParams.get('launch')).toMatch(/^[\w-]{22}$/);
    // Chromium may deny web storage to a third-party frame outright; either way nothing is there.
    const storage = await frame!.evaluate(() => {
      const keys = (get: () => Storage): string[] | 'denied' => {
        try {
          return Object.keys(get());
        } catch {
          return 'denied';
        }
      };
      return {
        local: keys(() => localStorage),
        session: keys(() => sessionStorage),
        boot: document.getElementById('rp-boot') !== null,
      };
    });
    for (const kept of [storage.local, storage.session])
      expect(kept === 'denied' || kept.length === 0).toBe(true);
    expect(storage.boot).toBe(false);
  });

  it('two instances side by side for two patients stay separate', async () => {
    const p = await freshPage();
    await p.goto(`${stack.sandbox.url}/ehr`);
    const left = await p.locator('select[name="left"] option').nth(0).getAttribute('value');
    const right = await p.locator('select[name="right"] option').nth(1).getAttribute('value');
    await p.goto(`${stack.sandbox.url}/ehr/side-by-side?left=${left}&right=${right}&banner=app`);
    const ehrBanners = p.getByTestId('ehr-banner');
    await expect.poll(() => ehrBanners.count()).toBe(2);
    for (const i of [0, 1]) {
      const expected = (await ehrBanners.nth(i).textContent())!;
      await expect.poll(() => appBannerName(app(p, i)), { timeout: 15_000 }).not.toBe('');
      expect(expected).toContain(await appBannerName(app(p, i)));
    }
    expect(await appBannerName(app(p, 0))).not.toBe(await appBannerName(app(p, 1)));
    const launches = appFrames(p).map((f) => new URL(f.url()).searchParams.get('launch'));
    expect(new Set(launches).size).toBe(2);

    // Reloading one instance (cookie + its own launch id) still shows its own patient.
    const before = await appBannerName(app(p, 1));
    await appFrames(p)[1]!.goto(appFrames(p)[1]!.url());
    await expect.poll(() => appBannerName(app(p, 1)), { timeout: 15_000 }).toBe(before);
  });

  it('switching patient in the EHR relaunches the app for the new patient', async () => {
    const p = await freshPage();
    const schedule = await visits(p);
    await p.goto(`${stack.sandbox.url}${schedule[0]![0]}&banner=app`);
    await expect.poll(() => appBannerName(app(p))).toBe(schedule[0]![1]);
    const firstLaunch = new URL(appFrames(p)[0]!.url()).searchParams.get('launch');
    await p.selectOption('#switch-to', { index: 1 });
    await p.getByRole('button', { name: 'Switch' }).click();
    await expect.poll(() => appBannerName(app(p)), { timeout: 15_000 }).toBe(schedule[1]![1]);
    expect(new URL(appFrames(p)[0]!.url()).searchParams.get('launch')).not.toBe(firstLaunch);
  });

  it('still launches when the browser sends no cookies to the app', async () => {
    const p = await freshPage();
    const seen: (string | undefined)[] = [];
    await context.route(`${stack.serverUrl}/**`, async (route) => {
      const headers = { ...route.request().headers() };
      delete headers.cookie;
      seen.push(route.request().headers().cookie);
      await route.continue({ headers });
    });
    const [[href, name]] = (await visits(p)) as [[string, string]];
    await p.goto(`${stack.sandbox.url}${href}&banner=app`);
    await expect.poll(() => appBannerName(app(p)), { timeout: 15_000 }).toBe(name);
    await app(p).getByTestId('panel-vitals').waitFor();
    expect(seen.length).toBeGreaterThan(3);
  });
});

describe('failures a clinician may meet', () => {
  it('an unregistered iss shows the error page', async () => {
    const p = await freshPage();
    await p.goto(
      `${stack.serverUrl}/launch?iss=${encodeURIComponent('https://unknown-ehr.example/fhir')}&launch=x`,
    );
    await p.getByRole('heading', { name: 'This EHR is not registered' }).waitFor();
    expect(await p.getByTestId('launch-error').textContent()).toContain('Ask your health system');
  });

  it('an expired access token is refreshed mid-use', async () => {
    const p = await freshPage();
    const [[href, name]] = (await visits(p)) as [[string, string]];
    await p.goto(`${stack.sandbox.url}${href}&banner=app`);
    await expect.poll(() => appBannerName(app(p))).toBe(name);
    expect((await fetch(`${stack.sandbox.url}/_sandbox/tokens/expire`, { method: 'POST' })).ok).toBe(true);
    const reread = p.waitForResponse((r) => r.url().endsWith('/context') && r.request().method() === 'GET');
    await app(p)
      .getByRole('button', { name: /refresh/i })
      .click();
    expect((await reread).status()).toBe(200);
    await app(p).getByTestId('panel-problems').waitFor();
    expect(await app(p).getByText('Your session with the EHR has ended').count()).toBe(0);
  });

  it('without a refresh token, an expired session ends in the relaunch message', async () => {
    const { registrations } = (await (await stack.admin('/ehr-registrations')).json()) as {
      registrations: { id: string; issuer: string; scopes: string }[];
    };
    const registration = registrations.find((r) => r.issuer === stack.sandbox.fhirBaseUrl)!;
    const put = (scopes: string) =>
      stack.admin(`/ehr-registrations/${registration.id}`, {
        method: 'PUT',
        body: JSON.stringify({ scopes }),
      });
    expect((await put(registration.scopes.replace('online_access', '').trim())).ok).toBe(true);
    try {
      const p = await freshPage();
      const [[href, name]] = (await visits(p)) as [[string, string]];
      await p.goto(`${stack.sandbox.url}${href}&banner=app`);
      await expect.poll(() => appBannerName(app(p))).toBe(name);
      await fetch(`${stack.sandbox.url}/_sandbox/tokens/expire`, { method: 'POST' });
      await app(p)
        .getByRole('button', { name: /refresh/i })
        .click();
      await app(p).getByText('Your session with the EHR has ended. Relaunch RevenuePilot').waitFor();
    } finally {
      await put(registration.scopes);
    }
  });
});

describe('a narrower grant', () => {
  it('shows which features are off and why, and the panel the grant leaves out', async () => {
    const apps = stack.sandbox.state.apps;
    const app0 = apps.get(COMPANION_CLIENT_ID)!;
    apps.set(COMPANION_CLIENT_ID, {
      ...app0,
      allowedScopes:
        'openid fhirUser patient/Patient.rs patient/Encounter.rs patient/Condition.rs patient/MedicationRequest.rs patient/Observation.rs patient/Coverage.rs patient/DocumentReference.rs user/Practitioner.rs',
    });
    try {
      const p = await freshPage();
      const [[href, name]] = (await visits(p)) as [[string, string]];
      await p.goto(`${stack.sandbox.url}${href}&banner=app`);
      await expect.poll(() => appBannerName(app(p))).toBe(name);
      const notice = (await app(p).getByTestId('feature-off').textContent())!;
      expect(notice).toContain('file notes');
      expect(notice).toContain('add diagnoses');
      expect(await app(p).getByTestId('panel-allergies').getByTestId('panel-reason').textContent()).toContain(
        'did not grant',
      );
    } finally {
      apps.set(COMPANION_CLIENT_ID, app0);
    }
  });
});

describe('a clinician who cancels at the EHR', () => {
  it('sees that the EHR did not let the app sign in, and what to do', async () => {
    const p = await freshPage();
    await p.goto(`${stack.serverUrl}/launch/standalone?iss=${encodeURIComponent(stack.sandbox.fhirBaseUrl)}`);
    await p.getByRole('button', { name: 'Cancel' }).click();
    await p.getByRole('heading', { name: 'The EHR did not let RevenuePilot sign in' }).waitFor();
    expect(await p.getByTestId('launch-error').textContent()).toContain('(access_denied)');
  });
});

describe('standalone launch and narrow panels', () => {
  it('launches standalone through the EHR patient picker and fits a 400 px side panel', async () => {
    const p = await freshPage();
    await p.setViewportSize({ width: 400, height: 900 });
    await p.goto(`${stack.serverUrl}/launch/standalone?iss=${encodeURIComponent(stack.sandbox.fhirBaseUrl)}`);
    const first = p.locator('input[name="patient"]').first();
    await first.check();
    const picked = (await p.locator('form label').first().textContent())!.trim();
    await p.getByRole('button', { name: 'Open the app with this patient' }).click();
    await p.getByTestId('patient-banner').waitFor({ timeout: 15_000 });
    expect(picked).toContain((await p.getByTestId('patient-banner').locator('h2').textContent())!.trim());
    const overflow = await p.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // Keyboard first: the skip link comes first and lands on the chart; `r` reads the chart again.
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await p.keyboard.press('Enter');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('rp-main');
    const reread = p.waitForResponse((r) => r.url().endsWith('/context'));
    await p.keyboard.press('r');
    expect((await reread).status()).toBe(200);
    // Every control is reachable with Tab, the Refresh button among them.
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await p.keyboard.press('Tab');
      reached.add((await p.evaluate(() => document.activeElement?.textContent?.trim() ?? '')) || '');
    }
    expect([...reached].some((label) => label.startsWith('Refresh'))).toBe(true);
  });
});

describe('US Core patient 355 in an EHR that pages by 10', () => {
  let usCore: RunningStack;
  beforeAll(async () => {
    usCore = await startStack({ bundleFiles: [usCoreBundlePath('355')], maxPageSize: 10 });
  });
  afterAll(() => usCore?.close());

  it('renders the whole chart context, wide and in a 400 px panel', async () => {
    const p = await freshPage();
    await p.setViewportSize({ width: 1600, height: 1000 });
    await p.goto(`${usCore.sandbox.url}/ehr/chart/355?banner=app`);
    const ehrName = (await p.getByTestId('ehr-banner').textContent())!;
    await expect.poll(() => appBannerName(app(p)), { timeout: 15_000 }).not.toBe('');
    expect(ehrName).toContain(await appBannerName(app(p)));
    for (const panel of PANEL_NAMES) {
      await app(p).getByTestId(`panel-${panel}`).waitFor();
    }
    expect(await app(p).getByTestId('panel-reason').count()).toBe(0);
    expect(await app(p).getByTestId('sparkline').count()).toBeGreaterThan(0);
    await p.screenshot({ path: 'test/e2e/out/us-core-355-wide.png' });

    await p.goto(
      `${usCore.serverUrl}/launch/standalone?iss=${encodeURIComponent(usCore.sandbox.fhirBaseUrl)}`,
    );
    await p.setViewportSize({ width: 400, height: 1000 });
    await p.locator('input[name="patient"][value="355"]').check();
    await p.getByRole('button', { name: 'Open the app with this patient' }).click();
    await p.getByTestId('panel-vitals').waitFor({ timeout: 15_000 });
    const overflow = await p.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await p.screenshot({ path: 'test/e2e/out/us-core-355-narrow.png', fullPage: true });
  });
});
