/**
 * `import url from './x.worker.ts?shared-worker'` gives the URL of x.worker.ts built as an ES module
 * chunk of the SAME build as the page that starts it, so the worker and the rest of the extension
 * share one copy of the engine. (Vite's own `new Worker(new URL(...))` builds each worker in a build
 * of its own, which put a second copy of the ~1 MB engine into the extension.)
 * Start it with `new Worker(url, { type: 'module' })`. Build only: the studio has no dev server.
 */
import type { Plugin } from 'vite';

const SUFFIX = '?shared-worker';
const PREFIX = '\0shared-worker:';

export function sharedWorker(): Plugin {
  return {
    name: 'human-tone:shared-worker',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const resolved = await this.resolve(source.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      if (!resolved) this.error(`shared-worker: cannot resolve ${source} from ${importer ?? 'the build'}`);
      return PREFIX + resolved.id;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length);
      const name = file.replace(/^.*\//, '').replace(/\.[cm]?[jt]sx?$/, '').replace(/\W+/g, '-');
      const ref = this.emitFile({ type: 'chunk', id: file, name });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};\n`;
    },
  };
}
