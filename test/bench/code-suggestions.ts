/**
 * Code suggestions for a 2,500-word visit: the coding document, diagnoses, E/M facts and level,
 * HCC flags and findings, as `npm run codes:suggest` runs them (budget 50 ms median on one core,
 * the target; DESIGN.md §7 counts draft + codes together). The visit is the fixture
 * transcripts end to end, as in the drafting benchmark, with the seed code set and HCC map.
 *
 * @module
 */
import { assembleSuggestions } from '../../server/coding/assemble-suggestions.ts';
import { SEED_ICD10CM } from '../../server/coding/code-sets/seed-icd10cm.ts';
import { suggestDiagnoses } from '../../server/coding/diagnoses/suggest-diagnoses.ts';
import { codingDocument } from '../../server/coding/document/coding-document.ts';
import { seedHccModelData } from '../../server/coding/hcc/seed-hcc.ts';
import { longTranscript } from './draft-builtin.ts';
import { percentile, type BenchResult } from './result.ts';

export function measureCodeSuggestions(iterations = 200, warmup = 20): BenchResult[] {
  const text = longTranscript();
  const byCode = new Map(SEED_ICD10CM.map((c) => [c.code, c]));
  const lookup = { get: (code: string) => byCode.get(code) };
  const hccModel = seedHccModelData();
  const now = new Date();
  // A distinct text per run (a marker word on every line), so no per-sentence cache carries over.
  const texts = Array.from({ length: warmup + iterations }, (_, i) => text.replace(/\n/g, ` r${i}\n`));
  const once = (runText: string) => {
    const doc = codingDocument({ input: { kind: 'transcript', text: runText } });
    return assembleSuggestions({
      doc,
      release: 'seed',
      diagnoses: suggestDiagnoses(doc, lookup),
      request: {},
      hccModel,
      priorNotes: [],
      draftVersion: 0,
      now,
    });
  };
  for (let i = 0; i < warmup; i++) once(texts[i]!);
  const samples: number[] = [];
  for (let i = warmup; i < texts.length; i++) {
    const start = performance.now();
    once(texts[i]!);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const words = text.split(/\s+/).filter(Boolean).length;
  return [
    {
      name: `code suggestions, ${words}-word visit p50`,
      value: percentile(samples, 50),
      unit: 'ms',
      budget: 50,
    },
    { name: `code suggestions, ${words}-word visit p99`, value: percentile(samples, 99), unit: 'ms' },
  ];
}
