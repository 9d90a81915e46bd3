/**
 * "Teach a site once" in a webcare console (test/e2e/fixtures/console.html at a made-up console
 * address, turned on as a person would; the reply box is TinyMCE in its srcdoc frame, the thread in
 * the page around it): "Point at the customer's message" in the panel starts the element picker; Esc
 * cancels; a click on the message chooses it, and the rule derived from it is kept for the console's
 * origin (selectors only), found again after a reload and in the next conversation, says so when it
 * stops matching, is listed (and deleted) in the settings page, and can be taught with the keyboard.
 * The page can neither start nor steer the picker, and nothing leaves the browser.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../src/engine/index.js';
import { cdpFor, coach, coachTrees, pickerBar } from './coach-driver.js';
import { startWithConsole } from './console-setup.js';
import { CONSOLE_ORIGIN, FIXTURE_URLS, waitForFixture, type FixtureBrowser } from './fixtures/harness.js';
import { screenshotPath, typeSlowly, waitForVerdict } from './helpers.js';

const LAST_FROM_TOM = 'That was a week ago and there is still nothing. Is anyone actually reading this?';
const PRIYA = 'My new phone (order 48213) arrived with a cracked screen. What now?';
const REPLY = 'The refund is on its way.';
const RULE = { preceding: 'article[data-fixture="message"][data-from="customer"]', text: 'p.wc-text' };

let b: FixtureBrowser;
let page: Page;
const errors: string[] = [];

async function openConsole(): Promise<void> {
  await page.goto(FIXTURE_URLS.console);
  await waitForFixture(page, 'console');
  await page.waitForSelector('human-tone-coach', { state: 'attached' });
}

beforeAll(async () => {
  b = await startWithConsole();
  page = await b.context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.setViewportSize({ width: 1200, height: 900 });
  await openConsole();
}, 60_000);

afterAll(async () => {
  await b?.close();
});

const context = () => page.evaluate(() => document.querySelector('human-tone-coach')?.getAttribute('data-human-tone-context') ?? null);
const stored = async () => ((await b.serviceWorker!.evaluate(() => chrome.storage.local.get('siteContext'))) as { siteContext?: unknown }).siteContext;
const pickers = () => page.locator('human-tone-picker').count();
const dialog = () => coach(page).getByRole('dialog');
const answering = () => dialog().getByRole('region', { name: 'Message you are answering' });

interface Node {
  backendNodeId: number;
  attributes?: string[];
  children?: Node[];
  shadowRoots?: Node[];
}
function find(node: Node, ok: (attrs: Record<string, string>) => boolean): Node | null {
  const attrs: Record<string, string> = {};
  for (let i = 0; i + 1 < (node.attributes ?? []).length; i += 2) attrs[node.attributes![i]!] = node.attributes![i + 1]!;
  if (ok(attrs)) return node;
  for (const c of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const f = find(c, ok);
    if (f) return f;
  }
  return null;
}

/** The first words of the message answered as the panel shows them (generated content from an attribute in the closed root). */
async function shownMessage(): Promise<string | null> {
  for (const { host } of await coachTrees(page)) {
    const n = find(host as unknown as Node, (a) => /\bquote answered\b/.test(a.class ?? ''));
    if (n) {
      const i = n.attributes!.indexOf('data-text');
      return i >= 0 ? n.attributes![i + 1]! : null;
    }
  }
  return null;
}
const firstWords = (text: string) => {
  const w = text.split(/\s+/);
  return `“${w.length <= 12 ? text : `${w.slice(0, 12).join(' ')}…`}”`;
};

/** The picker's outline on screen (null while it outlines nothing). */
async function outline(): Promise<{ x: number; y: number; width: number; height: number } | null> {
  const [tree] = await coachTrees(page, 'human-tone-picker');
  if (!tree) return null;
  const n = find(tree.host as unknown as Node, (a) => a.class === 'outline');
  if (!n) return null;
  const cdp = await cdpFor(page);
  try {
    const { quads } = (await cdp.send('DOM.getContentQuads', { backendNodeId: n.backendNodeId })) as { quads: number[][] };
    const q = quads[0];
    return q ? { x: q[0]!, y: q[1]!, width: q[2]! - q[0]!, height: q[5]! - q[1]! } : null;
  } catch {
    return null;
  }
}

async function openPanel(): Promise<void> {
  if (!(await dialog().isVisible())) await coach(page).getByRole('button', { name: /Human Tone/ }).click();
  await expect.poll(() => dialog().isVisible()).toBe(true);
}

async function startPicker(): Promise<void> {
  await openPanel();
  await answering().getByRole('button', { name: "Point at the customer's message" }).click();
  await expect.poll(pickers).toBe(1);
}

