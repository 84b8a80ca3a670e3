import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('./eval-notes.ts', import.meta.url));
const run = promisify(execFile);
let dir: string;

const CSV =
  'dataset,encounter_id,dialogue,note\n' +
  'aci,T1,"[doctor] hi , how is the knee ?\n[patient] my right knee has hurt for two weeks , worse on stairs .\n' +
  '[doctor] any swelling ?\n[patient] a little .\n[doctor] let\'s get an x-ray and start ibuprofen 400 mg three times a day .",' +
  '"CHIEF COMPLAINT\n\nRight knee pain.\n\nASSESSMENT AND PLAN\n\nRight knee pain for 2 weeks. X-ray. Ibuprofen 400 mg three times a day."\n';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rp-eval-notes-'));
  await writeFile(join(dir, 'tiny.csv'), CSV);
  await writeFile(join(dir, 'bad.csv'), 'dataset,dialogue\naci,hi\n');
  await writeFile(
    join(dir, 'QUALITY.md'),
    '# Quality\n\n<!-- eval:notes results begin -->\n<!-- eval:notes results end -->\n',
  );
});
afterAll(() => rm(dir, { recursive: true }));

/** Runs server/cli/eval-notes.ts as a developer would, with no drafting settings in the environment. */
async function evalNotes(...args: string[]) {
  const env = { PATH: process.env.PATH };
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', entry, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('server/cli/eval-notes.ts', () => {
  it('drafts a tiny CSV and one fixture with the builtin provider and refreshes the results block', async () => {
    const md = join(dir, 'QUALITY.md');
    const result = await evalNotes(
      '--data',
      join(dir, 'tiny.csv'),
      '--fixtures',
      'orthopaedics-ankle-sprain',
      '--write',
      md,
    );
    expect(result.stderr).toContain('drafted 2/2 orthopaedics-ankle-sprain');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/provider builtin/);
    expect(result.stdout).toMatch(/ACI-Bench tiny\.csv: 1 notes drafted/);
    expect(result.stdout).toMatch(/orthopaedics-ankle-sprain\s+orthopaedic-injury\s+\d+\/15/);
    expect(await readFile(md, 'utf8')).toMatch(/provider `builtin`[\s\S]*\| copy of the transcript \|/);
  });

  it('prints JSON with --json', async () => {
    const result = await evalNotes('--data', join(dir, 'tiny.csv'), '--fixtures', 'none', '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { provider: string; aci: { rouge: { rouge1: number } } };
    expect(report.provider).toBe('builtin');
    expect(report.aci.rouge.rouge1).toBeGreaterThan(0);
  });

  it('exits 1 for a CSV without the ACI columns and for a provider that is not configured', async () => {
    const bad = await evalNotes('--data', join(dir, 'bad.csv'), '--fixtures', 'none');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/is missing the columns encounter_id, note/);
    const llama = await evalNotes('--data', join(dir, 'tiny.csv'), '--provider', 'llama-cpp');
    expect(llama.code).toBe(1);
    expect(llama.stderr).toMatch(/LLAMA_MODEL_PATH/);
    const unknown = await evalNotes('--data', join(dir, 'tiny.csv'), '--provider', 'gpt');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown provider gpt: use builtin, openai-compatible, llama-cpp/);
  });

  it('prints the usage for --help', async () => {
    const result = await evalNotes('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run eval:notes/);
  });
});
