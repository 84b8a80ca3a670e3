import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NoteDraft } from '../../contract/note-draft.ts';
import { AppError } from '../../errors/app-error.ts';
import { patientFixtures } from '../../../fhir-fixtures/patients/index.ts';
import { runEvalCli, type EvalCliDeps } from './eval-cli.ts';
import { RESULTS_BEGIN, RESULTS_END } from './results-block.ts';
import type { DraftFn } from './run-eval.ts';

const CSV =
  'dataset,encounter_id,dialogue,note\n' +
  'aci,D1,"[doctor] your knee pain\n[patient] it hurts","ASSESSMENT AND PLAN\n\nKnee pain."\n' +
  'aci,D2,"[doctor] and the cough","ASSESSMENT AND PLAN\n\nCough."\n';

const echo: DraftFn = ({ input }) =>
  Promise.resolve<NoteDraft>({
    sections: [
      {
        key: 'hpi',
        title: 'HISTORY OF PRESENT ILLNESS',
        sentences: [{ id: 's-1', text: input.text, evidence: [], flags: [], origin: 'model' }],
      },
    ],
    nothingToDocument: false,
    provider: 'builtin',
    replayed: false,
    generatedAt: '2025-03-10T15:00:00.000Z',
  });

function harness(overrides: Partial<EvalCliDeps> = {}) {
  const files = new Map<string, string>([
    ['/data/valid.csv', CSV],
    ['/docs/QUALITY.md', `# Quality\n\n${RESULTS_BEGIN}\nold numbers\n${RESULTS_END}\n\nLimits.\n`],
  ]);
  const out: string[] = [];
  const err: string[] = [];
  const providers: string[] = [];
  const deps: EvalCliDeps = {
    provider: (name) => {
      providers.push(name);
      if (name !== 'builtin') throw new AppError('model_unavailable', `${name} is not configured.`);
      return { label: 'builtin', draft: echo };
    },
    fixtures: patientFixtures,
    defaultDataPath: '/data/valid.csv',
    out: (text) => out.push(text),
    err: (line) => err.push(line),
    readFile: (file) => {
      const text = files.get(file);
      return text === undefined ? Promise.reject(new Error(`ENOENT: ${file}`)) : Promise.resolve(text);
    },
    writeFile: (file, text) => {
      files.set(file, text);
      return Promise.resolve();
    },
    now: () => new Date('2025-03-10T15:00:00Z'),
    clock: () => 0,
    ...overrides,
  };
  return { deps, files, out, err, providers };
}

