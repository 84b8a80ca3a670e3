/**
 * A minimal browser for integration tests: follows the SMART launch hop by hop with `fetch`,
 * keeping the companion server's cookie, submitting the authorize-post form, and reading the
 * plugin's session bootstrap out of the callback page. What it does not do is exactly what a
 * browser would not do either (it never sees a token).
 *
 * @module
 */
export interface LaunchedSession {
  readonly launchId: string;
  readonly sessionToken: string;
  readonly cookie: string | undefined;
  /** The callback response's Content-Security-Policy. */
  readonly csp: string;
}

export interface LaunchOptions {
  /** Send no cookies (a browser that blocks third-party cookies). */
  readonly cookies?: boolean;
}

/** The cookies a response sets, as one `cookie` request header value. */
function cookieFrom(res: Response): string | undefined {
  const pairs = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  return pairs.length > 0 ? pairs.join('; ') : undefined;
}

function formOf(page: string): { action: string; fields: [string, string][] } {
  const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
  if (!action) throw new Error('no authorize form');
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const fields = [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(
    (m) => [unescape(m[1]!), unescape(m[2]!)] as [string, string],
  );
  return { action: unescape(action), fields };
}

export interface AuthorizedLaunch {
  /** The companion server's session cookie, as a `cookie` header value. */
  readonly cookie: string | undefined;
  /** Where the EHR sent the browser back: our /callback with code and state. */
  readonly callback: URL;
}

/** From /launch's answer (303 to the hop) to the EHR's redirect back to /callback, sending `cookie`. */
export async function continueLaunch(
  start: Response,
  launchUrl: string,
  cookie: string | undefined,
): Promise<URL> {
  let res = await fetch(new URL(start.headers.get('location')!, launchUrl), {
    redirect: 'manual',
    headers: cookie ? { cookie } : undefined,
  });
  if (res.status === 200) {
    const form = formOf(await res.text());
    res = await fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(form.fields),
      redirect: 'manual',
    });
  }
  if (res.status !== 302 && res.status !== 303) throw new Error(`authorize answered ${res.status}`);
  return new URL(res.headers.get('location')!);
}

/** Runs a launch up to the EHR's redirect back to /callback, without following it. */
export async function authorizeLaunch(
  launchUrl: string,
  options: LaunchOptions = {},
): Promise<AuthorizedLaunch> {
  const start = await fetch(launchUrl, { redirect: 'manual' });
  if (start.status !== 303) throw new Error(`launch answered ${start.status}: ${await start.text()}`);
  const cookie = options.cookies === false ? undefined : cookieFrom(start);
  return { cookie, callback: await continueLaunch(start, launchUrl, cookie) };
}

/** Follows the EHR's redirect to /callback and reads the plugin's session bootstrap. */
export async function completeLaunch(callback: URL, cookie: string | undefined): Promise<LaunchedSession> {
  const res = await fetch(callback, { headers: cookie ? { cookie } : undefined });
  const page = await res.text();
  if (res.status !== 200) throw new Error(`callback answered ${res.status}: ${page}`);
  const boot = /<script id="rp-boot" type="application\/json">(.+?)<\/script>/.exec(page)?.[1];
  if (!boot) throw new Error('callback page has no session bootstrap');
  const parsed = JSON.parse(boot) as { launchId: string; sessionToken: string };
  return { ...parsed, cookie, csp: res.headers.get('content-security-policy') ?? '' };
}

/** Opens `launchUrl` (our /launch?iss&launch, or /launch/standalone?iss) and runs it to the plugin. */
export async function runLaunch(launchUrl: string, options: LaunchOptions = {}): Promise<LaunchedSession> {
  const { cookie, callback } = await authorizeLaunch(launchUrl, options);
  return completeLaunch(callback, cookie);
}

/** The launch URL the sandbox EHR's chart for a patient frames (a fresh `launch` each time). */
export async function chartLaunchUrl(sandboxUrl: string, patientId: string): Promise<string> {
  const page = await (await fetch(`${sandboxUrl}/ehr/chart/${patientId}`)).text();
  const src = /data-testid="app-frame"[^>]*src="([^"]+)"|src="([^"]+)"[^>]*data-testid="app-frame"/.exec(
    page,
  );
  const url = (src?.[1] ?? src?.[2])?.replace(/&amp;/g, '&');
  if (!url) throw new Error('chart has no app frame');
  return url;
}
