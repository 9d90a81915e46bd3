/**
 * The privacy guard in the built extension in Chromium, on the X test page (Draft.js): personal data
 * in a reply is underlined as privacy, the panel offers to move it to a private message, the
 * suggestion goes through the editor and one undo brings the text back, and posting a reply that still
 * holds it is stopped by the pre-post check (at its default level) with the reason first. Nothing
 * leaves the browser.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURE_URLS, fixtureText, postedTexts, startBrowser, waitForFixture, type FixtureBrowser } from './fixtures/harness.js';
import { coach } from './coach-driver.js';
import { highlightTexts, typeSlowly, waitForAnalysis } from './helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');
const REPLY = "Hi Sam, I rang you on 06 1234 5678 twice this morning but got no answer. I'll try again at 2pm. ^JD";

let b: FixtureBrowser;
beforeAll(async () => {
  if (!existsSync(join(dist, 'manifest.json'))) execFileSync('npm', ['run', 'build:ext'], { cwd: root, stdio: 'ignore' });
  b = await startBrowser({ extensionPath: dist });
});
afterAll(async () => {
  await b?.close();
});

/** The X test page with REPLY typed into its box and analysed. */
async function typedOnX() {
  const page = await b.context.newPage();
  await page.goto(FIXTURE_URLS.xStatus);
  await waitForFixture(page);
  const box = await page.evaluate(() => window.__fixture!.selector);
  await page.click(box);
  await typeSlowly(page, REPLY);
  await waitForAnalysis(page);
  return { page, box };
}

describe('privacy guard', () => {
  test('a phone number is underlined as privacy; the suggestion moves it out, and one undo brings it back', async () => {
    const { page, box } = await typedOnX();
    expect(await highlightTexts(page)).toContainEqual(['human-tone-privacy', '06 1234 5678']);
    await coach(page).getByRole('button', { name: /Human Tone/ }).click();
    const dialog = coach(page).getByRole('dialog');
    expect(await dialog.getByRole('region', { name: 'Privacy' }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Use: your number' }).click();
    await expect.poll(() => fixtureText(page)).toBe(REPLY.replace('06 1234 5678', 'your number'));
    await expect.poll(async () => (await highlightTexts(page)).some(([name]) => name === 'human-tone-privacy')).toBe(false);
    await page.click(box);
    await page.keyboard.press('Control+z');
    await expect.poll(() => fixtureText(page)).toBe(REPLY);
    await page.close();
    b.assertNoUnroutedRequests();
  });

  test('posting a reply that still holds personal data is stopped, with the reason first; "Post anyway" posts it unchanged', async () => {
    const { page } = await typedOnX();
    await page.click('[data-testid="tweetButtonInline"]');
    const check = coach(page).getByRole('alertdialog');
    await expect.poll(() => check.isVisible()).toBe(true);
    expect(await check.textContent()).toMatch(/holds personal data.*Privacy: “06 1234 5678”/);
    expect(await postedTexts(page)).toEqual([]);
    await check.getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => postedTexts(page)).toEqual([REPLY]);
    await page.close();
    b.assertNoUnroutedRequests();
  });
});
