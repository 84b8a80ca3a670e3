/**
 * The URL rules for EHR registrations, in one place: how an `iss` is normalised (so a launch's
 * `iss` and the stored issuer compare equal however the EHR spells the host or trailing slash),
 * which hosts may use plain http (the local sandbox only), and what a bare origin is.
 *
 * @module
 */

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Hosts on this machine: the only ones that may use plain http (the sandbox EHR). */
export function isLocalHost(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname);
}

function parse(value: string): URL | undefined {
  const text = value.trim();
  // A bare `?` or `#` leaves URL.search/hash empty, so look at the text itself.
  if (/[?#]/.test(text) || !URL.canParse(text)) return undefined;
  const url = new URL(text);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url;
}

/**
 * `https://EHR.example.org:443/fhir/r4/` → `https://ehr.example.org/fhir/r4`: lower-case scheme
 * and host, no default port, no trailing slashes. Undefined for anything that is not an http(s)
 * URL without query, fragment or credentials. The path keeps its case (FHIR bases are case-sensitive).
 */
export function normaliseIssuer(value: string): string | undefined {
  const url = parse(value);
  if (!url) return undefined;
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** Plain http is allowed only for the local sandbox. */
export function isAllowedScheme(value: string): boolean {
  const url = parse(value);
  return url !== undefined && (url.protocol === 'https:' || LOCAL_HOSTS.has(url.hostname));
}

/** `https://ehr.example.org[:port]` with nothing after it (a trailing `/` is tolerated); else undefined. */
export function bareOrigin(value: string): string | undefined {
  const url = parse(value);
  if (!url || url.pathname !== '/') return undefined;
  return url.origin;
}

export function isAbsoluteHttpUrl(value: string): boolean {
  return parse(value) !== undefined;
}
