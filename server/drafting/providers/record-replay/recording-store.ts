/**
 * Where recorded provider answers are kept: one `<key>.json` file per request in a directory, or
 * memory for tests. Recordings hold what the model wrote about a patient, so in production they
 * are PHI: the directory is created 0700 and files 0600, writes are atomic (a temporary file
 * renamed into place, so a crash never leaves half a recording), and recordings of real visits
 * must never be committed or copied off the server. Record fixtures from synthetic transcripts.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { providerDraftSchema } from '../../provider-draft-schema.ts';

const recordingSchema = z.object({
  key: z.string().regex(/^[0-9a-f]{64}$/),
  provider: z.enum(['builtin', 'openai-compatible', 'llama-cpp']),
  recordedAt: z.string(),
  result: z.object({
    draft: providerDraftSchema,
    model: z.string().optional(),
    usage: z.object({ promptTokens: z.number(), completionTokens: z.number() }).optional(),
  }),
});

export type DraftRecording = z.infer<typeof recordingSchema>;

export interface RecordingStore {
  get(key: string): Promise<DraftRecording | undefined>;
  put(recording: DraftRecording): Promise<void>;
}

const KEY = /^[0-9a-f]{64}$/;

function checkKey(key: string): void {
  // Keys become file names: anything but a SHA-256 hex digest could walk out of the directory.
  if (!KEY.test(key)) throw new Error('recording key must be a SHA-256 hex digest');
}

export function createMemoryRecordingStore(): RecordingStore & { readonly size: number } {
  const recordings = new Map<string, DraftRecording>();
  return {
    get: (key) => Promise.resolve(structuredClone(recordings.get(key))),
    put: (recording) => {
      checkKey(recording.key);
      recordings.set(recording.key, structuredClone(recording));
      return Promise.resolve();
    },
    get size() {
      return recordings.size;
    },
  };
}

export function createFileRecordingStore(dir: string): RecordingStore {
  const path = (key: string) => join(dir, `${key}.json`);
  return {
    async get(key) {
      checkKey(key);
      let text: string;
      try {
        text = await readFile(path(key), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        value = undefined; // the parser's message would quote the recording
      }
      const parsed = recordingSchema.safeParse(value);
      if (!parsed.success || parsed.data.key !== key) throw new Error(`recording ${key} is not readable`);
      return parsed.data;
    },
    async put(recording) {
      checkKey(recording.key);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const temp = join(dir, `.${recording.key}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        await writeFile(temp, `${JSON.stringify(recording, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
        await rename(temp, path(recording.key));
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
    },
  };
}
