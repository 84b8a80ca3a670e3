import { describe, expect, it } from 'vitest';
import { draftJsonSchema, type JsonSchemaObject } from './draft-json-schema.ts';

/** Every object schema, anywhere in the tree. */
function objects(node: unknown, out: JsonSchemaObject[] = []): JsonSchemaObject[] {
  if (Array.isArray(node)) node.forEach((n) => objects(n, out));
  else if (node && typeof node === 'object') {
    const o = node as JsonSchemaObject;
    if (o.type === 'object') out.push(o);
    Object.values(o).forEach((v) => objects(v, out));
  }
  return out;
}

describe('draftJsonSchema', () => {
  it('openai-strict: every property required, no extra properties, no limits, quote nullable', () => {
    const schema = draftJsonSchema(['hpi', 'exam'], 'openai-strict');
    const text = JSON.stringify(schema);
    for (const o of objects(schema)) {
      expect(o.additionalProperties).toBe(false);
      expect(o.required).toEqual(Object.keys(o.properties as object));
    }
    for (const word of ['$schema', 'minLength', 'maxLength', 'maxItems', 'oneOf'])
      expect(text).not.toContain(word);
    expect(text).toContain('"pattern":"^u\\\\d+$"');
    expect(text).toContain('"quote":{"type":["string","null"]}');
    expect(text).toContain('"key":{"type":"string","enum":["hpi","exam"]}');
  });

  it('gbnf: oneOf instead of anyOf, no pattern', () => {
    const text = JSON.stringify(draftJsonSchema(['hpi'], 'gbnf'));
    expect(text).toContain('"oneOf"');
    expect(text).not.toContain('"anyOf"');
    expect(text).not.toContain('"pattern"');
  });

  it('does not share state between calls', () => {
    draftJsonSchema(['a'], 'gbnf');
    expect(JSON.stringify(draftJsonSchema(['b'], 'openai-strict'))).toContain('"enum":["b"]');
  });
});
