/**
 * The JSON schema a model is asked to fill, derived from the one `providerDraftSchema` so the two
 * cannot drift. Model servers accept only a subset of JSON Schema, so this adapts it per dialect:
 * - `openai-strict` (OpenAI structured outputs, also vLLM, llama.cpp server, Ollama): every
 *   property required (`quote` becomes nullable instead of optional), `additionalProperties:
 *   false`, no length or count limits (strict mode rejects them), `pattern` kept;
 * - `gbnf` (node-llama-cpp's grammar): `oneOf` instead of `anyOf`, no `pattern`.
 * Both narrow section `key` to the template keys of the call. The answer is validated against
 * `providerDraftSchema` anyway ({@link ./model-output.ts}); the wire schema only guides decoding.
 *
 * @module
 */
import { z } from 'zod';
import { providerDraftSchema } from '../provider-draft-schema.ts';

export type SchemaDialect = 'openai-strict' | 'gbnf';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonSchemaObject = { [key: string]: Json };

/** Keywords no target accepts in strict mode; limits are enforced by validation instead. */
const DROPPED_EVERYWHERE = new Set(['$schema', 'minLength', 'maxLength', 'minItems', 'maxItems']);

function adapt(node: Json, dialect: SchemaDialect): Json {
  if (Array.isArray(node)) return node.map((item) => adapt(item, dialect));
  if (node === null || typeof node !== 'object') return node;
  const out: JsonSchemaObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_EVERYWHERE.has(key)) continue;
    if (dialect === 'gbnf' && key === 'pattern') continue;
    const name = dialect === 'gbnf' && key === 'anyOf' ? 'oneOf' : key;
    out[name] = adapt(value, dialect);
  }
  if (out.type === 'object' && isObject(out.properties)) {
    const props = out.properties;
    const required = new Set(Array.isArray(out.required) ? out.required : []);
    for (const [name, schema] of Object.entries(props)) {
      // Optional becomes required-but-nullable: strict mode wants every property listed.
      if (!required.has(name) && isObject(schema)) props[name] = nullable(schema);
    }
    out.required = Object.keys(props);
    out.additionalProperties = false;
  }
  return out;
}

function isObject(value: Json | undefined): value is JsonSchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function nullable(schema: JsonSchemaObject): JsonSchemaObject {
  const type = schema.type;
  if (typeof type === 'string') return { ...schema, type: [type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

let baseSchema: JsonSchemaObject | undefined;

function base(): JsonSchemaObject {
  baseSchema ??= z.toJSONSchema(providerDraftSchema) as JsonSchemaObject;
  return baseSchema;
}

/**
 * The schema for one model call: `sections[].key` limited to `sectionKeys` (the template's keys,
 * or the subset this call drafts).
 */
export function draftJsonSchema(sectionKeys: readonly string[], dialect: SchemaDialect): JsonSchemaObject {
  const schema = structuredClone(base());
  const sections = schema.properties as JsonSchemaObject;
  const sectionItems = (sections.sections as JsonSchemaObject).items as JsonSchemaObject;
  const sectionProps = sectionItems.properties as JsonSchemaObject;
  sectionProps.key = { type: 'string', enum: [...sectionKeys] };
  return adapt(schema, dialect) as JsonSchemaObject;
}
