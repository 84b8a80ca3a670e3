/**
 * E/M fact extraction alone for a 2,500-word visit (the fixture transcripts end to end, with a
 * chart): `extractEmFacts` on a coding document built beforehand, each run on fresh text so the
 * per-sentence caches cannot carry over (no budget of its own: it is part of the 50 ms the
 * whole code suggestion pipeline may take, measured in code-suggestions.ts).
 *
 * @module
 */
import { patientFixtures } from '../../fhir-fixtures/patients/index.ts';
import { codingDocument } from '../../server/coding/document/coding-document.ts';
import { extractEmFacts } from '../../server/coding/em-facts/extract-em-facts.ts';
import { fixtureCase } from '../../server/drafting/eval/fixture-cases.ts';
import { longTranscript } from './draft-builtin.ts';
import { percentile, type BenchResult } from './result.ts';

export async function measureEmFacts(iterations = 200, warmup = 20): Promise<BenchResult[]> {
  const context = (await fixtureCase(patientFixtures[0]!, new Date())).context;
  const text = longTranscript();
  // A distinct text per run (a marker word on every line), built before timing starts.
  const docs = Array.from({ length: warmup + iterations }, (_, i) =>
    codingDocument({ input: { kind: 'transcript', text: text.replace(/\n/g, ` r${i}\n`) }, context }),
  );
  for (let i = 0; i < warmup; i++) extractEmFacts(docs[i]!);
  const samples: number[] = [];
  for (let i = warmup; i < docs.length; i++) {
    const start = performance.now();
    extractEmFacts(docs[i]!);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const words = text.split(/\s+/).filter(Boolean).length;
  return [
    { name: `E/M facts, ${words}-word visit p50`, value: percentile(samples, 50), unit: 'ms' },
    { name: `E/M facts, ${words}-word visit p99`, value: percentile(samples, 99), unit: 'ms' },
  ];
}
