/**
 * The builtin drafting engine on a 2,500-word visit: segmentation plus the provider's draft, the
 * part of "draft + codes" that is ours (budget 50 ms median on one core, DESIGN.md §7). The visit
 * is the synthetic fixture transcripts end to end until 2,500 words, drafted with the SOAP
 * template and no chart, after a warm-up so the JIT has compiled the hot paths.
 *
 * @module
 */
import { patientFixtures } from '../../fhir-fixtures/patients/index.ts';
import { createBuiltinProvider } from '../../server/drafting/builtin/builtin-provider.ts';
import { draftNote } from '../../server/drafting/draft-note.ts';
import { segmentInput } from '../../server/drafting/input/segment-input.ts';
import { SEED_TEMPLATES } from '../../server/drafting/templates/seed-templates.ts';
import { percentile, type BenchResult } from './result.ts';

const TARGET_WORDS = 2_500;

/** Whole fixture transcripts, one after another, until the visit has 2,500 words; cut there. */
export function longTranscript(words = TARGET_WORDS): string {
  const lines: string[] = [];
  let count = 0;
  for (let round = 0; count < words; round++) {
    for (const fixture of patientFixtures) {
      for (const line of fixture.visit.transcript.split('\n')) {
        if (count >= words) break;
        lines.push(line);
        count += line.split(/\s+/).filter(Boolean).length;
      }
    }
    if (round > 10) break;
  }
  return lines.join('\n');
}

async function timed(once: () => Promise<unknown>, iterations: number, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await once();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

export async function measureDraftBuiltin(iterations = 200, warmup = 20): Promise<BenchResult[]> {
  const text = longTranscript();
  const template = SEED_TEMPLATES.find((t) => t.id === 'soap-progress')!;
  const provider = createBuiltinProvider();
  const input = { kind: 'transcript' as const, text };
  const engine = await timed(
    () => provider.draft({ template, input, segments: segmentInput(input), contextFacts: [] }),
    iterations,
    warmup,
  );
  // What the clinician waits for: the engine plus resolving and checking every sentence's evidence.
  const pipeline = await timed(() => draftNote(provider, { template, input }), iterations, warmup);
  const words = text.split(/\s+/).filter(Boolean).length;
  return [
    {
      name: `builtin draft, ${words}-word transcript p50`,
      value: percentile(engine, 50),
      unit: 'ms',
      budget: 50,
    },
    { name: `builtin draft, ${words}-word transcript p99`, value: percentile(engine, 99), unit: 'ms' },
    {
      name: `draft + evidence checks, ${words} words p50`,
      value: percentile(pipeline, 50),
      unit: 'ms',
      budget: 50,
    },
    { name: `draft + evidence checks, ${words} words p99`, value: percentile(pipeline, 99), unit: 'ms' },
  ];
}
