/**
 * npm run package: the Chrome and Firefox store zips hold exactly the builds, the source zip holds the
 * tracked source with build instructions, and the same input gives the same bytes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;

/** The entries of a zip, read from its central directory (what a store's unzip reads). */
function unzip(buf: Buffer): Map<string, Buffer> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const body = buf.subarray(dataAt, dataAt + size);
    out.set(name, method === 8 ? inflateRawSync(body) : Buffer.from(body));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p).split(sep).join('/'), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

const out1 = mkdtempSync(join(tmpdir(), 'human-tone-package-'));
const out2 = mkdtempSync(join(tmpdir(), 'human-tone-package-'));
const zipOf = (dir: string, kind: string) => readFileSync(join(dir, `human-tone-${version}-${kind}.zip`));

beforeAll(() => {
  if (!existsSync(join(root, 'dist/manifest.json')) || !existsSync(join(root, 'dist-firefox/manifest.json'))) {
    execFileSync('npm', ['run', 'build:ext'], { cwd: root, stdio: 'ignore' });
  }
  for (const dir of [out1, out2]) execFileSync(process.execPath, [join(root, 'scripts/package.mjs'), '--out', dir], { cwd: root, stdio: 'ignore' });
}, 120_000);

describe('npm run package', () => {
  test.each([
    ['chrome', 'dist'],
    ['firefox', 'dist-firefox'],
  ])('the %s zip holds exactly %s/, with manifest.json at its root', (kind, dir) => {
    const entries = unzip(zipOf(out1, kind));
    const built = tree(join(root, dir));
    expect([...entries.keys()].sort()).toEqual([...built.keys()].sort());
    for (const [name, data] of built) expect(entries.get(name)!.equals(data), name).toBe(true);
    expect(entries.has('manifest.json')).toBe(true);
  });

  test('the source zip holds the tracked source and how to rebuild, and no build output or packages', () => {
    const entries = unzip(zipOf(out1, 'source'));
    const names = [...entries.keys()];
    for (const f of ['manifest.json', 'package.json', 'package-lock.json', 'vite.config.ts', 'scripts/manifest.ts', 'src/content/sites/adapters.ts', 'rules/README.md', 'BUILDING.txt']) {
      expect(names, f).toContain(f);
    }
    expect(names.filter((n) => /^(dist|dist-firefox|node_modules|artifacts|lib)\//.test(n))).toEqual([]);
    expect(entries.get('BUILDING.txt')!.toString()).toMatch(/npm ci[\s\S]*dist-firefox\//);
    expect(entries.get('manifest.json')!.equals(readFileSync(join(root, 'manifest.json')))).toBe(true);
  });

  test('the same builds give byte-identical zips', () => {
    for (const kind of ['chrome', 'firefox', 'source']) expect(zipOf(out1, kind).equals(zipOf(out2, kind)), kind).toBe(true);
  });

  test.runIf(spawnSync('unzip', ['-v']).status === 0)('unzip finds no error in any of them', () => {
    for (const kind of ['chrome', 'firefox', 'source']) {
      const r = spawnSync('unzip', ['-tq', join(out1, `human-tone-${version}-${kind}.zip`)], { encoding: 'utf8' });
      expect(r.status, r.stdout + r.stderr).toBe(0);
    }
  });
});
