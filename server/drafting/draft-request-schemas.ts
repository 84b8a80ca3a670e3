/**
 * The drafting API's request bodies, validated at the boundary; the types in
 * `server/contract/note-draft.ts` are what these schemas accept.
 *
 * @module
 */
import { z } from 'zod';
import type { GenerateDraftRequest, SaveDraftRequest } from '../contract/note-draft.ts';
import { AppError } from '../errors/app-error.ts';

const inputSchema = z.object({
  kind: z.enum(['transcript', 'dictation', 'bullets']),
  // The size limit is the server's setting, checked with a message that gives both numbers.
  text: z.string(),
});

const templateId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a template id');

const generateSchema = z.strictObject({
  templateId,
  input: inputSchema,
  baseVersion: z.number().int().min(0).optional(),
  provider: z.enum(['builtin', 'openai-compatible', 'llama-cpp']).optional(),
  replay: z.boolean().optional(),
});

const saveSchema = z.strictObject({
  baseVersion: z.number().int().min(0),
  input: inputSchema.optional(),
  templateId: templateId.optional(),
  sections: z
    .array(
      z.strictObject({
        key: z.string().min(1).max(64),
        sentences: z
          .array(z.strictObject({ id: z.string().min(1).max(64), text: z.string().max(2_000) }))
          .max(500),
      }),
    )
    .max(40)
    .optional(),
  status: z.enum(['draft', 'ready_to_sign']).optional(),
});

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` (${first.path.join('.')}: ${first.message})` : '';
    throw new AppError('bad_request', `The ${what} request is not valid${where}.`);
  }
  return parsed.data;
}

export const parseGenerateRequest = (body: unknown): GenerateDraftRequest =>
  parse(generateSchema, body, 'draft');

export const parseSaveRequest = (body: unknown): SaveDraftRequest => parse(saveSchema, body, 'save');
