import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DraftingConfig } from '../config/config.ts';
import { createMemoryLog } from '../observability/memory-log.ts';
import { draftNote } from './draft-note.ts';
import { providersFromConfig } from './providers-from-config.ts';
import { SEED_TEMPLATES } from './templates/seed-templates.ts';

const base: DraftingConfig = {
  defaultProvider: 'builtin',
  maxInputChars: 100_000,
  recording: 'off',
  recordingsDir: '/nonexistent',
};
const log = createMemoryLog().log;
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const input = {
  kind: 'transcript' as const,
  text: 'DOCTOR: What brings you in?\nPATIENT: I have had a sore throat for two days and a fever of 101.',
};

describe('providersFromConfig', () => {
  it('offers builtin always and says how to turn the others on', async () => {
    const options = await providersFromConfig(base, { log }).options(100_000);
    expect(options.replay.enabled).toBe(false);
    expect(options.providers.map((p) => [p.name, p.available])).toEqual([
      ['builtin', true],
      ['openai-compatible', false],
      ['llama-cpp', false],
    ]);
    expect(options.providers[1]?.reason).toMatch(/OPENAI_BASE_URL/);
    expect(options.providers[2]?.reason).toMatch(/npm install node-llama-cpp/);
  });

  it('offers a configured model server and checks a local model file before offering it', async () => {
    const providers = providersFromConfig(
      {
        ...base,
        openai: { baseUrl: 'http://127.0.0.1:9/v1', model: 'm', timeoutMs: 1_000, maxRetries: 0 },
        llamaModelPath: '/nonexistent/model.gguf',
      },
      { log },
    );
    const options = await providers.options(100_000);
    expect(options.providers[1]).toEqual({ name: 'openai-compatible', available: true });
    expect(options.providers[2]).toMatchObject({ name: 'llama-cpp', available: false });
    expect(options.providers[2]?.reason).toMatch(/model\.gguf was not found/);
    expect(providers.get('openai-compatible').name).toBe('openai-compatible');
  });

  it('replays a recorded answer only when the request opts in, and marks it replayed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rp-recordings-'));
    dirs.push(dir);
    const providers = providersFromConfig({ ...base, recording: 'replay', recordingsDir: dir }, { log });
    expect((await providers.options(1)).replay.enabled).toBe(true);
    const template = SEED_TEMPLATES[0]!;
    const first = await draftNote(providers.get('builtin', { replay: true }), { template, input });
    expect(first.replayed).toBe(false);
    expect(await readdir(dir)).toHaveLength(1);
    const second = await draftNote(providers.get('builtin', { replay: true }), { template, input });
    expect(second.replayed).toBe(true);
    expect(second.sections).toEqual(first.sections);
    const plain = await draftNote(providers.get('builtin'), { template, input });
    expect(plain.replayed).toBe(false);
  });

  it('records every answer in record mode', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rp-recordings-'));
    dirs.push(dir);
    const providers = providersFromConfig({ ...base, recording: 'record', recordingsDir: dir }, { log });
    await draftNote(providers.get('builtin'), { template: SEED_TEMPLATES[0]!, input });
    expect(await readdir(dir)).toHaveLength(1);
  });
});
