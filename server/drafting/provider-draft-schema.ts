/**
 * The one schema for what any drafting provider returns, used three ways: to validate every
 * answer (a model's JSON included), as the JSON schema sent to OpenAI-compatible servers, and as
 * the grammar for llama.cpp. Citations are ids the request handed out: input segments (`u12`,
 * optionally narrowed by a verbatim `quote` inside that segment) and chart facts (`c3`).
 *
 * @module
 */
import { z } from 'zod';

export const evidenceCitationSchema = z.union([
  z.object({
    segment: z.string().regex(/^u\d+$/, 'must be an input segment id such as u12'),
    /** Verbatim words inside that segment, to narrow the span; the whole segment when absent. */
    quote: z.string().max(2_000).optional(),
  }),
  z.object({ fact: z.string().regex(/^c\d+$/, 'must be a chart fact id such as c3') }),
]);

export const providerSentenceSchema = z.object({
  text: z.string().min(1).max(2_000),
  evidence: z.array(evidenceCitationSchema).max(20),
});

export const providerSectionSchema = z.object({
  /** A key of the request's template. */
  key: z.string().min(1).max(64),
  sentences: z.array(providerSentenceSchema).max(200),
});

export const providerDraftSchema = z.object({
  sections: z.array(providerSectionSchema).max(40),
});

export type EvidenceCitation = z.infer<typeof evidenceCitationSchema>;
export type ProviderSentence = z.infer<typeof providerSentenceSchema>;
export type ProviderSection = z.infer<typeof providerSectionSchema>;
export type ProviderDraft = z.infer<typeof providerDraftSchema>;
