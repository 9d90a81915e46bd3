#!/usr/bin/env node
/**
 * npm run package: the store packages, from the builds in dist/ and dist-firefox/ (npm run package
 * builds first), into artifacts/ (or --out DIR):
 *   human-tone-VERSION-chrome.zip    for the Chrome Web Store (dist/)
 *   human-tone-VERSION-firefox.zip   for addons.mozilla.org (dist-firefox/)
 *   human-tone-VERSION-source.zip    the source for Firefox's review: every file git tracks, and
 *                                    BUILDING.txt with the commands that rebuild the add-on
 * The zips are reproducible: the same files give the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zip } from './zip.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : join(root, 'artifacts');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function fromDir(dir) {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`package: no build in ${relative(root, dir)}/ (run npm run build:ext)`);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  if (manifest.version !== pkg.version) throw new Error(`package: ${relative(root, dir)}/ is version ${manifest.version}, package.json says ${pkg.version}: rebuild`);
  return walk(dir).map((p) => ({ name: relative(dir, p).split(sep).join('/'), data: readFileSync(p) }));
}

function sourceEntries() {
  let listed;
  try {
    listed = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  } catch {
    throw new Error('package: the source zip lists the files git tracks; run it in a git checkout');
  }
  const entries = listed
    .filter((f) => existsSync(join(root, f)))
    .map((f) => {
      const full = join(root, f);
      return { name: f, data: readFileSync(full), executable: (statSync(full).mode & 0o111) !== 0 };
    });
  entries.push({
    name: 'BUILDING.txt',
    data: Buffer.from(
      [
        `Human Tone ${pkg.version}: how to rebuild the Firefox add-on from this source.`,
        '',
        `Needs Node.js ${pkg.engines.node} and npm (tested with Node 20 on Debian 12). Nothing is downloaded`,
        'at build time except the npm packages pinned in package-lock.json.',
        '',
        '  npm ci           installs the packages and builds everything (the prepare script)',
        '  npm run build:ext    (again, if needed) builds dist/ (Chrome) and dist-firefox/ (Firefox)',
        '',
        'dist-firefox/ is the add-on, file for file. The JavaScript is bundled and minified by Vite',
        '(vite.config.ts); the rules in rules/*.yaml are compiled to src/engine/rules.generated.ts by',
        'scripts/build-rules.ts first. The README describes the project.',
        '',
      ].join('\n'),
    ),
  });
  return entries;
}

mkdirSync(out, { recursive: true });
const base = `human-tone-${pkg.version}`;
const made = [
  [`${base}-chrome.zip`, fromDir(join(root, 'dist'))],
  [`${base}-firefox.zip`, fromDir(join(root, 'dist-firefox'))],
  [`${base}-source.zip`, sourceEntries()],
].map(([name, entries]) => {
  const bytes = zip(entries);
  writeFileSync(join(out, name), bytes);
  return { name, files: entries.length, bytes: bytes.length };
});
for (const m of made) console.log(`${relative(process.cwd(), join(out, m.name)) || m.name}: ${m.files} files, ${(m.bytes / 1024).toFixed(1)} KB`);
