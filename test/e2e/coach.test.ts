/**
 * The extension in real Chromium, on fixture pages built with the real editors (Draft.js for X,
 * Lexical for Facebook), served at the real sites' URLs so that the production manifest is what
 * runs. Nothing may leave the browser.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyze, applySuggestion } from '../../src/engine/index.js';
import { FIXTURE_URLS, fixtureText, postedTexts, startBrowser, waitForFixture, type FixtureBrowser } from './fixtures/harness.js';
import { coach, coachElementNames } from './coach-driver.js';
import { coachIndex, highlightTexts, readXContext, screenshotPath, typeSlowly, waitForAnalysis, waitForVerdict } from './helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');

const SCRIPTED = 'We apologize for any inconvenience. Please DM us your account number so we can look into this further.';
const WARM = "Priya, I'm so sorry, a cracked screen on order 48213 is not ok. I've sent a new one by express; it arrives tomorrow before noon. ^JD";

let b: FixtureBrowser;

beforeAll(async () => {
  if (!existsSync(join(dist, 'manifest.json'))) execFileSync('npm', ['run', 'build:ext'], { cwd: root, stdio: 'ignore' });
  b = await startBrowser({ extensionPath: dist });
  expect(b.extensionId).toBeTruthy();
});

afterAll(async () => {
  await b?.close();
});

async function openX(url: string = FIXTURE_URLS.xStatus): Promise<{ page: Page; box: string }> {
  const page = await b.context.newPage();
  await page.goto(url);
  await waitForFixture(page);
  const box = await page.evaluate(() => window.__fixture!.selector);
  await page.waitForSelector('human-tone-coach', { state: 'attached' });
  return { page, box };
}

async function openFacebook(url: string = FIXTURE_URLS.facebookPost): Promise<{ page: Page; box: string }> {
  const page = await b.context.newPage();
  await page.goto(url);
  await waitForFixture(page);
  const box = await page.evaluate(() => window.__fixture!.selector);
  await page.waitForSelector('human-tone-coach', { state: 'attached' });
  return { page, box };
}

describe('on X (Draft.js)', () => {
  // How fast the coach answers is measured by `npm run bench` (bench/extension.bench.mts), not here:
  // these tests wait for the right state, with a generous timeout, so a busy machine cannot fail them.
  test('scripted text gets highlights on exactly the flagged spans, and the badge shows the verdict', async () => {
    const { page, box } = await openX();
    const expected = analyze(SCRIPTED, await readXContext(page));
    await page.click(box);
    await typeSlowly(page, SCRIPTED);
    await waitForVerdict(page, (s) => s.verdict === expected.verdict && s.score === String(expected.score));
    expect(await fixtureText(page)).toBe(SCRIPTED);
    expect(expected.verdict).not.toBe('human');
    const drawn = await highlightTexts(page);
    expect(drawn).toEqual(expected.flags.map((f) => [`human-tone-${f.category}`, f.text]).sort());
    await page.close();
  });

  test('a warm, specific, signed reply gets no highlights', async () => {
    const { page, box } = await openX();
    await page.click(box);
    await typeSlowly(page, WARM);
    const state = await waitForVerdict(page, (s) => s.verdict === 'human');
    expect(Number(state.score)).toBeGreaterThanOrEqual(65);
    expect(await highlightTexts(page)).toEqual([]);
    await page.close();
  });

  test('applying a suggestion changes the editor’s own state, and one undo restores the original', async () => {
    const { page, box } = await openX();
    await page.click(box);
    await typeSlowly(page, SCRIPTED);
    await waitForAnalysis(page);
    const expected = analyze(SCRIPTED, await readXContext(page));
    const flag = expected.flags.find((f) => f.category === 'scripted')!;
    expect(flag).toBeTruthy();

    await coach(page).getByRole('button', { name: /Human Tone/ }).click();
    const dialog = coach(page).getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const suggestion = flag.suggestions[0]!;
    await dialog.getByRole('button', { name: `Use: ${suggestion}` }).click();
    const after = applySuggestion(SCRIPTED, flag, 0);
    await expect.poll(() => fixtureText(page)).toBe(after);

    await page.click(box);
    await page.keyboard.press('Control+z');
    await expect.poll(() => fixtureText(page)).toBe(SCRIPTED);
    await page.close();
  });

  test('the pre-post check stops a scripted reply once; "Post anyway" posts the unchanged text', async () => {
    const { page, box } = await openX();
    await page.click(box);
    await typeSlowly(page, SCRIPTED);
    await waitForAnalysis(page);
    await page.click('[data-testid="tweetButtonInline"]');
    const check = coach(page).getByRole('alertdialog');
    await expect.poll(() => check.isVisible()).toBe(true);
    expect(await postedTexts(page)).toEqual([]);
    await check.getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => postedTexts(page)).toEqual([SCRIPTED]);

    // The same text is never stopped twice.
    await page.click(box);
    await typeSlowly(page, SCRIPTED);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => postedTexts(page)).toEqual([SCRIPTED, SCRIPTED]);
    expect(await check.count()).toBe(0);
    await page.close();
  });

  test('"Review" keeps the reply and opens the coach; Ctrl+Enter is checked too', async () => {
    const { page, box } = await openX();
    await page.click(box);
    await typeSlowly(page, SCRIPTED);
    await page.keyboard.press('Control+Enter');
    const check = coach(page).getByRole('alertdialog');
    await expect.poll(() => check.isVisible()).toBe(true);
    await check.getByRole('button', { name: 'Review' }).click();
    await expect.poll(() => coach(page).getByRole('dialog').isVisible()).toBe(true);
    expect(await postedTexts(page)).toEqual([]);
    expect(await fixtureText(page)).toBe(SCRIPTED);
    await page.close();
  });

  test('a human reply posts without a check', async () => {
    const { page, box } = await openX();
    await page.click(box);
    await typeSlowly(page, WARM);
    await waitForVerdict(page, (s) => s.verdict === 'human');
    await page.click('[data-testid="tweetButtonInline"]');
    await expect.poll(() => postedTexts(page)).toEqual([WARM]);
    await page.close();
  });

  // Stopping the service worker mid-typing: see lifecycle.test.ts.

  test('typing a long reply with coaching active leaves the editor holding exactly what was typed', async () => {
    const { page, box } = await openX();
    await page.click(box);
    const long = ('We apologize for any inconvenience!!! Please DM us. ' + "I'll check order 48213 for you today, Priya. ").repeat(6).trim();
    await page.keyboard.type(long, { delay: 2 });
    await waitForAnalysis(page);
    await page.waitForTimeout(400);
    expect(await fixtureText(page)).toBe(long);
    await page.close();
  });

  test('highlights stay on the right words after the editor re-renders (a new line splits the block)', async () => {
    const { page, box } = await openX();
    await page.click(box);
    await typeSlowly(page, SCRIPTED);
    await waitForAnalysis(page);
    await page.keyboard.press('Home');
    await page.keyboard.press('Control+Home');
    await typeSlowly(page, 'Hello');
    await page.keyboard.press('Enter');
    const text = await fixtureText(page);
    expect(text).toBe('Hello\n' + SCRIPTED);
    const expected = analyze(text, await readXContext(page));
    await expect.poll(() => highlightTexts(page), { timeout: 5000 }).toEqual(expected.flags.map((f) => [`human-tone-${f.category}`, f.text]).sort());
    await page.close();
  });

  test('boxes that leave the page are released and found again after in-page navigation', async () => {
    const { page } = await openX();
    await page.evaluate(() => window.__fixtureNavigate!('/explore'));
    await expect.poll(() => page.locator('human-tone-coach').count()).toBe(0);
    await page.evaluate(() => window.__fixtureNavigate!('/PriyaShah/status/1790000000000000001'));
    await expect.poll(() => page.locator('human-tone-coach').count()).toBe(1);
    await page.close();
  });

  test('the reply dialog (modal) is coached too', async () => {
    const { page } = await openX(FIXTURE_URLS.xCompose);
    const box = '[role="dialog"] [data-testid="tweetTextarea_0"]';
    await page.click(box);
    await typeSlowly(page, 'Thank you for reaching out. Your feedback is important to us.');
    expect((await waitForAnalysis(page, box)).verdict).not.toBe('human');
    await page.close();
  });

  test('the badge and the panel work from the keyboard, with roles and names', async () => {
    const { page, box } = await openX();
    await page.click(box);
    await typeSlowly(page, SCRIPTED);
    await waitForAnalysis(page);
    const badge = coach(page).getByRole('button', { name: /Human Tone: .*score \d+/ });
    await badge.focus();
    await page.keyboard.press('Enter');
    const dialog = coach(page).getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // Focus moved into the panel (inside the coach's closed root, so the page sees only the coach's element).
    expect(await page.evaluate(() => document.activeElement?.closest('human-tone-coach') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.close();
  });

  test('settings apply at once in open tabs', async () => {
    const { page } = await openX();
    const sw = b.serviceWorker!;
    await sw.evaluate(() => chrome.storage.sync.set({ settings: { sites: { x: false } } }));
    await expect.poll(() => page.locator('human-tone-coach').count()).toBe(0);
    await sw.evaluate(() => chrome.storage.sync.set({ settings: {} }));
    await expect.poll(() => page.locator('human-tone-coach').count()).toBe(1);
    await page.close();
  });

  test('"Turn this rule off" takes effect at once and is kept in the settings', async () => {
    const { page, box } = await openX();
    await page.click(box);
    const text = 'Thank you for reaching out. I have sent the new code. ^JD';
    await typeSlowly(page, text);
    await waitForAnalysis(page);
    const before = await highlightTexts(page);
    expect(before.length).toBeGreaterThan(0);
    await coach(page).getByRole('button', { name: /Human Tone/ }).click();
    const firstFlag = coach(page).getByRole('dialog').getByRole('listitem').first();
    await firstFlag.getByRole('button', { name: 'Turn this rule off' }).click();
    await expect
      .poll(async () => ((await b.serviceWorker!.evaluate(() => chrome.storage.sync.get('settings'))).settings as { disabledRules?: string[] } | undefined)?.disabledRules?.length)
      .toBe(1);
    const stored = await b.serviceWorker!.evaluate(() => chrome.storage.sync.get('settings'));
    const off = (stored.settings as { disabledRules: string[] }).disabledRules;
    // Another rule may match the same words; what is drawn is what the engine says without that rule.
    const expected = analyze(text, { ...(await readXContext(page)), disabledRules: off });
    await expect.poll(() => highlightTexts(page)).toEqual(expected.flags.map((f) => [`human-tone-${f.category}`, f.text]).sort());
    expect(expected.flags.map((f) => f.rule)).not.toContain(off[0]);
    await b.serviceWorker!.evaluate(() => chrome.storage.sync.set({ settings: {} }));
    await page.close();
  });

  test('a hostile page cannot get markup into the coach', async () => {
    const { page, box } = await openX();
    await page.evaluate(() => {
      const text = document.querySelector('[data-testid="tweetText"]')!;
      text.textContent = 'Still broken!!! <img src=x onerror="window.__pwned=1"> furious';
      const name = document.querySelector('[data-testid="User-Name"] span')!;
      name.textContent = '<b onmouseover="window.__pwned=2">Eve</b>';
    });
    await page.click(box);
    await typeSlowly(page, 'Please contact customer service.');
    await waitForAnalysis(page);
    await coach(page).getByRole('button', { name: /Human Tone/ }).click();
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const names = await coachElementNames(page);
    expect(names).toContain('button');
    expect(names.filter((n) => n === 'img' || n === 'b')).toEqual([]);
    await page.close();
  });

  test('screenshot of the coach on X', async () => {
    const { page, box } = await openX();
    await page.setViewportSize({ width: 1100, height: 720 });
    await page.click(box);
    await typeSlowly(page, SCRIPTED);
    await waitForAnalysis(page);
    await coach(page).getByRole('button', { name: /Human Tone/ }).click();
    await page.waitForTimeout(200);
    await page.screenshot({ path: screenshotPath('x-coach.png') });
    await page.close();
  });
});

describe('on Facebook (Lexical)', () => {
  test('a comment is coached, a suggestion applies through Lexical, and one undo restores it', async () => {
    const { page, box } = await openFacebook();
    await page.click(box);
    const text = 'Dear customer, we regret to inform you that we cannot comment on individual cases.';
    await typeSlowly(page, text);
    const state = await waitForAnalysis(page);
    expect(state.verdict).not.toBe('human');
    const drawn = await highlightTexts(page);
    expect(drawn.length).toBeGreaterThan(0);

    await coach(page).getByRole('button', { name: /Human Tone/ }).click();
    const first = coach(page).getByRole('dialog').getByRole('button', { name: /^(Use|Remove)/ }).first();
    await first.click();
    await expect.poll(() => fixtureText(page)).not.toBe(text);
    const changed = await fixtureText(page);
    expect(changed.length).toBeGreaterThan(0);
    await page.click(box);
    await page.keyboard.press('Control+z');
    await expect.poll(() => fixtureText(page)).toBe(text);
    await page.close();
  });

  test('Enter posts a comment; the check stops a scripted one, "Post anyway" posts it unchanged', async () => {
    const { page, box } = await openFacebook();
    await page.click(box);
    const text = 'We apologise for any inconvenience caused. Please send us a private message with your order number.';
    await typeSlowly(page, text);
    await waitForAnalysis(page);
    await page.keyboard.press('Enter');
    const check = coach(page).getByRole('alertdialog');
    await expect.poll(() => check.isVisible()).toBe(true);
    expect(await postedTexts(page)).toEqual([]);
    await check.getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => postedTexts(page)).toEqual([text]);
    await page.close();
  });

  test('a reply to a comment knows what it answers', async () => {
    const { page } = await openFacebook(FIXTURE_URLS.facebookPostReplyOpen);
    const box = '[data-fixture="reply-composer"] [data-lexical-editor="true"]';
    await page.waitForSelector(box);
    await expect.poll(() => page.locator('human-tone-coach').count()).toBe(2);
    await page.click(box);
    await typeSlowly(page, 'The parcel is with the courier.');
    await waitForAnalysis(page, box);
    // Anna wrote it took ten days to answer: the reply never acknowledges it nor uses her name.
    const index = await coachIndex(page, box);
    // Public, for automation: the coach knows what this reply answers (found by the site adapter).
    expect(await page.evaluate((i) => document.querySelectorAll('human-tone-coach')[i]!.getAttribute('data-human-tone-context'), index)).toBe('found');
    const theirs = coach(page, index);
    await theirs.getByRole('button', { name: /Human Tone/ }).click();
    const dialog = theirs.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // Her name is offered in the suggestions (their text is their accessible name).
    expect(await dialog.getByRole('button', { name: /Anna/ }).count()).toBeGreaterThan(0);
    // What the reply left out, in her own words.
    const leftOut = dialog.getByRole('region', { name: 'What it left out' });
    await expect.poll(() => leftOut.isVisible()).toBe(true);
    expect(await leftOut.getByRole('listitem').first().textContent()).toMatch(/^They (wrote|asked|gave) “.+”: /);
    await page.close();
  });

  test('screenshot of the coach on Facebook', async () => {
    const { page, box } = await openFacebook();
    await page.setViewportSize({ width: 1100, height: 760 });
    await page.click(box);
    await typeSlowly(page, 'Dear customer, we regret to inform you that we cannot comment on individual cases. Kind regards, The Customer Care Team');
    await waitForAnalysis(page);
    await page.waitForTimeout(200);
    await page.screenshot({ path: screenshotPath('facebook-coach.png') });
    await page.close();
  });
});

describe('clicking a flagged span', () => {
  test('shows its flag in the panel and leaves the caret in the editor', async () => {
    const { page, box } = await openX();
    await page.click(box);
    await typeSlowly(page, 'Thank you for reaching out.');
    await waitForAnalysis(page);
    await page.click(box);
    const dialog = coach(page).getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.type(' More');
    await expect.poll(() => fixtureText(page)).toMatch(/More/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tweetTextarea_0');
    await page.close();
  });
});

describe('on a plain textarea', () => {
  test('underlines through a mirror, applies a suggestion undoably, and checks before posting', async () => {
    const page = await b.context.newPage();
    await page.goto(FIXTURE_URLS.redditTextarea);
    await waitForFixture(page);
    const box = 'textarea#reply';
    await page.waitForSelector('human-tone-coach', { state: 'attached' });
    await page.click(box);
    const text = 'We apologize for any inconvenience. Please fill in the contact form on our website.';
    await typeSlowly(page, text);
    const expected = analyze(text);
    await waitForVerdict(page, (s) => s.verdict === expected.verdict && s.score === String(expected.score));
    expect(await highlightTexts(page)).toEqual(expected.flags.map((f) => [`human-tone-${f.category}`, f.text]).sort());
    // The textarea itself is untouched: no child nodes, the value exactly what was typed.
    expect(await page.$eval(box, (el) => el.childNodes.length)).toBe(0);

    const flag = expected.flags[0]!;
    await coach(page).getByRole('button', { name: /Human Tone/ }).click();
    const label = flag.suggestions[0]!.trim() ? `Use: ${flag.suggestions[0]}` : `Remove “${flag.text}”`;
    await coach(page).getByRole('dialog').getByRole('button', { name: label }).first().click();
    await expect.poll(() => fixtureText(page)).toBe(applySuggestion(text, flag, 0));
    await page.click(box);
    await page.keyboard.press('Control+z');
    await expect.poll(() => fixtureText(page)).toBe(text);

    await waitForVerdict(page, (s) => s.score === String(expected.score));
    await page.click('[data-fixture="submit"]');
    await expect.poll(() => coach(page).getByRole('alertdialog').isVisible()).toBe(true);
    expect(await postedTexts(page)).toEqual([]);
    await coach(page).getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => postedTexts(page)).toEqual([text]);
    await page.close();
  });
});

describe('promises', () => {
  test('no request left the browser during any of these tests', () => {
    b.assertNoUnroutedRequests();
  });
});
