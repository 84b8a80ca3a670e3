/**
 * Sandbox FHIR API latency over loopback HTTP: a read and a paged search, with a user token.
 * Not a product budget; it tells later benchmarks how much of their time is the sandbox's.
 *
 * @module
 */
import { startSandbox } from '../../fhir-fixtures/sandbox/create-sandbox.ts';
import { percentile, type BenchResult } from './result.ts';

export async function measureSandboxFhir(iterations = 300): Promise<BenchResult[]> {
  const sandbox = await startSandbox({ port: 0 });
  try {
    const token = sandbox.state.grants.issueAccessToken({ clientId: 'bench', scope: 'user/*.rs' }, 3600);
    const headers = { Authorization: `Bearer ${token}`, Accept: 'application/fhir+json' };
    const time = async (path: string): Promise<number[]> => {
      const samples: number[] = [];
      for (let i = 0; i < iterations; i++) {
        const start = performance.now();
        const res = await fetch(`${sandbox.fhirBaseUrl}/${path}`, { headers });
        if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
        await res.arrayBuffer();
        samples.push(performance.now() - start);
      }
      return samples.sort((a, b) => a - b);
    };
    const results: BenchResult[] = [];
    for (const [name, path] of [
      ['sandbox FHIR search Observation _count=50', 'Observation?_count=50'],
      ['sandbox FHIR search Condition?clinical-status=active', 'Condition?clinical-status=active'],
    ] as const) {
      const samples = await time(path);
      results.push({ name: `${name} p50`, value: percentile(samples, 50), unit: 'ms' });
      results.push({ name: `${name} p99`, value: percentile(samples, 99), unit: 'ms' });
    }
    return results;
  } finally {
    await sandbox.close();
  }
}
