import { describe, expect, it } from 'vitest';
import type { EncounterCodeSuggestions } from '../contract/coding.ts';
import { runCodesSuggestCli } from './codes-suggest-cli.ts';

const TRANSCRIPT = [
  'DOCTOR: What brings you in?',
  'PATIENT: A cough for five days and a fever.',
  'DOCTOR: Your exam fits acute bronchitis. Rest, fluids and honey; no antibiotics are needed.',
  'DOCTOR: Do you still smoke a pack a day?',
  'PATIENT: Yes.',
  'DOCTOR: Quitting is the best thing you can do; I will start a nicotine patch.',
].join('\n');

function run(argv: string[], files: Record<string, string> = { 'visit.txt': TRANSCRIPT }) {
  const out: string[] = [];
  const err: string[] = [];
  const done = runCodesSuggestCli(argv, {
    out: (t) => out.push(t),
    err: (l) => err.push(l),
    readFile: (path) =>
      files[path] !== undefined ? Promise.resolve(files[path]) : Promise.reject(new Error(`ENOENT: ${path}`)),
    now: () => new Date('2026-11-25T15:00:00Z'),
  });
  return done.then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('npm run codes:suggest', () => {
  it('prints diagnoses with evidence and confidence, the E/M level with its MDM reasoning, and services', async () => {
    const { code, out } = await run(['visit.txt', '--payer', 'medicaid', '--minutes', '25']);
    expect(code).toBe(0);
    const result = JSON.parse(out) as EncounterCodeSuggestions;
    expect(result.release).toBe('seed');
    expect(result.diagnoses.map((d) => d.code)).toEqual(['J20.9', 'F17.210', 'Z71.6']);
    expect(result.diagnoses[0]?.evidence[0]).toMatchObject({ kind: 'input', quote: 'acute bronchitis' });
    expect(result.em.mdm.problems.reasoning.length).toBeGreaterThan(0);
    // 25 minutes are not stated in the transcript: the finding says so.
    expect(result.findings.map((f) => f.kind)).toContain('time_without_statement');
  });

  it('codes a draft printed by npm run draft from its text', async () => {
    const draft = JSON.stringify({
      sections: [
        {
          key: 'assessment_plan',
          title: 'Assessment and plan',
          sentences: [
            {
              id: 's1',
              text: 'You have acute bronchitis; rest and fluids.',
              evidence: [],
              flags: [],
              origin: 'model',
            },
          ],
        },
      ],
    });
    const { code, out } = await run(['draft.json'], { 'draft.json': draft });
    expect(code).toBe(0);
    expect((JSON.parse(out) as EncounterCodeSuggestions).diagnoses.map((d) => d.code)).toEqual(['J20.9']);
  });

  it('refuses bad usage with exit code 2 and a missing file with 1', async () => {
    expect((await run([])).code).toBe(2);
    const payer = await run(['visit.txt', '--payer', 'barter']);
    expect(payer.code).toBe(2);
    expect(payer.err).toContain('payerType');
    const missing = await run(['nope.txt']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('ENOENT');
    expect((await run(['--help'])).out).toContain('Usage: npm run codes:suggest');
  });
});
