/**
 * `npm run bench`: runs every benchmark, prints a table, and exits non-zero when a budget is
 * exceeded. Results go to docs/PERFORMANCE.md by hand, with the machine they came from.
 *
 * @module
 */
import { execFileSync } from 'node:child_process';
import { measureCodeSearch } from './code-search.ts';
import { measureCodeSuggestions } from './code-suggestions.ts';
import { measureDraftBuiltin } from './draft-builtin.ts';
import { measureEmFacts } from './em-facts.ts';
import { measureLaunchToBanner } from './launch-to-banner.ts';
import { measurePluginSize } from './plugin-size.ts';
import type { BenchResult } from './result.ts';
import { measureSandboxFhir } from './sandbox-fhir.ts';

execFileSync('npx', ['vite', 'build', '--config', 'plugin/vite.config.ts', '--logLevel', 'error'], {
  stdio: 'inherit',
});

const results: BenchResult[] = [
  measurePluginSize('dist/plugin'),
  ...(await measureSandboxFhir()),
  ...(await measureLaunchToBanner()),
  ...(await measureDraftBuiltin()),
  ...(await measureCodeSearch()),
  ...measureCodeSuggestions(),
  ...(await measureEmFacts()),
];

let over = 0;
for (const r of results) {
  const within =
    r.budget === undefined
      ? ''
      : r.value <= r.budget
        ? `  (budget ${r.budget} ${r.unit}: ok)`
        : `  (budget ${r.budget} ${r.unit}: OVER)`;
  if (r.budget !== undefined && r.value > r.budget) over++;
  console.log(`${r.name.padEnd(58)} ${r.value.toFixed(2).padStart(9)} ${r.unit}${within}`);
}
process.exit(over === 0 ? 0 : 1);
