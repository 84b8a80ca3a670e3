/**
 * How the plugin learns which launch it belongs to. After the SMART callback the server inserts
 * `<script id="rp-boot" type="application/json">{"launchId","sessionToken"}</script>` into
 * index.html; we read it once, take it out of the DOM (so the token is not left in the page for
 * anything else to read) and rewrite the address to `/app/?launch=<launchId>`, which carries only
 * the opaque launch id. On a reload there is no boot element and the id comes from that address.
 *
 * @module
 */

export interface BootInfo {
  readonly launchId: string;
  /** Present only on the first load after the callback; kept in memory by the API client. */
  readonly sessionToken?: string;
}

const BOOT_ELEMENT_ID = 'rp-boot';
/** URL-safe, bounded: anything else is not a launch id this server issued. */
const LAUNCH_ID = /^[\w.~-]{1,200}$/;
const MAX_TOKEN_LENGTH = 4096;

export function launchUrl(launchId: string): string {
  return `/app/?launch=${encodeURIComponent(launchId)}`;
}

/**
 * Reads (and removes) the boot element, else the `launch` parameter of an `/app/` address.
 * Returns null when the page was opened without a launch: the UI then says to open it from the chart.
 */
export function readBoot(doc: Document, history: Pick<History, 'replaceState'>): BootInfo | null {
  const element = doc.getElementById(BOOT_ELEMENT_ID);
  if (element) {
    const text = element.textContent ?? '';
    element.remove();
    const boot = parseBoot(text);
    if (boot) {
      history.replaceState(null, '', launchUrl(boot.launchId));
      return boot;
    }
  }
  return launchFromAddress(doc.location);
}

function parseBoot(text: string): BootInfo | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  const { launchId, sessionToken } = value as { launchId?: unknown; sessionToken?: unknown };
  if (typeof launchId !== 'string' || !LAUNCH_ID.test(launchId)) return null;
  const tokenOk =
    typeof sessionToken === 'string' && sessionToken !== '' && sessionToken.length <= MAX_TOKEN_LENGTH;
  return tokenOk ? { launchId, sessionToken } : { launchId };
}

/**
 * Only an `/app/` address carries our launch id: on `/launch?iss&launch` the `launch` value is the
 * EHR's own launch token, which must never be mistaken for ours.
 */
function launchFromAddress(location: Pick<Location, 'pathname' | 'search'> | null): BootInfo | null {
  if (!location?.pathname.startsWith('/app/')) return null;
  const launchId = new URLSearchParams(location.search).get('launch');
  return launchId && LAUNCH_ID.test(launchId) ? { launchId } : null;
}
