#!/usr/bin/env node
/**
 * npm run size: the size of each file the extension ships (dist/, as built by npm run build), raw and
 * gzipped (zlib level 9, as a store's zip roughly compresses it), with what loads it; then the totals.
 * `--json` prints the same as JSON. Pass another folder to measure it (e.g. studio-dist).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const json = args.includes('--json');
const dir = join(root, args.find((a) => !a.startsWith('--')) ?? 'dist');

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const files = walk(dir)
  .map((p) => {
    const bytes = readFileSync(p);
    return { file: relative(dir, p), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => b.bytes - a.bytes);
const total = files.reduce((t, f) => ({ bytes: t.bytes + f.bytes, gzip: t.gzip + f.gzip }), { bytes: 0, gzip: 0 });

if (json) process.stdout.write(JSON.stringify({ dir: relative(root, dir), files, total }, null, 2) + '\n');
else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
  console.log(`${relative(root, dir)}/: ${files.length} files`);
  console.log(`${'raw'.padStart(10)} ${'gzipped'.padStart(10)}  file`);
  for (const f of files) if (!/\.(png|json|svg)$/.test(f.file)) console.log(`${kb(f.bytes)} ${kb(f.gzip)}  ${f.file}`);
  const rest = files.filter((f) => /\.(png|json|svg)$/.test(f.file));
  const r = rest.reduce((t, f) => ({ bytes: t.bytes + f.bytes, gzip: t.gzip + f.gzip }), { bytes: 0, gzip: 0 });
  console.log(`${kb(r.bytes)} ${kb(r.gzip)}  (${rest.length} icons, locales and the manifest)`);
  console.log(`${kb(total.bytes)} ${kb(total.gzip)}  total`);
}
