/**
 * A whole webcare console, end to end (test/e2e/fixtures/console.html at a made-up console address,
 * turned on as a person would): conversations from several channels, the open conversation's thread,
 * and a TinyMCE reply form (the editor in its srcdoc frame, "Send reply" outside it). The customer's
 * message is picked from the thread (item 1), the reply is coached and fixed in the frame (item 3),
 * the team's earlier reply is checked as a selection (item 4); posting is checked first, the message
 * picked goes with the reply, and nothing leaves the browser.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkPayload } from '../../src/background/handler.js';
import { analyze, applySuggestion } from '../../src/engine/index.js';
import { readSettings } from '../../src/shared/settings.js';
import { checkPanel, coach } from './coach-driver.js';
import { answeringFromMenu, checkFromMenu, startWithConsole } from './console-setup.js';
import { FIXTURE_URLS, fixtureText, postedTexts, waitForFixture, type FixtureBrowser } from './fixtures/harness.js';
import { typeSlowly, waitForVerdict } from './helpers.js';

const LAST_FROM_TOM = 'That was a week ago and there is still nothing. Is anyone actually reading this?';
const OUR_EARLIER_REPLY = 'Thank you for reaching out. We will look into this.';
const REPLY = 'We apologize for any inconvenience. We will look into this further.';

let b: FixtureBrowser;
let page: Page;
let frame: Frame;

beforeAll(async () => {
  b = await startWithConsole();
  page = await b.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(FIXTURE_URLS.console);
  await waitForFixture(page, 'console');
  await page.waitForSelector('human-tone-coach', { state: 'attached' });
  frame = page.frames().find((f) => f.url() === 'about:srcdoc')!;
}, 60_000);

afterAll(async () => {
  await b?.close();
});

const context = () => page.evaluate(() => document.querySelector('human-tone-coach')?.getAttribute('data-human-tone-context') ?? null);

/** Selects a message's text the way a person does (a triple click selects its paragraph). */
async function select(text: string): Promise<string> {
  await page.getByText(text, { exact: true }).click({ clickCount: 3 });
  return page.evaluate(() => String(getSelection()).trim());
}

describe('a webcare console, end to end', () => {
  test('one coach, for the editor in its frame; not for the textarea it replaced', async () => {
    const counts: number[] = [];
    for (const f of page.frames()) counts.push(await f.evaluate(() => document.querySelectorAll('human-tone-coach').length));
    expect(counts).toEqual([1, 0]);
    expect(await context()).toBe('none');
  });

  test("the customer's last message, picked from the thread, is what the reply is coached against", async () => {
    const selected = await select(LAST_FROM_TOM);
    expect(selected).toBe(LAST_FROM_TOM);
    expect(await answeringFromMenu(b, FIXTURE_URLS.console, selected)).toEqual({ applied: true });
    await expect.poll(context).toBe('picked');
    await frame.click('body#tinymce');
    await typeSlowly(page, REPLY);
    const expected = analyze(REPLY, { context: LAST_FROM_TOM });
    await waitForVerdict(page, (s) => s.verdict === expected.verdict && s.score === String(expected.score));
    expect(await fixtureText(page)).toBe(REPLY);
  });

  test('a suggestion applies in the frame, through TinyMCE, and one undo brings the reply back', async () => {
    const expected = analyze(REPLY, { context: LAST_FROM_TOM });
    const flag = expected.flags.find((f) => f.suggestions[0]?.trim())!;
    expect(flag).toBeTruthy();
    // The panel is open since the message was picked; open it again if a click closed it.
    const dialog = coach(page).getByRole('dialog');
    if (!(await dialog.isVisible())) await coach(page).getByRole('button', { name: /Human Tone/ }).click();
    await dialog.getByRole('button', { name: `Use: ${flag.suggestions[0]}` }).click();
    await expect.poll(() => fixtureText(page)).toBe(applySuggestion(REPLY, flag, 0));
    await frame.click('body#tinymce');
    await page.keyboard.press('Control+z');
    await expect.poll(() => fixtureText(page)).toBe(REPLY);
    await waitForVerdict(page, (s) => s.score === String(expected.score));
  });

  test("the team's earlier reply, checked as a selection, opens in a panel with its flags", async () => {
    const selected = await select(OUR_EARLIER_REPLY);
    const payload = checkPayload(selected, readSettings({}));
    expect(payload.result!.flags.length).toBeGreaterThan(0);
    await checkFromMenu(b, FIXTURE_URLS.console, payload);
    const panel = checkPanel(page).getByRole('dialog', { name: /Tone of the selected text/ });
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.getByRole('listitem').count()).toBe(payload.result!.flags.length);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('human-tone-check').count()).toBe(0);
    // The reply is untouched.
    expect(await fixtureText(page)).toBe(REPLY);
  });

  test('"Send reply" is checked first; "Post anyway" posts the reply unchanged, and the picked message goes with it', async () => {
    await page.click('[data-fixture="submit"]');
    const check = coach(page).getByRole('alertdialog');
    await expect.poll(() => check.isVisible()).toBe(true);
    expect(await postedTexts(page)).toEqual([]);
    await check.getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => postedTexts(page)).toEqual([REPLY]);
    // The editor is empty again: the next reply answers something else.
    await expect.poll(context).toBe('none');
  });

  test('another conversation: its reply is coached on its own', async () => {
    await page.getByRole('button', { name: /Priya Shah/ }).click();
    await expect.poll(() => page.locator('[data-fixture="thread"]').getAttribute('data-conversation')).toBe('c-1042');
    await frame.click('body#tinymce');
    const reply = 'Priya, that is not how it should arrive. I am sending a new phone today. ^JD';
    await typeSlowly(page, reply);
    await waitForVerdict(page, (s) => s.score === String(analyze(reply).score));
    expect(await context()).toBe('none');
  });

  test('no request left the browser', () => {
    b.assertNoUnroutedRequests();
  });
});
