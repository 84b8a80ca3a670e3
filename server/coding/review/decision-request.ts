/**
 * A billing decision as the plugin sends it (`POST …/review/encounters/:id/decisions`), checked
 * at the boundary: accept needs nothing more; change needs the code to report instead and a
 * reason; reject needs a reason. Whether the replacement is a real, billable code of the right
 * kind is `replacement-codes.ts`'s job (it needs the database). Messages speak to the reviewer.
 *
 * @module
 */
import { z } from 'zod';
import type { DecideCodeRequest } from '../../contract/billing-review.ts';
import { AppError } from '../../errors/app-error.ts';

export const MAX_REASON_CHARS = 1_000;

const code = z
  .string({ error: 'Name the suggested code the decision is about.' })
  .trim()
  .toUpperCase()
  .min(1, 'Name the suggested code the decision is about.')
  .max(16, 'Name the suggested code the decision is about.');

const reason = (what: string) =>
  z
    .string({ error: `Give a reason for ${what}.` })
    .trim()
    .min(1, `Give a reason for ${what}.`)
    .max(MAX_REASON_CHARS, `Keep the reason under ${MAX_REASON_CHARS} characters.`);

const decideCodeSchema = z.discriminatedUnion(
  'decision',
  [
    z.strictObject({
      code,
      decision: z.literal('accept'),
      reason: z
        .string()
        .trim()
        .max(MAX_REASON_CHARS, `Keep the note under ${MAX_REASON_CHARS} characters.`)
        .optional(),
    }),
    z.strictObject({
      code,
      decision: z.literal('change'),
      replacementCode: z
        .string({ error: 'Give the code to report instead.' })
        .trim()
        .toUpperCase()
        .min(1, 'Give the code to report instead.')
        .max(16, 'Give the code to report instead.'),
      reason: reason('changing the code'),
    }),
    z.strictObject({ code, decision: z.literal('reject'), reason: reason('rejecting the code') }),
  ],
  { error: 'The decision must be accept, change or reject.' },
);

/** The decision, trimmed; AppError `bad_request` with the first problem in words. */
export function parseDecideCodeRequest(raw: unknown): DecideCodeRequest {
  const parsed = decideCodeSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('bad_request', parsed.error.issues[0]?.message ?? 'The decision is not valid.');
  }
  const { reason: given, ...rest } = parsed.data;
  return given ? { ...rest, reason: given } : rest;
}
