import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The renderer bundle: served by the browser-mode host and loaded by the Electron window.
export default defineConfig({
  root: resolve(__dirname, 'renderer'),
  base: './',
  build: {
    outDir: resolve(__dirname, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: { host: '127.0.0.1', strictPort: true },
});
