import { defineConfig } from 'vitest/config';

// End-to-end specs: a real browser (Debian's Chromium through playwright-core) against the
// sandbox EHR and the companion server started on free ports.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
