/**
 * The billing queue's filters from the query string (`?provider=&payerType=&from=&to=&status=`),
 * each optional, checked once here; an empty value means "any".
 *
 * @module
 */
import { z } from 'zod';
import type { ReviewQueueFilters } from '../../contract/billing-review.ts';
import type { PayerType } from '../../contract/clinical-context.ts';
import { AppError } from '../../errors/app-error.ts';

export const PAYER_TYPES: readonly PayerType[] = ['medicare', 'medicaid', 'commercial', 'self-pay', 'other'];

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

const isoDate = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: `${label} must be a date (YYYY-MM-DD).` })
      .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date (YYYY-MM-DD).`)
      .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), `${label} is not a real date.`)
      .optional(),
  );

const filtersSchema = z
  .object({
    provider: z.preprocess(
      blankToUndefined,
      z.string({ error: 'Pick one provider.' }).trim().max(200, 'The provider name is too long.').optional(),
    ),
    payerType: z.preprocess(
      blankToUndefined,
      z
        .enum(PAYER_TYPES as [PayerType, ...PayerType[]], {
          error: `Payer must be one of ${PAYER_TYPES.join(', ')}.`,
        })
        .optional(),
    ),
    from: isoDate('From'),
    to: isoDate('To'),
    status: z.preprocess(
      blankToUndefined,
      z.enum(['pending', 'reviewed'], { error: 'Status must be pending or reviewed.' }).optional(),
    ),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, 'The From date is after the To date.');

/** The filters; AppError `bad_request` naming the first problem. */
export function parseQueueFilters(query: unknown): ReviewQueueFilters {
  const parsed = filtersSchema.safeParse(query);
  if (!parsed.success) throw new AppError('bad_request', parsed.error.issues[0]?.message ?? 'Bad filters.');
  const { provider, payerType, from, to, status } = parsed.data;
  return {
    ...(provider ? { provider } : {}),
    ...(payerType ? { payerType } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(status ? { status } : {}),
  };
}
