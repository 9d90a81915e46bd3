/**
 * What the extension ships: one copy of the engine, shared by the service worker, the studio and the
 * team report's worker (scripts/shared-worker.ts). Sizes are printed by `npm run size`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? jsFiles(p) : p.endsWith('.js') ? [p] : [];
  });
}

/** A string only the engine's compiled rules hold. */
const ENGINE_MARK = 'scripted.inconvenience';

const builds = [
  { dir: 'dist', script: 'build:ext', serviceWorker: true },
  { dir: 'dist-firefox', script: 'build:ext', serviceWorker: true },
  { dir: 'studio-dist', script: 'build:studio', serviceWorker: false },
];

beforeAll(() => {
  for (const b of builds) if (!existsSync(join(root, b.dir))) execFileSync('npm', ['run', b.script], { cwd: root, stdio: 'ignore' });
});

describe.each(builds)('$dir', ({ dir, serviceWorker }) => {
  test('holds the engine once, and the report worker imports that same chunk', () => {
    const files = jsFiles(join(root, dir));
    const engines = files.filter((f) => readFileSync(f, 'utf8').includes(ENGINE_MARK));
    expect(engines.map((f) => basename(f))).toHaveLength(1);
    const engine = basename(engines[0]!);
    const workers = files.filter((f) => basename(f).startsWith('report-worker-'));
    expect(workers).toHaveLength(1);
    expect(readFileSync(workers[0]!, 'utf8')).toContain(`from"./${engine}"`);
    // Well under the engine's size: the worker is the report's own code only.
    expect(statSync(workers[0]!).size).toBeLessThan(statSync(engines[0]!).size / 20);
    if (serviceWorker) {
      const manifest = JSON.parse(readFileSync(join(root, dir, 'manifest.json'), 'utf8'));
      const loader = readFileSync(join(root, dir, manifest.background.service_worker ?? manifest.background.scripts[0]), 'utf8');
      const entry = /import\s*['"]\.\/([^'"]+)['"]/.exec(loader)![1]!;
      expect(readFileSync(join(root, dir, entry), 'utf8')).toContain(`./${engine}`);
    }
  });
});
