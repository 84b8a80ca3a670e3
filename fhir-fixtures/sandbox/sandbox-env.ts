/**
 * Per-run sandbox settings for `npm start`, read from the environment: the vendor profile, SMART
 * scope syntax (v2, or v1 only as older Epic releases), added EHR latency, token lifetime and search page-size ceiling, so a person can try the app against
 * an "Epic-like", a slow or a small-paging EHR without touching the control API. Every problem is
 * reported at once.
 *
 * @module
 */
import { z } from 'zod';
import { MAX_PAGE_SIZE } from './fhir/search-request.ts';
import { MAX_PAGE_SIZE_LIMIT, type SandboxOptions } from './state.ts';

const schema = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65_535).default(8090),
  SANDBOX_VENDOR: z.enum(['generic', 'epic', 'oracle-health']).default('generic'),
  SANDBOX_SCOPE_SYNTAX: z.enum(['v2', 'v1']).default('v2'),
  SANDBOX_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  SANDBOX_TOKEN_LIFETIME_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
  SANDBOX_MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE_LIMIT).default(MAX_PAGE_SIZE),
});

export function sandboxOptionsFromEnv(
  env: Record<string, string | undefined>,
): SandboxOptions & { port: number } {
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key.startsWith('SANDBOX_') && value !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Sandbox settings are not valid: ${problems}`);
  }
  const s = parsed.data;
  return {
    port: s.SANDBOX_PORT,
    vendor: s.SANDBOX_VENDOR,
    scopeSyntax: s.SANDBOX_SCOPE_SYNTAX,
    faults: { latencyMs: s.SANDBOX_LATENCY_MS },
    accessTokenLifetimeSeconds: s.SANDBOX_TOKEN_LIFETIME_SECONDS,
    maxPageSize: s.SANDBOX_MAX_PAGE_SIZE,
  };
}
