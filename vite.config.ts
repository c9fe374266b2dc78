// Renderer build: React app in renderer/, output to dist/renderer with relative
// asset paths so it loads from file:// under Electron and over HTTP in the browser shell.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // Fonts stay separate files: the CSP allows 'self' fonts, not data: URLs.
    assetsInlineLimit: 0,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
