/**
 * Builds the extension from the one manifest.json: Chrome into dist/ (the default), Firefox into
 * dist-firefox/ when TARGET=firefox (`npm run build:ext` builds both; scripts/build-ext.mjs).
 */
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { buildManifest, type Target } from './scripts/manifest.ts';
import { sharedWorker } from './scripts/shared-worker.ts';

export default defineConfig(({ mode }) => {
  const target: Target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      preact(),
      sharedWorker(),
      crx({
        manifest: buildManifest(target, mode) as unknown as ManifestV3Export,
        browser: target,
        // One self-contained content script: no loader, no web-accessible chunks a page could probe.
        contentScripts: { standaloneFiles: ['src/content/main.ts'] },
      }),
    ],
    build: {
      outDir: target === 'firefox' ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      // Chrome 120 and Firefox 140 (the manifest's minimum versions) share this language level.
      target: target === 'firefox' ? 'firefox140' : 'chrome120',
      sourcemap: false,
      // The preload polyfill would put a fetch() in the popup; extension pages do not need it.
      modulePreload: { polyfill: false },
      // The engine with its compiled rules is one large chunk by design.
      chunkSizeWarningLimit: 1600,
      rollupOptions: {
        input: { popup: 'src/popup/index.html', options: 'src/options/index.html', studio: 'src/studio/index.html' },
        // The engine and its rules are one chunk, whichever page or worker imports which part of it.
        output: { manualChunks: (id: string) => (id.includes('/src/engine/') && !id.includes('categories.generated') ? 'engine' : undefined) },
      },
    },
  };
});
