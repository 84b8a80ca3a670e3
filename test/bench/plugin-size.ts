/**
 * Plugin first-load JavaScript, gzipped (budget: 60 KB). Reads the built files that
 * dist/plugin/index.html loads, so it measures what the iframe actually downloads.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchResult } from './result.ts';

export function measurePluginSize(distDir: string): BenchResult {
  const index = readFileSync(join(distDir, 'index.html'), 'utf8');
  const scripts = [...index.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/app\/([^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  if (scripts.length === 0)
    throw new Error('no scripts found in dist/plugin/index.html: run npm run build:plugin');
  const bytes = scripts.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length,
    0,
  );
  return { name: 'plugin first-load JS (gzip)', value: bytes / 1024, unit: 'KB', budget: 60 };
}
