/**
 * The canned-o-meter and personal progress in the built extension in Chromium: replies posted on the
 * X test page leave a fingerprint and the day's numbers (no text anywhere in storage), a restart of
 * the browser keeps them, the panel says how often almost this reply went out, a registered template
 * is recognised, the settings page shows progress (chart, table, CSV) and clears it, and nothing
 * leaves the browser.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURE_URLS, postedTexts, startBrowser, waitForFixture, type FixtureBrowser } from './fixtures/harness.js';
import { coach } from './coach-driver.js';
import { typeSlowly, waitForAnalysis } from './helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');
/** One template, sent to different customers (names and order numbers differ); its rare words must never be stored. */
const reply = (name: string, order: number) =>
  `Hi ${name}, thanks for waiting. Your marmalade hamper ${order} is with our warehouse team in Kettering, and they will check the wrapping before it leaves. ^DK`;
const RARE = ['marmalade', 'hamper', 'warehouse', 'Kettering', 'wrapping'];

let profile: string;
let b: FixtureBrowser | null = null;

beforeAll(() => {
  if (!existsSync(join(dist, 'manifest.json'))) execFileSync('npm', ['run', 'build:ext'], { cwd: root, stdio: 'ignore' });
  profile = mkdtempSync(join(tmpdir(), 'human-tone-history-'));
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
});

afterAll(async () => {
  await b?.close();
  rmSync(profile, { recursive: true, force: true });
});

async function everythingStored(fb: FixtureBrowser): Promise<string> {
  return fb.serviceWorker!.evaluate(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]));
}

async function openX(fb: FixtureBrowser): Promise<{ page: Page; box: string }> {
  const page = await fb.context.newPage();
  await page.goto(FIXTURE_URLS.xStatus);
  await waitForFixture(page);
  const box = await page.evaluate(() => window.__fixture!.selector);
  await page.waitForSelector('human-tone-coach', { state: 'attached' });
  return { page, box };
}

interface StoredHistory {
  prints: unknown[];
  days: Record<string, { n: number }>;
  templates: { name: string }[];
}

async function history(fb: FixtureBrowser): Promise<StoredHistory> {
  return (await fb.serviceWorker!.evaluate(async () => (await chrome.storage.local.get('history')).history)) as StoredHistory;
}

