/** The settings page, in the built extension in Chromium: saved at once to sync, applied in open tabs, reported honestly. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../src/engine/index.js';
import { FIXTURE_URLS, startBrowser, waitForFixture, type FixtureBrowser } from './fixtures/harness.js';
import { highlightTexts, screenshotPath, typeSlowly, waitForAnalysis } from './helpers.js';
import { coach, readableTexts } from './coach-driver.js';
import { englishLeft } from './english-left.js';
import * as coachWords from '../../src/i18n/coach.generated.js';
import * as optionsWords from '../../src/i18n/options.generated.js';
import * as guideWords from '../../src/i18n/guide.generated.js';
import * as sitesWords from '../../src/i18n/sites.generated.js';
import * as severityWords from '../../src/i18n/severity.generated.js';

const WORDS = [coachWords, optionsWords, guideWords, sitesWords, severityWords];

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');
const BROADCAST = 'Great news!!! Check out our winter deals 🎉🎉🎉 #WinterSale - Dana';

beforeAll(() => {
  if (!existsSync(join(dist, 'manifest.json'))) execFileSync('npm', ['run', 'build:ext'], { cwd: root, stdio: 'ignore' });
});

describe('settings page', () => {
  let b: FixtureBrowser;
  beforeAll(async () => {
    b = await startBrowser({ extensionPath: dist });
  });
  afterAll(async () => {
    await b?.close();
  });
  /** An X reply box holding a broadcast-style reply, analysed. */
  const broadcastOnX = async () => {
    const site = await b.context.newPage();
    await site.goto(FIXTURE_URLS.xStatus);
    await waitForFixture(site);
    await site.click(await site.evaluate(() => window.__fixture!.selector));
    await typeSlowly(site, BROADCAST);
    await waitForAnalysis(site);
    return site;
  };
  const stored = async () => ((await b.serviceWorker!.evaluate(() => chrome.storage.sync.get('settings'))).settings ?? {}) as Record<string, unknown>;

  test('is reachable from the popup and the extensions page, and its controls are named', async () => {
    const manifest = await b.serviceWorker!.evaluate(() => chrome.runtime.getManifest());
    expect((manifest as { options_ui?: { page: string } }).options_ui?.page).toBe('src/options/index.html');
    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/src/popup/index.html`);
    const [options] = await Promise.all([b.context.waitForEvent('page'), popup.getByRole('button', { name: 'Settings' }).click()]);
    await options.waitForLoadState();
    expect(options.url()).toBe(`chrome-extension://${b.extensionId}/src/options/index.html`);
    await expect.poll(() => options.getByRole('heading', { name: 'Human Tone settings' }).count()).toBe(1);
    for (const name of [/Your sign-off/, /How strict/, /Check before posting/, /Language of your replies/]) {
      expect(await options.getByLabel(name).count(), String(name)).toBe(1);
    }
    expect(await options.getByRole('checkbox', { name: 'X' }).isChecked()).toBe(true);
    expect(await options.getByRole('group', { name: 'Broadcast' }).count()).toBe(1);
    await options.close();
    await popup.close();
  });

  test('a category switched off is saved to sync at once and stops its flags in an open tab; the sign-off is saved', async () => {
    const site = await broadcastOnX();
    expect((await highlightTexts(site)).some(([name]) => name === 'human-tone-broadcast')).toBe(true);

    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/src/options/index.html`);
    await options.getByRole('checkbox', { name: 'Broadcast' }).first().uncheck();
    await expect.poll(async () => (await stored()).disabledCategories).toEqual(['broadcast']);
    await expect.poll(() => options.getByRole('status').first().textContent()).toMatch(/kept in step with your other browsers/);
    // Applied at once in the open tab, without a reload: no broadcast underline left.
    await site.bringToFront();
    await expect.poll(async () => (await highlightTexts(site)).some(([name]) => name === 'human-tone-broadcast')).toBe(false);

    await options.bringToFront();
    await options.getByLabel(/Your sign-off/).fill('^DK');
    await options.getByLabel(/Your sign-off/).press('Tab');
    await expect.poll(async () => (await stored()).signature).toBe('^DK');
    await options.setViewportSize({ width: 900, height: 900 });
    await options.evaluate(() => window.scrollTo(0, 0));
    await options.screenshot({ path: screenshotPath('options.png') });

    await options.getByRole('checkbox', { name: 'Broadcast' }).first().check();
    await expect.poll(async () => (await stored()).disabledCategories).toEqual([]);
    await options.close();
    await site.close();
    b.assertNoUnroutedRequests();
    expect(analyze(BROADCAST).flags.some((f) => f.category === 'broadcast')).toBe(true);
  });

  test('a stored rule that no longer exists is kept, harmless, and reported; nothing breaks', async () => {
    await b.serviceWorker!.evaluate(() => chrome.storage.sync.set({ settings: { disabledRules: ['scripted.removed-long-ago', 'scripted.inconvenience'] } }));
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/src/options/index.html`);
    await expect.poll(() => options.getByText(/no longer exist.*scripted\.removed-long-ago/).count()).toBe(1);
    await options.getByRole('combobox', { name: /How strict/ }).selectOption('strict');
    await expect.poll(async () => (await stored()).strictness).toBe('strict');
    expect((await stored()).disabledRules).toEqual(['scripted.removed-long-ago', 'scripted.inconvenience']);
    await b.serviceWorker!.evaluate(() => chrome.storage.sync.set({ settings: {} }));
    await options.close();
  });

  test('the interface language is switched in the settings page: the page, the popup and the coach in an open tab follow', async () => {
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/src/options/index.html`);
    const site = await broadcastOnX();
    await expect.poll(() => coach(site).getByRole('button', { name: /Open the coach\.$/ }).count()).toBe(1);

    await options.bringToFront();
    await options.getByRole('combobox', { name: /Language of Human Tone itself/ }).selectOption('nl');
    await expect.poll(async () => (await stored()).interfaceLanguage).toBe('nl');
    await expect.poll(() => options.getByRole('heading', { name: 'Instellingen van Human Tone' }).count()).toBe(1);
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('nl');
    // Nothing a person reads on the page (text, names of controls) is English from the catalogue.
    expect(englishLeft(await readableTexts(options), WORDS)).toEqual([]);
    expect(englishLeft(await readableTexts(options), WORDS.map((w) => ({ en: w.nl, nl: w.en }))).length).toBeGreaterThan(20);

    // The open tab's coach speaks Dutch now, without a reload.
    await site.bringToFront();
    await expect.poll(() => coach(site).getByRole('button', { name: /Open de coach\.$/ }).count()).toBe(1);
    await coach(site).getByRole('button', { name: /Open de coach\.$/ }).click();
    await expect.poll(() => coach(site).getByRole('dialog').isVisible()).toBe(true);
    const panel = await readableTexts(site, true);
    expect(panel.join(' ')).toContain('Toon');
    expect(englishLeft(panel, WORDS)).toEqual([]);
    await site.keyboard.press('Escape');
    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/src/popup/index.html`);
    await expect.poll(() => popup.getByRole('button', { name: 'Instellingen' }).count()).toBe(1);
    expect(englishLeft(await readableTexts(popup), WORDS)).toEqual([]);

    await options.bringToFront();
    await options.getByRole('combobox', { name: /Taal van Human Tone zelf/ }).selectOption('auto');
    await expect.poll(() => options.getByRole('heading', { name: 'Human Tone settings' }).count()).toBe(1);
    await b.serviceWorker!.evaluate(() => chrome.storage.sync.set({ settings: {} }));
    for (const p of [popup, site, options]) await p.close();
    b.assertNoUnroutedRequests();
  });
});
