/**
 * SMART discovery: `{iss}/.well-known/smart-configuration`, validated before anything trusts it
 * and cached per issuer, so a launch costs one EHR round trip for discovery at most once per TTL.
 * The fetch is injected; this module runs anywhere with Web APIs.
 *
 * @module
 */
import { z } from 'zod';

const endpoint = z
  .string()
  .refine((value) => URL.canParse(value), 'must be an absolute URL')
  .refine((value) => ['https:', 'http:'].includes(new URL(value).protocol), 'must be http(s)');

const smartConfigurationSchema = z.object({
  issuer: z.string().optional(),
  jwks_uri: endpoint.optional(),
  authorization_endpoint: endpoint,
  token_endpoint: endpoint,
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
  grant_types_supported: z.array(z.string()).optional(),
  scopes_supported: z.array(z.string()).optional(),
  response_types_supported: z.array(z.string()).optional(),
  capabilities: z.array(z.string()).default([]),
  code_challenge_methods_supported: z.array(z.string()).default([]),
  revocation_endpoint: endpoint.optional(),
  introspection_endpoint: endpoint.optional(),
});

export type SmartConfiguration = z.infer<typeof smartConfigurationSchema>;

/** Discovery failed: the EHR is unreachable, answered an error, or sent something unusable. */
export class DiscoveryError extends Error {
  override readonly name = 'DiscoveryError';
  constructor(
    readonly reason: 'unreachable' | 'http_error' | 'invalid',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export function smartConfigurationUrl(iss: string): string {
  return `${iss.replace(/\/+$/, '')}/.well-known/smart-configuration`;
}

/** Fetches and validates one issuer's SMART configuration (no cache). */
export async function fetchSmartConfiguration(
  iss: string,
  fetchFn: FetchLike,
  timeoutMs = 10_000,
): Promise<SmartConfiguration> {
  const url = smartConfigurationUrl(iss);
  let res: Response;
  try {
    res = await fetchFn(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    throw new DiscoveryError('unreachable', 'The EHR did not answer its SMART discovery request.', {
      cause: err,
    });
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new DiscoveryError(
      'http_error',
      `The EHR answered its SMART discovery request with ${res.status}.`,
    );
  }
  const body: unknown = await res.json().catch(() => undefined);
  const parsed = smartConfigurationSchema.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || 'body').join(', ');
    throw new DiscoveryError('invalid', `The EHR's SMART configuration is not usable (${fields}).`);
  }
  // PKCE S256 is mandatory in SMART 2: an EHR that does not offer it is not one we launch from.
  if (!parsed.data.code_challenge_methods_supported.includes('S256')) {
    throw new DiscoveryError('invalid', "The EHR's SMART configuration does not offer PKCE S256.");
  }
  return parsed.data;
}

export interface DiscoveryCache {
  get(iss: string): Promise<SmartConfiguration>;
  /** Forget one issuer (after a registration change, or when its endpoints fail). */
  forget(iss: string): void;
}

export interface DiscoveryCacheOptions {
  readonly fetch: FetchLike;
  readonly ttlMs?: number;
  readonly now?: () => number;
}

/** Caches successful discoveries for `ttlMs` (default 1 h); concurrent misses share one fetch. */
export function createDiscoveryCache(options: DiscoveryCacheOptions): DiscoveryCache {
  const ttlMs = options.ttlMs ?? 3_600_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { at: number; value: Promise<SmartConfiguration> }>();
  return {
    get(iss) {
      const hit = entries.get(iss);
      if (hit && now() - hit.at < ttlMs) return hit.value;
      const value = fetchSmartConfiguration(iss, options.fetch);
      entries.set(iss, { at: now(), value });
      // A failure is not cached: the next launch tries again.
      value.catch(() => {
        if (entries.get(iss)?.value === value) entries.delete(iss);
      });
      return value;
    },
    forget(iss) {
      entries.delete(iss);
    },
  };
}

/** Whether the EHR accepts the authorization request as a form POST (SMART `authorize-post`). */
export function supportsAuthorizePost(config: SmartConfiguration): boolean {
  return config.capabilities.includes('authorize-post');
}
