/**
 * Reads OAuth request parameters (query string or form body) at the boundary. Every parameter is
 * a single string: RFC 6749 §3.1 forbids repeating one, and a repeat arrives here as an array,
 * so it is refused instead of silently picking one value.
 *
 * @module
 */
import { z } from 'zod';

/** A schema whose keys are all optional strings. */
export function paramsSchema<const K extends string>(names: readonly K[]) {
  const shape = Object.fromEntries(names.map((name) => [name, z.string().optional()])) as {
    [P in K]: z.ZodOptional<z.ZodString>;
  };
  return z.object(shape);
}

export type ParamsResult<K extends string> =
  | { readonly ok: true; readonly params: { readonly [P in K]?: string } }
  | { readonly ok: false; readonly badNames: readonly string[] };

/** Parses `source`; on failure names the parameters that were not single strings. */
export function readParams<K extends string>(
  schema: z.ZodObject<{ [P in K]: z.ZodOptional<z.ZodString> }>,
  source: unknown,
): ParamsResult<K> {
  const parsed = schema.safeParse(source ?? {});
  if (parsed.success) return { ok: true, params: parsed.data as { readonly [P in K]?: string } };
  const badNames = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '(body)')))];
  return { ok: false, badNames };
}

/** Empty strings count as absent, as in most OAuth servers. */
export function present(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
