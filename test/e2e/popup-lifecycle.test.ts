/** The popup, and the interface language. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURE_URLS, startBrowser, waitForFixture, type FixtureBrowser } from './fixtures/harness.js';
import { coach } from './coach-driver.js';
import { screenshotPath, typeSlowly, waitForAnalysis } from './helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');

beforeAll(() => {
  if (!existsSync(join(dist, 'manifest.json'))) execFileSync('npm', ['run', 'build:ext'], { cwd: root, stdio: 'ignore' });
});

describe('popup', () => {
  let b: FixtureBrowser;
  beforeAll(async () => {
    b = await startBrowser({ extensionPath: dist });
  });
  afterAll(async () => {
    await b?.close();
  });

  test('shows the verdict of the reply being written, and turns coaching off for the site', async () => {
    const site = b.page;
    await site.goto(FIXTURE_URLS.xStatus);
    await waitForFixture(site);
    await site.click(await site.evaluate(() => window.__fixture!.selector));
    await typeSlowly(site, 'We apologize for any inconvenience. Please DM us your account number.');
    const state = await waitForAnalysis(site);

    // The popup as a tab in the same window; bring the site to the front so it is the active tab.
    const popup = await b.context.newPage();
    await site.bringToFront();
    await popup.goto(`chrome-extension://${b.extensionId}/src/popup/index.html`);
    await expect.poll(() => popup.locator('[data-verdict]').getAttribute('data-verdict')).toBe(state.verdict);
    await expect.poll(() => popup.getByText(`Score ${state.score}`).count()).toBe(1);
    await popup.setViewportSize({ width: 360, height: 420 });
    await popup.screenshot({ path: screenshotPath('popup.png') });

    const toggle = popup.getByRole('checkbox', { name: /Coach on this site: X/ });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect.poll(() => site.locator('human-tone-coach').count()).toBe(0);
    await toggle.check();
    await expect.poll(() => site.locator('human-tone-coach').count()).toBe(1);

    // The popup opens the studio in a tab.
    const [studio] = await Promise.all([b.context.waitForEvent('page'), popup.getByRole('button', { name: 'Open the studio' }).click()]);
    await studio.waitForSelector('.studio');
    expect(studio.url()).toBe(`chrome-extension://${b.extensionId}/src/studio/index.html`);
    await studio.close();

    await popup.getByRole('combobox', { name: /Check before posting/ }).selectOption('mixed');
    const stored = await b.serviceWorker!.evaluate(() => chrome.storage.sync.get('settings'));
    expect((stored.settings as { prePost: string }).prePost).toBe('mixed');
    await popup.close();
    b.assertNoUnroutedRequests();
  });
});

describe('in Dutch', () => {
  let b: FixtureBrowser;
  beforeAll(async () => {
    b = await startBrowser({ extensionPath: dist, args: ['--lang=nl'], env: { LANGUAGE: 'nl', LANG: 'nl_NL.UTF-8' } });
  });
  afterAll(async () => {
    await b?.close();
  });

  test('the coach speaks Dutch when the browser does, and coaches a Dutch reply in Dutch', async () => {
    const page = b.page;
    await page.goto(FIXTURE_URLS.facebookPost);
    await waitForFixture(page);
    await page.click(await page.evaluate(() => window.__fixture!.selector));
    await typeSlowly(page, 'Excuses voor het ongemak. Wij verzoeken u vriendelijk contact op te nemen met onze klantenservice.');
    await waitForAnalysis(page);
    const badge = coach(page).getByRole('button', { name: /Open de coach/ });
    await badge.click();
    const dialog = coach(page).getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const text = (await dialog.textContent()) ?? '';
    expect(text).toMatch(/Tooncoach/);
    expect(text).toMatch(/Waarom/);
    expect(await dialog.getByRole('button', { name: /^Gebruik: / }).count()).toBeGreaterThan(0);
    // The message answered, found on the page, with the field to change it.
    const answering = dialog.getByRole('region', { name: 'Bericht waarop je antwoordt' });
    expect(await answering.getByRole('button', { name: 'Bewerken' }).count()).toBe(1);
    expect(await answering.textContent()).toMatch(/gevonden op de pagina/);
    b.assertNoUnroutedRequests();
  });
});

// After a reload or update: see lifecycle.test.ts.
