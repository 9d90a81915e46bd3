/** Builds the engine (lib/index.js) and the command line (lib/cli.js) as ES modules for Node. */
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  // The extension's public files (icons, locales) have no place in the Node library.
  publicDir: false,
  define: { __VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: 'lib',
    emptyOutDir: true,
    target: 'node20',
    ssr: true,
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { index: 'src/engine/index.ts', cli: 'src/cli/main.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  ssr: { noExternal: true },
});
