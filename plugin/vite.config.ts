import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The plugin is served by the companion server under /app/ (and its index.html at /launch),
// so every asset URL is absolute under /app/. JSX goes through esbuild with Preact's runtime.
export default defineConfig({
  root,
  base: '/app/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: fileURLToPath(new URL('../dist/plugin', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: true,
  },
});
