/**
 * The identity of a drafting request for record/replay: the SHA-256 of canonical JSON (keys
 * sorted) of everything that decides the answer: provider, model, template id and version, input
 * kind, the segments (ids, offsets, speakers, text), the chart facts, and the version of the draft
 * schema. Change any of them and the recording no longer applies; reorder an object's keys and it
 * still does.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ProviderName } from '../../../contract/note-draft.ts';
import { providerDraftSchema } from '../../provider-draft-schema.ts';
import type { DraftRequest } from '../../provider.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Changes whenever the draft schema does, so recordings of an older shape are not replayed. */
export const DRAFT_SCHEMA_VERSION = sha256(JSON.stringify(z.toJSONSchema(providerDraftSchema))).slice(0, 16);

/** JSON with object keys sorted at every level and `undefined` members left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item: unknown) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, inner]) => inner !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
}

export function recordingKey(request: DraftRequest, provider: ProviderName, modelId?: string): string {
  return sha256(
    canonicalJson({
      provider,
      modelId,
      template: { id: request.template.id, version: request.template.version },
      inputKind: request.input.kind,
      segments: request.segments.map((s) => ({
        id: s.id,
        start: s.start,
        end: s.end,
        speaker: s.speaker,
        text: s.text,
      })),
      contextFacts: request.contextFacts.map((f) => ({ id: f.id, ref: f.ref, kind: f.kind, text: f.text })),
      schemaVersion: DRAFT_SCHEMA_VERSION,
    }),
  );
}
