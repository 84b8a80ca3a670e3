/**
 * How the sandbox EHR keeps an app's public keys fetched from its registered JWKS URL, modelled
 * on Epic: the key set is cached for the response's `Cache-Control: max-age`, never longer than
 * `maxAgeSeconds` (Epic: up to 29 h); a client assertion whose `kid` is not in the cached set
 * makes it refetch, but only once its copy is at least `unknownKidRefetchSeconds` old. So an app
 * that signs with a key the EHR has not fetched yet is refused until then, which is what a
 * rotation's grace period protects against. The clock is the policy's (default: the sandbox's).
 *
 * @module
 */
import { errors, importJWK, type JWK, type JWTVerifyGetKey } from 'jose';
import type { JwksCachePolicy } from '../state.ts';

export interface RemoteJwksCache {
  /** A key resolver for jose's `jwtVerify`. */
  readonly getKey: JWTVerifyGetKey;
  /** How many times the JWKS URL has been fetched. */
  fetches(): number;
}

const FETCH_TIMEOUT_MS = 5_000;

interface CachedSet {
  readonly keys: readonly JWK[];
  readonly fetchedAt: number;
  readonly maxAgeMs: number;
}

/** Seconds the response lets it be cached: its max-age, none for no-store/no-cache, else the cap. */
function cacheSeconds(cacheControl: string | null, capSeconds: number): number {
  const value = (cacheControl ?? '').toLowerCase();
  if (/\b(no-store|no-cache)\b/.test(value)) return 0;
  const maxAge = /\bmax-age=(\d+)/.exec(value)?.[1];
  return maxAge === undefined ? capSeconds : Math.min(Number(maxAge), capSeconds);
}

export function createRemoteJwksCache(
  url: URL,
  policy: JwksCachePolicy & { readonly now: () => number },
  fetchFn: typeof fetch = globalThis.fetch,
): RemoteJwksCache {
  let cached: CachedSet | undefined;
  let inflight: Promise<CachedSet> | undefined;
  let fetches = 0;

  async function load(): Promise<CachedSet> {
    fetches++;
    const res = await fetchFn(url, {
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (res.status !== 200) throw new errors.JOSEError('Expected 200 OK from the JSON Web Key Set URL');
    const body = (await res.json().catch(() => undefined)) as { keys?: unknown } | undefined;
    if (!body || !Array.isArray(body.keys)) throw new errors.JWKSInvalid();
    return {
      keys: body.keys as JWK[],
      fetchedAt: policy.now(),
      maxAgeMs: cacheSeconds(res.headers.get('cache-control'), policy.maxAgeSeconds) * 1000,
    };
  }

  function refresh(): Promise<CachedSet> {
    inflight ??= load()
      .then((set) => (cached = set))
      .finally(() => (inflight = undefined));
    return inflight;
  }

  const getKey: JWTVerifyGetKey = async (header) => {
    let set = cached && policy.now() - cached.fetchedAt < cached.maxAgeMs ? cached : await refresh();
    const find = () =>
      set.keys.find(
        (k) =>
          k.kid === header.kid && (k.alg === undefined || k.alg === header.alg) && (k.use ?? 'sig') === 'sig',
      );
    let jwk = find();
    if (!jwk && policy.now() - set.fetchedAt >= policy.unknownKidRefetchSeconds * 1000) {
      set = await refresh();
      jwk = find();
    }
    if (!jwk) throw new errors.JWKSNoMatchingKey();
    return importJWK(jwk, header.alg);
  };

  return { getKey, fetches: () => fetches };
}
