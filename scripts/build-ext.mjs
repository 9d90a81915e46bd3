#!/usr/bin/env node
/**
 * npm run build:ext: both builds from the one manifest.json, one after the other: Chrome into dist/,
 * Firefox into dist-firefox/. Arguments (e.g. --mode development) go to both vite builds.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vite = join(root, 'node_modules/vite/bin/vite.js');
for (const target of ['chrome', 'firefox']) {
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TARGET: target },
  });
}
