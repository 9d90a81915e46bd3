/**
 * The studio as a standalone static page (studio-dist/), for a trainer's projector without the
 * extension: `npm run studio` builds and serves it. The engine runs in the page; nothing is sent.
 */
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { sharedWorker } from './scripts/shared-worker.ts';

export default defineConfig({
  root: 'src/studio',
  base: './',
  plugins: [preact(), sharedWorker()],
  build: {
    outDir: '../../studio-dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    // The engine with its compiled rules is one large chunk by design.
    chunkSizeWarningLimit: 1600,
  },
});
