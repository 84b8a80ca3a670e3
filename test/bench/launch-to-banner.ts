/**
 * Launch to patient banner, as a clinician waits for it: from the moment the EHR's frame requests
 * `/launch` to the moment the app's patient banner is on screen, in Chromium, with 50 ms added to
 * every EHR response (discovery, authorize, token, JWKS, FHIR). Each run is a fresh browser
 * context (no cookies, no cache); the first run also pays for discovery and JIT warm-up, so the
 * budget applies to the median of the rest.
 *
 * @module
 */
import { launchBrowser } from '../e2e/support/browser.ts';
import { startStack } from '../e2e/support/stack.ts';
import { percentile, type BenchResult } from './result.ts';

export async function measureLaunchToBanner(runs = 15, latencyMs = 50): Promise<BenchResult[]> {
  const stack = await startStack({ faults: { latencyMs } });
  const browser = await launchBrowser();
  try {
    const chart = await firstChart(stack.sandbox.url);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let start: number | undefined;
      page.on('request', (req) => {
        if (start === undefined && req.url().startsWith(`${stack.serverUrl}/launch?`))
          start = performance.now();
      });
      await page.goto(`${stack.sandbox.url}${chart}&banner=app`);
      await page.frameLocator('[data-testid="app-frame"]').getByTestId('patient-banner').waitFor();
      const end = performance.now();
      if (start === undefined) throw new Error('the chart never requested /launch');
      samples.push(end - start);
      await context.close();
    }
    const [cold, ...warm] = samples;
    warm.sort((a, b) => a - b);
    return [
      {
        name: `launch to banner, ${latencyMs} ms EHR latency, median`,
        value: percentile(warm, 50),
        unit: 'ms',
        budget: 1000,
        detail: `p95 ${percentile(warm, 95).toFixed(0)} ms over ${warm.length} runs`,
      },
      { name: `launch to banner, ${latencyMs} ms EHR latency, p95`, value: percentile(warm, 95), unit: 'ms' },
      { name: `launch to banner, ${latencyMs} ms EHR latency, first launch`, value: cold!, unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await stack.close();
  }
}

async function firstChart(sandboxUrl: string): Promise<string> {
  const page = await (await fetch(`${sandboxUrl}/ehr`)).text();
  const href = /href="(\/ehr\/chart\/[^"]+)"/.exec(page)?.[1];
  if (!href) throw new Error('the schedule lists no chart');
  return href.replace(/&amp;/g, '&');
}
