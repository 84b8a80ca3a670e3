import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code; integration tests (*.int.test.ts) live beside it or under test/.
// End-to-end specs run from test/e2e/vitest.config.ts.
export default defineConfig({
  test: {
    include: ['{launch,plugin,adapters,server,fhir-fixtures,test}/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['{launch,adapters,server,plugin}/**/*.{ts,tsx}', 'fhir-fixtures/sandbox/**/*.ts'],
      exclude: ['**/*.test.ts', '**/*.test.tsx', '**/main.ts', 'plugin/vite.config.ts'],
      // Ratchet by hand after a full `npm run test:coverage`; never autoUpdate, since a run over a
      // few files would set them from that subset. CI fails below them. The product's gate is 90% lines.
      thresholds: { lines: 95.5, statements: 93.8, functions: 95.3, branches: 86.5 },
    },
  },
});
