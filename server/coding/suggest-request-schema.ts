/**
 * The body of `POST …/codes/suggest`, validated at the boundary (an empty body is allowed: every
 * option has a default from the chart or the note).
 *
 * @module
 */
import { z } from 'zod';
import type { SuggestCodesRequest } from '../contract/coding.ts';
import { AppError } from '../errors/app-error.ts';

const schema = z.strictObject({
  payerType: z.enum(['medicare', 'medicaid', 'commercial', 'self-pay', 'other']).optional(),
  // A clinic day is at most 24 hours; anything more is a typo.
  minutes: z.number().int().min(1).max(1440).optional(),
  patientStatus: z.enum(['new', 'established']).optional(),
});

export function parseSuggestCodesRequest(body: unknown): SuggestCodesRequest {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` (${first.path.join('.')}: ${first.message})` : '';
    throw new AppError('bad_request', `The code suggestion request is not valid${where}.`);
  }
  return parsed.data;
}
