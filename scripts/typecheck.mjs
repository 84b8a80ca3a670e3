// Type-checks each folder under its own tsconfig so environment boundaries hold:
// plugin/ and launch/ see no Node types; the root config covers the Node side and tests.
import { spawnSync } from 'node:child_process';

const projects = ['launch/tsconfig.json', 'adapters/tsconfig.json', 'plugin/tsconfig.json', 'tsconfig.json'];
let failed = 0;
for (const project of projects) {
  const result = spawnSync('npx', ['tsc', '--noEmit', '-p', project], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
