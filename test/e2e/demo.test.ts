/** npm start's development build coaches the local demo page (a Draft.js and a Lexical box). */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { FIXTURE_URLS, startBrowser, waitForFixture, type FixtureBrowser } from './fixtures/harness.js';
import { typeSlowly, waitForAnalysis } from './helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const devExtension = join(root, '.dev/extension');
let b: FixtureBrowser;

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'development', '--outDir', devExtension, '--logLevel', 'warn'], { cwd: root, stdio: 'ignore' });
  b = await startBrowser({ extensionPath: devExtension });
});
afterAll(async () => {
  await b?.close();
});

test('both demo boxes are coached', async () => {
  const page = b.page;
  await page.goto(FIXTURE_URLS.demo);
  await waitForFixture(page, 'draft');
  await waitForFixture(page, 'lexical');
  await expect.poll(() => page.locator('human-tone-coach').count()).toBe(2);
  for (const name of ['draft', 'lexical']) {
    const box = await page.evaluate((n) => window.__fixtures![n]!.selector, name);
    await page.click(box);
    await typeSlowly(page, 'Dear customer, we apologize for any inconvenience.');
    expect(await page.evaluate((n) => window.__fixtures![n]!.getText(), name)).toBe('Dear customer, we apologize for any inconvenience.');
    expect((await waitForAnalysis(page, box)).verdict).not.toBe('human');
  }
  b.assertNoUnroutedRequests();
});
