// Type-checks each folder under its own tsconfig so environment boundaries hold:
// plugin/ and launch/ see no Node types; the root config covers the Node side and tests.
// A folder with no sources yet (adapters/ until the write-back work) is skipped, not failed.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';

const projects = ['launch/tsconfig.json', 'adapters/tsconfig.json', 'plugin/tsconfig.json', 'tsconfig.json'];
const hasSources = (dir) =>
  readdirSync(dir, { recursive: true }).some(
    (f) => /\.tsx?$/.test(String(f)) && !String(f).includes('node_modules'),
  );

let failed = 0;
for (const project of projects) {
  if (project !== 'tsconfig.json' && !hasSources(dirname(project))) {
    console.log(`typecheck: ${project} has no sources yet, skipped`);
    continue;
  }
  const result = spawnSync('npx', ['tsc', '--noEmit', '-p', project], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
