import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLog } from '../../../observability/memory-log.ts';
import type { ProviderDraft } from '../../provider-draft-schema.ts';
import type { DraftingProvider, DraftRequest } from '../../provider.ts';
import { SEED_TEMPLATES } from '../../templates/seed-templates.ts';
import { canonicalJson, recordingKey } from './recording-key.ts';
import {
  createFileRecordingStore,
  createMemoryRecordingStore,
  type DraftRecording,
  type RecordingStore,
} from './recording-store.ts';
import { withRecordReplay } from './with-record-replay.ts';

const template = SEED_TEMPLATES[0]!;
const REQUEST: DraftRequest = {
  template,
  input: { kind: 'transcript', text: 'Patient: cough for 3 days' },
  segments: [{ id: 'u1', start: 9, end: 25, text: 'cough for 3 days', speaker: 'patient' }],
  contextFacts: [{ id: 'c1', ref: 'AllergyIntolerance/1', kind: 'allergy', text: 'Penicillin: hives' }],
};
const DRAFT: ProviderDraft = {
  sections: [{ key: 'hpi', sentences: [{ text: 'Cough for 3 days.', evidence: [{ segment: 'u1' }] }] }],
};

function countingProvider() {
  let calls = 0;
  const provider: DraftingProvider = {
    name: 'openai-compatible',
    draft: () => {
      calls++;
      return Promise.resolve({
        draft: DRAFT,
        model: 'gpt-test',
        usage: { promptTokens: 10, completionTokens: 5 },
      });
    },
  };
  return { provider, calls: () => calls };
}

describe('recordingKey', () => {
  it('is stable under key order and changes with anything that decides the answer', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
    const key = recordingKey(REQUEST, 'openai-compatible', 'gpt-test');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(recordingKey({ ...REQUEST }, 'openai-compatible', 'gpt-test')).toBe(key);
    const variants = [
      recordingKey(REQUEST, 'llama-cpp', 'gpt-test'),
      recordingKey(REQUEST, 'openai-compatible', 'gpt-other'),
      recordingKey({ ...REQUEST, template: { ...template, version: 2 } }, 'openai-compatible', 'gpt-test'),
      recordingKey(
        { ...REQUEST, input: { ...REQUEST.input, kind: 'dictation' } },
        'openai-compatible',
        'gpt-test',
      ),
      recordingKey(
        { ...REQUEST, segments: [{ ...REQUEST.segments[0]!, text: 'cough for 4 days' }] },
        'openai-compatible',
        'gpt-test',
      ),
      recordingKey({ ...REQUEST, contextFacts: [] }, 'openai-compatible', 'gpt-test'),
    ];
    expect(new Set([key, ...variants]).size).toBe(variants.length + 1);
  });
});

describe('withRecordReplay', () => {
  it('off: is the provider itself', () => {
    const { provider } = countingProvider();
    expect(withRecordReplay(provider, { mode: 'off', store: createMemoryRecordingStore() })).toBe(provider);
  });

  it('replay: answers from a recording when there is one, otherwise asks and records', async () => {
    const { provider, calls } = countingProvider();
    const store = createMemoryRecordingStore();
    const replaying = withRecordReplay(provider, { mode: 'replay', store, modelId: 'gpt-test' });
    const first = await replaying.draft(REQUEST);
    expect(first).toEqual({
      draft: DRAFT,
      model: 'gpt-test',
      usage: { promptTokens: 10, completionTokens: 5 },
      replayed: false,
    });
    const second = await replaying.draft(REQUEST);
    expect(second).toEqual({ ...first, replayed: true });
    expect(calls()).toBe(1);
    expect(replaying.name).toBe('openai-compatible');
  });

  it('record: always asks the provider and overwrites the recording', async () => {
    const { provider, calls } = countingProvider();
    const store = createMemoryRecordingStore();
    const recording = withRecordReplay(provider, {
      mode: 'record',
      store,
      now: () => new Date('2026-01-02T03:04:05Z'),
    });
    await recording.draft(REQUEST);
    const again = await recording.draft(REQUEST);
    expect(again.replayed).toBe(false);
    expect(calls()).toBe(2);
    expect(store.size).toBe(1);
    const saved = await store.get(recordingKey(REQUEST, 'openai-compatible'));
    expect(saved?.recordedAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('bypasses a store that fails, logging no content', async () => {
    const { provider, calls } = countingProvider();
    const broken: RecordingStore = {
      get: () => Promise.reject(new Error('disk says: cough for 3 days')),
      put: () => Promise.reject(new Error('disk full: cough for 3 days')),
    };
    const memory = createMemoryLog();
    const result = await withRecordReplay(provider, { mode: 'replay', store: broken, log: memory.log }).draft(
      REQUEST,
    );
    expect(result.draft).toEqual(DRAFT);
    expect(calls()).toBe(1);
    expect(memory.lines.map((l) => l.msg)).toEqual([
      'drafting recording unreadable; asking the provider',
      'drafting answer not recorded',
    ]);
    expect(memory.text()).not.toContain('cough');
  });
});

describe('file recording store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'recordings-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const recording = (key: string): DraftRecording => ({
    key,
    provider: 'llama-cpp',
    recordedAt: '2026-01-01T00:00:00.000Z',
    result: { draft: DRAFT, model: 'tiny.gguf' },
  });

  it('writes <key>.json readable by its owner only, atomically, and reads it back', async () => {
    const store = createFileRecordingStore(join(dir, 'nested'));
    const key = 'a'.repeat(64);
    expect(await store.get(key)).toBeUndefined();
    await store.put(recording(key));
    await store.put(recording(key));
    expect(await readdir(join(dir, 'nested'))).toEqual([`${key}.json`]);
    expect((await stat(join(dir, 'nested', `${key}.json`))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'nested'))).mode & 0o777).toBe(0o700);
    expect(await store.get(key)).toEqual(recording(key));
  });

  it('refuses keys that are not digests and recordings that do not parse', async () => {
    const store = createFileRecordingStore(dir);
    await expect(store.get('../../etc/passwd')).rejects.toThrow('SHA-256');
    await expect(store.put(recording('../x'))).rejects.toThrow('SHA-256');
    const key = 'b'.repeat(64);
    await writeFile(join(dir, `${key}.json`), '{"key": "cough for 3 days"');
    await expect(store.get(key)).rejects.toThrow(`recording ${key} is not readable`);
    await writeFile(join(dir, `${key}.json`), JSON.stringify(recording('c'.repeat(64))));
    await expect(store.get(key)).rejects.toThrow('not readable');
  });

  it('reports a read failure other than a missing file', async () => {
    const key = 'd'.repeat(64);
    await writeFile(join(dir, 'file'), '');
    await expect(createFileRecordingStore(join(dir, 'file')).get(key)).rejects.toThrow();
    await expect(createFileRecordingStore(join(dir, 'file')).put(recording(key))).rejects.toThrow();
  });

  it('leaves no temporary file behind when the rename fails', async () => {
    const key = 'e'.repeat(64);
    await mkdir(join(dir, `${key}.json`));
    await writeFile(join(dir, `${key}.json`, 'inside'), 'x');
    await expect(createFileRecordingStore(dir).put(recording(key))).rejects.toThrow();
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
