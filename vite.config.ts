/** Builds the extension into dist/ (load it unpacked in Chrome or Chromium). */
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { sharedWorker } from './scripts/shared-worker.ts';
import manifest from './src/manifest.config.ts';

export default defineConfig(({ mode }) => ({
  plugins: [
    preact(),
    sharedWorker(),
    crx({
      manifest: manifest(mode),
      // One self-contained content script: no loader, no web-accessible chunks a page could probe.
      contentScripts: { standaloneFiles: ['src/content/main.ts'] },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // The preload polyfill would put a fetch() in the popup; extension pages do not need it.
    modulePreload: { polyfill: false },
    // The engine with its compiled rules is one large chunk by design.
    chunkSizeWarningLimit: 1600,
    rollupOptions: { input: { popup: 'src/popup/index.html', studio: 'src/studio/index.html' } },
  },
}));
