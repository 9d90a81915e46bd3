/**
 * The studio as a standalone static page (studio-dist/), for a trainer's projector without the
 * extension: `npm run studio` builds and serves it. The engine runs in the page; nothing is sent.
 */
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/studio',
  base: './',
  plugins: [preact()],
  build: {
    outDir: '../../studio-dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    // The engine with its compiled rules is one large chunk by design.
    chunkSizeWarningLimit: 1600,
  },
  worker: { format: 'es' },
});