async function centreOf(text: string): Promise<{ x: number; y: number; box: { x: number; y: number; width: number; height: number } }> {
  const box = (await page.getByText(text, { exact: true }).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

describe('teach a console once: point at the customer’s message', () => {
  test('the panel offers it; the outline follows the mouse; Esc cancels and nothing is stored', async () => {
    expect(await context()).toBe('none');
    await startPicker();
    expect(await pickerBar(page).getByRole('dialog', { name: "Point at the customer's message" }).count()).toBe(1);
    const at = await centreOf(LAST_FROM_TOM);
    await page.mouse.move(at.x, at.y);
    await expect.poll(outline).not.toBeNull();
    await page.screenshot({ path: screenshotPath('console-picker.png') });
    const o = (await outline())!;
    expect(Math.abs(o.x - (at.box.x - 2))).toBeLessThan(2);
    expect(Math.abs(o.width - (at.box.width + 4))).toBeLessThan(2);
    // The page sees only that something is being picked: an empty host, no attribute but its style, no open root.
    expect(
      await page.evaluate(() => {
        const h = document.querySelector('human-tone-picker')!;
        return { attrs: h.getAttributeNames(), text: h.textContent, open: [...h.querySelectorAll('*')].some((e) => e.shadowRoot) };
      }),
    ).toEqual({ attrs: ['style'], text: '', open: false });
    // The page's DOM is not touched: no class or style was added to what is outlined.
    expect(await page.getByText(LAST_FROM_TOM, { exact: true }).evaluate((el) => [el.getAttribute('class'), el.getAttribute('style')])).toEqual(['wc-text', null]);
    await page.keyboard.press('Escape');
    await expect.poll(pickers).toBe(0);
    await expect.poll(() => dialog().getByRole('status').textContent()).toMatch(/Pointing cancelled; nothing was saved/);
    expect(await stored()).toBeUndefined();
    expect(await context()).toBe('none');
  });

  test('a page script can neither start the picker nor choose for the person', async () => {
    await openPanel();
    await answering().getByRole('button', { name: "Point at the customer's message" }).scriptClick();
    expect(await pickers()).toBe(0);
    await startPicker();
    await page.evaluate((text) => {
      const el = [...document.querySelectorAll('p')].find((p) => p.textContent === text)!;
      el.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, composed: true }));
      el.click();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    }, LAST_FROM_TOM);
    // Still picking, nothing outlined by the script, nothing stored.
    expect(await pickers()).toBe(1);
    expect(await outline()).toBeNull();
    expect(await stored()).toBeUndefined();
    await page.keyboard.press('Escape');
    await expect.poll(pickers).toBe(0);
  });

  test('a click chooses: the page does not get the click, the rule (selectors only) is stored for the origin, and the reply is coached against the message', async () => {
    await page.evaluate(() => {
      const w = window as Window & { __clicks?: number };
      w.__clicks = 0;
      document.addEventListener('click', () => w.__clicks!++, true);
      document.addEventListener('mousedown', () => w.__clicks!++, true);
    });
    await startPicker();
    // (The click on "Point at…" itself reached the document, as every click in the coach does.)
    await page.evaluate(() => ((window as Window & { __clicks?: number }).__clicks = 0));
    const at = await centreOf(LAST_FROM_TOM);
    await page.mouse.move(at.x, at.y);
    await expect.poll(outline).not.toBeNull();
    await page.mouse.click(at.x, at.y);
    await expect.poll(pickers).toBe(0);
    await expect.poll(context).toBe('found');
    expect(await page.evaluate(() => (window as Window & { __clicks?: number }).__clicks)).toBe(0);
    await expect.poll(() => dialog().getByRole('status').textContent()).toMatch(/Saved for this site/);
    expect(await shownMessage()).toBe(firstWords(LAST_FROM_TOM));
    expect(await answering().textContent()).toMatch(/found with the rule taught for this site/);
    // Stored for the origin: selectors only, never the message.
    const s = await stored();
    expect(s).toEqual({ [CONSOLE_ORIGIN]: { rule: RULE, from: 'picked' } });
    expect(JSON.stringify(s)).not.toMatch(/week|Tom|Bakker|reading/);

    const frame = page.frames().find((f) => f.url() === 'about:srcdoc')!;
    await frame.click('body#tinymce');
    await typeSlowly(page, REPLY);
    const expected = analyze(REPLY, { context: LAST_FROM_TOM });
    expect(expected.score).not.toBe(analyze(REPLY).score);
    await waitForVerdict(page, (st) => st.verdict === expected.verdict && st.score === String(expected.score));
  });

  test('after a reload the stored rule finds the message again; in another conversation it finds that one', async () => {
    await openConsole();
    await expect.poll(context).toBe('found');
    await openPanel();
    expect(await shownMessage()).toBe(firstWords(LAST_FROM_TOM));
    await page.getByRole('button', { name: /Priya Shah/ }).click();
    await expect.poll(() => page.locator('[data-fixture="thread"]').getAttribute('data-conversation')).toBe('c-1042');
    await openPanel();
    await expect.poll(shownMessage).toBe(firstWords(PRIYA));
    expect(await context()).toBe('found');
  });

  test('a page that changes so the rule finds nothing: "none", and the panel says the taught rule found nothing; it never throws', async () => {
    await page.evaluate(() => {
      for (const a of document.querySelectorAll('article[data-from]')) a.setAttribute('data-from', 'someone-else');
    });
    await expect.poll(context).toBe('none');
    await openPanel();
    await expect.poll(() => answering().textContent()).toMatch(/The rule taught for this site found no message here/);
    // A rule that no longer parses (a team guide with a broken selector): the same, and no error.
    await b.serviceWorker!.evaluate((origin) => chrome.storage.local.set({ siteContext: { [origin]: { rule: { preceding: 'article[data-from=', text: 'p' }, from: 'guide', guide: 'Broken guide' } } }), CONSOLE_ORIGIN);
    await page.evaluate(() => (window as Window & { __fixtureOpenConversation?: (id: string) => void }).__fixtureOpenConversation!('c-1041'));
    await expect.poll(() => answering().textContent()).toMatch(/found no message here/);
    expect(await context()).toBe('none');
    // The good rule back: found again, without a reload.
    await b.serviceWorker!.evaluate(({ origin, rule }) => chrome.storage.local.set({ siteContext: { [origin]: { rule, from: 'picked' } } }), { origin: CONSOLE_ORIGIN, rule: RULE });
    await expect.poll(context).toBe('found');
    await expect.poll(shownMessage).toBe(firstWords(LAST_FROM_TOM));
    expect(errors).toEqual([]);
  });

  test('the settings page lists the taught site with its rule and who set it; delete removes it, and the page falls back to "none"', async () => {
    // A second site, set by a team guide, is listed with the guide's name.
    const GUIDE_SITE = 'https://help.webcare.test';
    await b.serviceWorker!.evaluate(async (site) => {
      const { siteContext } = (await chrome.storage.local.get('siteContext')) as { siteContext: Record<string, unknown> };
      await chrome.storage.local.set({ siteContext: { ...siteContext, [site]: { rule: { closest: '[role="article"]', text: '[dir="auto"]' }, from: 'guide', guide: 'Acme Care guide' } } });
    }, GUIDE_SITE);
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/src/options/index.html`);
    const section = options.getByRole('region', { name: 'Sites you taught' });
    await expect.poll(() => section.getByRole('listitem').count()).toBe(2);
    const guided = section.getByRole('listitem').filter({ hasText: GUIDE_SITE });
    expect(await guided.textContent()).toMatch(/in the \[role="article"\] that holds the reply box, its \[dir="auto"\]/);
    expect(await guided.textContent()).toContain('team guide “Acme Care guide”');
    await options.getByRole('button', { name: `Delete the rule for ${GUIDE_SITE}` }).click();
    await expect.poll(() => section.getByRole('listitem').count()).toBe(1);
    const item = section.getByRole('listitem').first();
    expect(await item.textContent()).toContain(CONSOLE_ORIGIN);
    expect(await item.textContent()).toContain(RULE.preceding);
    expect(await item.textContent()).toContain(RULE.text);
    expect(await item.textContent()).toMatch(/you pointed at it/);
    await options.getByRole('button', { name: `Delete the rule for ${CONSOLE_ORIGIN}` }).click();
    await expect.poll(stored).toEqual({});
    await expect.poll(() => section.getByRole('listitem').count()).toBe(0);
    await expect.poll(() => section.getByText(`The rule for ${CONSOLE_ORIGIN} was deleted.`).count()).toBe(1);
    await options.close();
    await page.bringToFront();
    await expect.poll(context).toBe('none');
    await openPanel();
    await expect.poll(() => answering().textContent()).toMatch(/Not known here/);
  });

  test('taught with the keyboard: ↑ outlines the last message before the reply box, Enter chooses', async () => {
    await openPanel();
    await answering().getByRole('button', { name: "Point at the customer's message" }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(pickers).toBe(1);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => pickerBar(page).getByRole('status').textContent()).toMatch(/Outlined: “That was a week ago/);
    await page.keyboard.press('Enter');
    await expect.poll(pickers).toBe(0);
    await expect.poll(context).toBe('found');
    expect(await stored()).toEqual({ [CONSOLE_ORIGIN]: { rule: RULE, from: 'picked' } });
  });

  test('the reply box itself cannot be the message: nothing is saved, and the panel says why', async () => {
    await b.serviceWorker!.evaluate(() => chrome.storage.local.remove('siteContext'));
    await expect.poll(context).toBe('none');
    await startPicker();
    const frameBox = (await page.locator('iframe').first().boundingBox())!;
    await page.mouse.click(frameBox.x + frameBox.width / 2, frameBox.y + frameBox.height / 2);
    await expect.poll(pickers).toBe(0);
    await expect.poll(() => dialog().getByRole('status').textContent()).toMatch(/That is the reply box/);
    expect(await stored()).toBeUndefined();
  });

  test('no request left the browser, and nothing threw', () => {
    b.assertNoUnroutedRequests();
    expect(errors).toEqual([]);
  });
});