describe('runEvalCli', () => {
  it('drafts the default data with builtin and prints the table, progress on stderr', async () => {
    const h = harness();
    expect(await runEvalCli(['--fixtures', 'none'], h.deps)).toBe(0);
    expect(h.providers).toEqual(['builtin']);
    const table = h.out.join('\n');
    expect(table).toMatch(/Note-drafting evaluation, 2025-03-10, provider builtin/);
    expect(table).toMatch(/ACI-Bench valid\.csv: 2 notes drafted/);
    expect(table).toMatch(/transcript copy \(baseline\)/);
    expect(table).toMatch(/Failed drafts: none/);
    expect(h.err).toEqual(['drafted 1/2 D1', 'drafted 2/2 D2']);
  });

  it('prints the report as JSON, limits rows and picks fixtures by key', async () => {
    const h = harness();
    const code = await runEvalCli(
      ['--json', '--limit', '1', '--fixtures', 'orthopaedics-ankle-sprain', '--data', '/data/valid.csv'],
      h.deps,
    );
    expect(code).toBe(0);
    const report = JSON.parse(h.out.join('')) as {
      aci: { count: number };
      fixtures: { visits: { key: string; recalled: number; total: number }[] };
    };
    expect(report.aci.count).toBe(1);
    expect(report.fixtures.visits.map((v) => v.key)).toEqual(['orthopaedics-ankle-sprain']);
    // The echoed transcript holds every key fact of this visit.
    expect(report.fixtures.visits[0]).toMatchObject({ recalled: 15, total: 15 });
  });

  it('refreshes the results block of a Markdown file and leaves the rest alone', async () => {
    const h = harness();
    expect(await runEvalCli(['--fixtures', 'none', '--write', '/docs/QUALITY.md'], h.deps)).toBe(0);
    const doc = h.files.get('/docs/QUALITY.md')!;
    expect(doc).toMatch(/^# Quality\n\n<!-- eval:notes results begin -->\nRun 2025-03-10/);
    expect(doc).not.toMatch(/old numbers/);
    expect(doc).toMatch(/\| copy of the transcript \|/);
    expect(doc).toMatch(/<!-- eval:notes results end -->\n\nLimits\.\n$/);
    expect(h.err.at(-1)).toBe('wrote the results block of /docs/QUALITY.md');
  });

  it('exits 1 with the reason for a provider that is not available, a missing file or a bad CSV', async () => {
    let h = harness();
    expect(await runEvalCli(['--provider', 'openai-compatible'], h.deps)).toBe(1);
    expect(h.err).toEqual(['error: openai-compatible is not configured.']);

    h = harness();
    expect(await runEvalCli(['--data', '/nope.csv'], h.deps)).toBe(1);
    expect(h.err).toEqual(['error: ENOENT: /nope.csv']);

    h = harness();
    h.files.set('/data/valid.csv', 'dataset,dialogue\naci,hi\n');
    expect(await runEvalCli([], h.deps)).toBe(1);
    expect(h.err[0]).toMatch(/^error: \/data\/valid\.csv is missing the columns encounter_id, note/);

    h = harness({
      provider: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a non-Error throw is the case under test
        throw 'not an error';
      },
    });
    expect(await runEvalCli([], h.deps)).toBe(1);
    expect(h.err).toEqual(['error: not an error']);
  });

  it('exits 1 and writes nothing when a draft fails, whatever the scores', async () => {
    const h = harness({
      provider: () => ({
        label: 'flaky',
        draft: () => Promise.reject(new AppError('model_timeout', 'slow')),
      }),
    });
    expect(await runEvalCli(['--fixtures', 'none', '--write', '/docs/QUALITY.md'], h.deps)).toBe(1);
    expect(h.out.join('\n')).toMatch(/Failed drafts: D1 \(model_timeout\), D2 \(model_timeout\)/);
    expect(h.err.at(-1)).toBe('error: 2 draft(s) failed; nothing written.');
    expect(h.files.get('/docs/QUALITY.md')).toMatch(/old numbers/);
  });

  it('exits 1 when the Markdown file has no results block', async () => {
    const h = harness();
    h.files.set('/docs/QUALITY.md', '# Quality\n');
    expect(await runEvalCli(['--fixtures', 'none', '--write', '/docs/QUALITY.md'], h.deps)).toBe(1);
    expect(h.err.at(-1)).toMatch(/has no results block: add the lines <!-- eval:notes results begin -->/);
  });

  it('exits 2 with the usage on a mistake, and prints the usage for --help', async () => {
    for (const argv of [['--bogus'], ['--fixtures', 'nope'], ['--limit', 'x'], ['--limit', '-1']]) {
      const h = harness();
      expect(await runEvalCli(argv, h.deps)).toBe(2);
      expect(h.err[0]).toMatch(/^error: /);
      expect(h.err[1]).toMatch(/^Usage: npm run eval:notes/);
    }
    const h = harness();
    expect(await runEvalCli(['--help'], h.deps)).toBe(0);
    expect(h.out[0]).toMatch(/^Usage: npm run eval:notes/);
    expect(h.providers).toEqual([]);
  });
});

describe('runEvalCli on disk', () => {
  it('reads the CSV and rewrites the Markdown file through the file system by default', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'eval-cli-'));
    const csv = path.join(dir, 'tiny.csv');
    const md = path.join(dir, 'QUALITY.md');
    await writeFile(csv, CSV);
    await writeFile(md, `${RESULTS_BEGIN}\n${RESULTS_END}\n`);
    const { deps } = harness();
    const onDisk: EvalCliDeps = {
      provider: deps.provider,
      fixtures: [],
      defaultDataPath: csv,
      out: deps.out,
      err: deps.err,
    };
    expect(await runEvalCli(['--data', csv, '--fixtures', 'none', '--write', md], onDisk)).toBe(0);
    expect(await readFile(md, 'utf8')).toMatch(/tiny\.csv\*\* \(2 notes/);
  });
});