describe('canned-o-meter and progress', () => {
  test('posted replies leave fingerprints and numbers, no text; after a browser restart the panel counts them', { timeout: 120_000 }, async () => {
    b = await startBrowser({ extensionPath: dist, profileDir: profile });
    // Posts go through without the pre-post check, so that only the record is under test here.
    await b.serviceWorker!.evaluate(() => chrome.storage.sync.set({ settings: { prePost: 'off' } }));
    const { page, box } = await openX(b);
    const names = ['Greet', 'Joost', 'Amira'];
    for (const [i, name] of names.entries()) {
      await page.click(box);
      await typeSlowly(page, reply(name, 1000 + i));
      await waitForAnalysis(page);
      await page.click('[data-testid="tweetButtonInline"]');
      await expect.poll(() => postedTexts(page)).toHaveLength(i + 1);
    }
    await expect.poll(async () => (await history(b!))?.prints.length ?? 0).toBe(3);
    const h = await history(b!);
    expect(Object.values(h.days).map((d) => d.n)).toEqual([3]);
    const stored = await everythingStored(b);
    for (const word of RARE) expect(stored.toLowerCase()).not.toContain(word.toLowerCase());
    b.assertNoUnroutedRequests();
    await page.close();
    await b.close();

    // The browser restarts with the same profile: what the extension stored is still there.
    b = await startBrowser({ extensionPath: dist, profileDir: profile });
    const again = await openX(b);
    await again.page.click(again.box);
    await typeSlowly(again.page, reply('Lotte', 2000));
    await waitForAnalysis(again.page);
    await coach(again.page).getByRole('button', { name: /Human Tone/ }).click();
    const note = coach(again.page).getByRole('note');
    await expect.poll(() => note.textContent()).toMatch(/You have sent almost this reply 3 times this week\./);
    b.assertNoUnroutedRequests();
    await again.page.close();

    // On Facebook (Lexical), a comment posted with Enter counts the same way.
    const fb = await b.context.newPage();
    await fb.goto(FIXTURE_URLS.facebookPost);
    await waitForFixture(fb);
    const fbBox = await fb.evaluate(() => window.__fixture!.selector);
    await fb.waitForSelector('human-tone-coach', { state: 'attached' });
    await fb.click(fbBox);
    await typeSlowly(fb, reply('Noor', 4000));
    await waitForAnalysis(fb);
    await fb.keyboard.press('Enter');
    await expect.poll(() => postedTexts(fb)).toHaveLength(1);
    await expect.poll(async () => (await history(b!)).prints.length).toBe(4);
    for (const word of RARE) expect((await everythingStored(b)).toLowerCase()).not.toContain(word.toLowerCase());
    await fb.close();
  });

  test('the settings page shows the progress, exports it as CSV, registers a template and forgets on one click', { timeout: 120_000 }, async () => {
    const fb = b!;
    const options = await fb.context.newPage();
    await options.goto(`chrome-extension://${fb.extensionId}/src/options/index.html`);
    await expect.poll(() => options.getByRole('img', { name: /Last 30 days: 4 replies, average score \d+/ }).count()).toBe(1);
    await options.getByText('The days in a table').click();
    expect(await options.getByRole('row').count()).toBe(2); // the header and today
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export as CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^date,replies,average_score,/);
    expect(csv[1]).toMatch(/^\d{4}-\d\d-\d\d,4,\d+,/);
    expect(csv.join('\n')).not.toMatch(/marmalade|hamper/i);

    // A team template, registered by name: only its fingerprint is kept.
    await options.getByLabel('Template name').fill('slow parcel');
    await options.getByLabel('Template text').fill(reply('NAME', 0));
    await options.getByRole('button', { name: 'Register the template' }).click();
    await expect.poll(async () => (await history(fb)).templates.map((x) => x.name)).toEqual(['slow parcel']);
    for (const word of RARE) expect((await everythingStored(fb)).toLowerCase()).not.toContain(word.toLowerCase());

    const { page, box } = await openX(fb);
    await page.click(box);
    await typeSlowly(page, reply('Bram', 3000));
    await waitForAnalysis(page);
    await coach(page).getByRole('button', { name: /Human Tone/ }).click();
    await expect.poll(() => coach(page).getByRole('note').textContent()).toMatch(/4 times this week\..*the same as the template “slow parcel”/);

    // One click forgets the fingerprints (and templates); the panel stops counting.
    await options.bringToFront();
    await options.getByRole('button', { name: 'Forget all fingerprints' }).click();
    await expect.poll(async () => (await history(fb)).prints.length).toBe(0);
    await page.bringToFront();
    await page.click(box);
    await page.keyboard.type(' ');
    await waitForAnalysis(page);
    await coach(page).getByRole('button', { name: /Human Tone/ }).click();
    await expect.poll(() => coach(page).getByRole('note').count()).toBe(0);

    // After posting, the popup sums up the day.
    const popup = await fb.context.newPage();
    await popup.goto(`chrome-extension://${fb.extensionId}/src/popup/index.html`);
    await expect.poll(() => popup.getByText(/Today: 4 replies posted, average score \d+\./).count()).toBe(1);
    await popup.close();

    await options.bringToFront();
    await options.getByRole('button', { name: 'Clear my progress' }).click();
    await expect.poll(async () => Object.keys((await history(fb)).days).length).toBe(0);
    await expect.poll(() => options.getByText(/No replies posted through the coach in the last 30 days/).count()).toBe(1);
    fb.assertNoUnroutedRequests();
    await page.close();
    await options.close();
  });
});
