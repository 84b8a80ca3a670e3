/**
 * Per-run sandbox settings for `npm start`, read from the environment: the vendor profile, added
 * EHR latency and token lifetime, so a person can try the app against an "Epic-like" or a slow
 * EHR without touching the control API. Every problem is reported at once.
 *
 * @module
 */
import { z } from 'zod';
import type { SandboxOptions } from './state.ts';

const schema = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65_535).default(8090),
  SANDBOX_VENDOR: z.enum(['generic', 'epic', 'oracle-health']).default('generic'),
  SANDBOX_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  SANDBOX_TOKEN_LIFETIME_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
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
    faults: { latencyMs: s.SANDBOX_LATENCY_MS },
    accessTokenLifetimeSeconds: s.SANDBOX_TOKEN_LIFETIME_SECONDS,
  };
}
