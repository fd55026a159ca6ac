import { defineConfig } from 'vite';

// Static files with relative paths: the portal can be served from any
// directory of any web server (serve.mjs in development and tests).
export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
