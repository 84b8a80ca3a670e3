/**
 * From a model's raw answer to a validated `ProviderDraft`, or to the list of problems a repair
 * prompt sends back. Models wrap JSON in things: reasoning blocks (`<think>…</think>`, also
 * `<thinking>` and `<reasoning>`, or only a closing tag when the chat template opened it),
 * Markdown fences, a sentence of prose before the `{`. Those are stripped; anything else wrong is a
 * problem, never silently patched. Problems name paths and rules only, never the text itself, so
 * they are safe to log as counts and to show the model.
 *
 * @module
 */
import { providerDraftSchema, type ProviderDraft } from '../provider-draft-schema.ts';

const REASONING_TAGS = ['think', 'thinking', 'reasoning'] as const;

/** Removes reasoning blocks; an unclosed one (the answer was cut off inside it) removes the rest. */
export function stripReasoning(text: string): string {
  let out = text;
  for (const tag of REASONING_TAGS) {
    out = out.replace(new RegExp(`<${tag}>[\\s\\S]*?</${tag}>`, 'gi'), '');
    // A chat template may open the block itself, so only the closing tag reaches us.
    const close = new RegExp(`^[\\s\\S]*?</${tag}>`, 'i');
    out = out.replace(close, '');
    const open = out.search(new RegExp(`<${tag}>`, 'i'));
    if (open >= 0) out = out.slice(0, open);
  }
  return out;
}

/** The JSON object inside an answer: reasoning, fences and prose before and after removed. */
export function extractJsonText(text: string): string {
  let out = stripReasoning(text).trim();
  const fenced = /```(?:json)?\s*([\s\S]*?)(?:```|$)/i.exec(out);
  if (fenced?.[1] !== undefined && fenced[1].includes('{')) out = fenced[1].trim();
  const first = out.indexOf('{');
  if (first < 0) return out;
  const last = out.lastIndexOf('}');
  return last > first ? out.slice(first, last + 1) : out.slice(first);
}

export type ParsedDraft =
  | { readonly ok: true; readonly draft: ProviderDraft }
  | { readonly ok: false; readonly problems: readonly string[] };

/** `quote: null` is how strict-mode schemas say "no quote"; the provider schema says it by absence. */
function dropNullQuotes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNullQuotes);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'quote' && inner === null) continue;
    out[key] = dropNullQuotes(inner);
  }
  return out;
}

/**
 * Parses and validates one answer. `sectionKeys` are the keys this call asked for; a section with
 * another key is a problem (the model drifted), as is a key given twice.
 */
export function parseModelDraft(text: string, sectionKeys: readonly string[]): ParsedDraft {
  const jsonText = extractJsonText(text);
  let value: unknown;
  try {
    value = JSON.parse(jsonText);
  } catch {
    // The parser's message quotes the text, so it is not passed on.
    return { ok: false, problems: ['The answer is not valid JSON: one JSON object, nothing around it.'] };
  }
  const result = providerDraftSchema.safeParse(dropNullQuotes(value));
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 20)
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`);
    return { ok: false, problems };
  }
  const allowed = new Set(sectionKeys);
  const seen = new Set<string>();
  const problems: string[] = [];
  result.data.sections.forEach((section, index) => {
    if (!allowed.has(section.key)) {
      problems.push(`sections.${index}.key: must be one of ${sectionKeys.join(', ')}`);
    } else if (seen.has(section.key)) {
      problems.push(`sections.${index}.key: section ${section.key} appears twice`);
    }
    seen.add(section.key);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, draft: result.data };
}
