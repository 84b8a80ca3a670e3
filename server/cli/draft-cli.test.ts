import { describe, expect, it } from 'vitest';
import { patientFixtures } from '../../fhir-fixtures/patients/index.ts';
import type { NoteDraft } from '../contract/note-draft.ts';
import { createDraftingProviders } from '../drafting/drafting-providers.ts';
import type { DraftingProvider, DraftRequest } from '../drafting/provider.ts';
import { runDraftCli } from './draft-cli.ts';

const fixture = patientFixtures[0]!;
const files: Record<string, string> = {
  'visit.txt': 'DOCTOR: How is the cough?\nPATIENT: The cough started five days ago and is worse at night.',
  'chart.json': JSON.stringify(fixture.bundle('2026-11-25')),
  'not-a-bundle.json': JSON.stringify({ resourceType: 'Patient', id: 'p' }),
};

function setup() {
  const seen: DraftRequest[] = [];
  const provider: DraftingProvider = {
    name: 'builtin',
    draft: (request) => {
      seen.push(request);
      return Promise.resolve({
        draft: {
          sections: [
            {
              key: 'hpi',
              sentences: [{ text: 'Cough for 5 days, worse at night.', evidence: [{ segment: 'u2' }] }],
            },
          ],
        },
      });
    },
  };
  const out: string[] = [];
  const err: string[] = [];
  const deps = {
    providers: createDraftingProviders('builtin', {
      builtin: { available: true, plain: provider },
      'openai-compatible': { available: false, reason: 'No model server is configured.' },
      'llama-cpp': { available: false, reason: 'No local model is configured.' },
    }),
    maxInputChars: 10_000,
    out: (text: string) => out.push(text),
    err: (line: string) => err.push(line),
    readFile: (path: string) => {
      const text = files[path];
      return text === undefined
        ? Promise.reject(Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' }))
        : Promise.resolve(text);
    },
    now: () => new Date('2026-11-25T12:00:00Z'),
  };
  return { deps, out, err, seen };
}

describe('npm run draft', () => {
  it('prints the draft as JSON with evidence and flags', async () => {
    const { deps, out, seen } = setup();
    expect(await runDraftCli(['visit.txt'], deps)).toBe(0);
    const note = JSON.parse(out.join('')) as NoteDraft;
    const hpi = note.sections.find((s) => s.key === 'hpi')!;
    expect(hpi.sentences[0]).toMatchObject({
      text: 'Cough for 5 days, worse at night.',
      flags: [],
      evidence: [{ kind: 'input', speaker: 'patient' }],
    });
    expect(seen[0]?.template.id).toBe('soap-progress');
    expect(seen[0]?.contextFacts).toEqual([]);
  });

  it('reads the chart from a bundle and takes the template, kind and text format', async () => {
    const { deps, out, seen } = setup();
    const code = await runDraftCli(
      [
        'visit.txt',
        '--patient',
        'chart.json',
        '--encounter',
        fixture.encounterId,
        '--template',
        'diabetes-follow-up',
        '--kind',
        'dictation',
        '--format',
        'text',
      ],
      deps,
    );
    expect(code).toBe(0);
    expect(seen[0]?.template.id).toBe('diabetes-follow-up');
    expect(seen[0]?.input.kind).toBe('dictation');
    expect(seen[0]?.contextFacts.some((f) => f.kind === 'medication')).toBe(true);
    expect(out.join('')).toContain('HISTORY OF PRESENT ILLNESS');
  });

  it('explains usage mistakes with exit code 2', async () => {
    for (const argv of [
      [],
      ['visit.txt', '--template', 'nope'],
      ['visit.txt', '--kind', 'audio'],
      ['visit.txt', '--provider', 'gpt'],
      ['visit.txt', '--format', 'xml'],
      ['--bogus'],
    ]) {
      const { deps, err } = setup();
      expect(await runDraftCli(argv, deps), argv.join(' ')).toBe(2);
      expect(err.join('\n')).toMatch(/^error: /);
    }
  });

  it('fails with a message for a missing file, a bad bundle or an unavailable provider', async () => {
    for (const [argv, message] of [
      [['missing.txt'], /ENOENT/],
      [['visit.txt', '--patient', 'not-a-bundle.json'], /not a FHIR R4 Bundle/],
      [['visit.txt', '--provider', 'openai-compatible'], /No model server is configured/],
    ] as const) {
      const { deps, err } = setup();
      expect(await runDraftCli(argv, deps)).toBe(1);
      expect(err.join('\n')).toMatch(message);
    }
  });

  it('prints help', async () => {
    const { deps, out } = setup();
    expect(await runDraftCli(['--help'], deps)).toBe(0);
    expect(out.join('')).toMatch(/Usage: npm run draft/);
  });
});
