/**
 * Launches Debian's Chromium through playwright-core (browser downloads are not available on
 * these machines). CHROMIUM_PATH overrides the executable.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? CANDIDATES.find((p) => existsSync(p));
  if (!executablePath)
    throw new Error('No Chromium found: install it with `apt-get install chromium` or set CHROMIUM_PATH.');
  return chromium.launch({
    executablePath,
    headless: true,
    // Without the background-networking flags Chromium tries to reach the internet, which this
    // closed network refuses; --no-sandbox because CI runs as root.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
