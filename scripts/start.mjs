#!/usr/bin/env node
/**
 * npm start: builds the extension (development build: it also coaches localhost), serves the demo
 * page with a Draft.js and a Lexical reply box on http://127.0.0.1:5317, and opens Chromium (or
 * Chrome) with the extension loaded on it. Ctrl+C stops it.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const devExtension = join(root, '.dev/extension');
const fixtures = join(root, 'test/e2e/fixtures/dist');
const PORT = Number(process.env.PORT ?? 5317);

console.log('Building the extension (development build) ...');
execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'development', '--outDir', devExtension, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
console.log('Building the demo page ...');
execFileSync(process.execPath, [join(root, 'test/e2e/fixtures/build.mjs')], { cwd: root, stdio: 'inherit' });

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(fixtures, path === '/' ? 'demo.html' : path);
  if (!file.startsWith(fixtures) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(PORT, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${PORT}/demo.html`;
console.log(`Demo page: ${url}`);

const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'].filter(Boolean);
const executablePath = candidates.find((p) => existsSync(p));
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (!executablePath || headless) {
  console.log(
    headless
      ? 'No display here, so no browser window. On your desktop run npm start, or:'
      : 'No Chromium or Chrome found (set CHROME_PATH). To try it by hand:',
  );
  console.log(`  1. Open chrome://extensions, turn on Developer mode, "Load unpacked" and pick ${devExtension}`);
  console.log(`  2. Open ${url}`);
  console.log('The demo server keeps running; Ctrl+C stops it.');
} else {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'human-tone-start-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false,
    viewport: null,
    args: [`--disable-extensions-except=${devExtension}`, `--load-extension=${devExtension}`, '--no-first-run', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  console.log('Chromium is open with Human Tone loaded. Type a reply like "We apologize for any inconvenience." Close the window to stop.');
  context.on('close', () => {
    server.close();
    process.exit(0);
  });
}
