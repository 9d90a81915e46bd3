/**
 * A hostile page: its scripts try to drive the coach, to read the person's sign-off and settings,
 * and to change what the extension does by replacing the DOM APIs it uses or by forging messages.
 * Real Chromium, the built extension, the X fixture (Draft.js). The person's own input comes from
 * Playwright's mouse and keyboard (trusted events); the page's from scripts in the page.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { analyze } from '../../src/engine/index.js';
import { FIXTURE_URLS, fixtureText, postedTexts, startBrowser, waitForFixture, type FixtureBrowser } from './fixtures/harness.js';
import { coach } from './coach-driver.js';
import { coachState, highlightTexts, readXContext, typeSlowly, waitForAnalysis, waitForVerdict } from './helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');

const SCRIPTED = 'We apologize for any inconvenience. Please DM us your account number so we can look into this further.';
/** A sign-off no page text contains: wherever the page finds it, it read it from the coach. */
const SIGN_OFF = '^ZQX';
const SECRET = 'ZQX';

let b: FixtureBrowser;

beforeAll(async () => {
  if (!existsSync(join(dist, 'manifest.json'))) execFileSync('npm', ['run', 'build:ext'], { cwd: root, stdio: 'ignore' });
  b = await startBrowser({ extensionPath: dist });
  expect(b.extensionId).toBeTruthy();
});

afterAll(async () => {
  await b?.close();
});

async function storedSettings(): Promise<unknown> {
  return (await b.serviceWorker!.evaluate(() => chrome.storage.sync.get('settings'))).settings;
}

beforeEach(async () => {
  await b.serviceWorker!.evaluate((signature) => chrome.storage.sync.set({ settings: { signature, prePost: 'scripted' } }), SIGN_OFF);
});

/** Lets the page run its event loop twice over (two frames): anything a script event triggered has happened by then. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

async function openX(page?: Page): Promise<{ page: Page; box: string }> {
  page ??= await b.context.newPage();
  await page.goto(FIXTURE_URLS.xStatus);
  await waitForFixture(page);
  const box = await page.evaluate(() => window.__fixture!.selector);
  await page.waitForSelector('human-tone-coach', { state: 'attached' });
  return { page, box };
}

describe('the page cannot drive the coach', () => {
  test('the coach’s root is out of the page’s reach, and its host carries only the public attributes', async () => {
    const { page, box } = await openX();
    await page.click(box);
    await typeSlowly(page, SCRIPTED);
    await waitForAnalysis(page);
    const seen = await page.evaluate(() => {
      const host = document.querySelector('human-tone-coach')!;
      const all = [host, ...host.querySelectorAll('*')];
      return {
        roots: all.map((el) => el.shadowRoot),
        attributes: host.getAttributeNames().sort(),
        light: all.map((el) => el.localName),
        text: host.textContent,
      };
    });
    expect(seen.roots).toEqual([null, null]);
    expect(seen.attributes).toEqual(['data-human-tone-context', 'data-human-tone-score', 'data-human-tone-verdict', 'style']);
    expect(seen.light).toEqual(['human-tone-coach', 'div']);
    expect(seen.text).toBe('');
    await page.close();
  });

  test('script clicks and keys on every control (badge, suggestions, ignore, rule off, close, review, post anyway) change neither settings nor text', async () => {
    const { page, box } = await openX();
    await page.click(box);
    await typeSlowly(page, SCRIPTED);
    const state = await waitForAnalysis(page);
    const settings = await storedSettings();
    const badge = coach(page).getByRole('button', { name: /Human Tone/ });
    const dialog = coach(page).getByRole('dialog');

    // The badge: a script click does not open the panel.
    await badge.scriptClick();
    await settle(page);
    expect(await dialog.count()).toBe(0);

    // The person opens it; then a script clicks everything inside.
    await badge.click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const suggestions = dialog.getByRole('button', { name: /^(Use|Remove)/ });
    const n = await suggestions.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await suggestions.nth(i).scriptClick();
    for (const name of ['Ignore here', 'Turn this rule off']) {
      const buttons = dialog.getByRole('button', { name });
      const count = await buttons.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) await buttons.nth(i).scriptClick();
    }
    await dialog.getByRole('button', { name: 'Close' }).scriptClick();
    // Escape and a click elsewhere, dispatched by the page, at the coach's host and at the document.
    await page.evaluate(() => {
      const host = document.querySelector('human-tone-coach')!;
      for (const target of [host, host.firstElementChild!, document, document.body]) {
        target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
        target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      }
    });
    await settle(page);
    expect(await fixtureText(page)).toBe(SCRIPTED);
    expect(await storedSettings()).toEqual(settings);
    expect(await dialog.isVisible()).toBe(true);
    expect(await coachState(page)).toEqual(state);

    // The pre-post check: the person posts; a script answers the check; nothing is posted, the check stays.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.click('[data-testid="tweetButtonInline"]');
    const check = coach(page).getByRole('alertdialog');
    await expect.poll(() => check.isVisible()).toBe(true);
    await check.getByRole('button', { name: 'Post anyway' }).scriptClick();
    await check.getByRole('button', { name: 'Review' }).scriptClick();
    await settle(page);
    expect(await check.isVisible()).toBe(true);
    expect(await postedTexts(page)).toEqual([]);
    expect(await storedSettings()).toEqual(settings);

    // The same controls answer the person: the check posts exactly what was typed.
    await check.getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => postedTexts(page)).toEqual([SCRIPTED]);
    await page.close();
  });

  test('a rule is turned off only by the person’s own click', async () => {
    const { page, box } = await openX();
    await page.click(box);
    await typeSlowly(page, SCRIPTED);
    await waitForAnalysis(page);
    await coach(page).getByRole('button', { name: /Human Tone/ }).click();
    // The first flag's button (the panel's first list may be "What it left out", which has none).
    const ruleOff = coach(page).getByRole('dialog').getByRole('button', { name: 'Turn this rule off' }).first();
    await ruleOff.scriptClick();
    await settle(page);
    expect((await storedSettings()) as { disabledRules?: string[] }).not.toHaveProperty('disabledRules');
    await ruleOff.click();
    await expect.poll(async () => ((await storedSettings()) as { disabledRules?: string[] }).disabledRules?.length).toBe(1);
    await page.close();
  });
});

/**
 * Everything a page script can read: the light DOM and open shadow roots (attributes and text),
 * its own hooks (attachShadow, attachInternals of a <human-tone-coach> it defines first, a
 * MutationObserver, message listeners), window.find, the selection, what is under every point of
 * the window, the highlight registry and the nodes its ranges lead to, storage and performance
 * entries. Returned as one list of strings.
 */
const HOOKS = `(() => {
  const w = window;
  w.__leaks = [];
  w.__roots = [];
  w.__internals = [];
  w.__messages = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const r = attach.call(this, init); w.__roots.push(r); return r; };
  customElements.define('human-tone-coach', class extends HTMLElement {
    constructor() { super(); try { w.__internals.push(this.attachInternals()); } catch (e) { w.__leaks.push('attachInternals failed: ' + e.message); } }
  });
  addEventListener('message', (e) => { try { w.__messages.push(JSON.stringify(e.data)); } catch { w.__messages.push(String(e.data)); } }, true);
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') w.__leaks.push(String(r.target.getAttribute && r.target.getAttribute(r.attributeName)));
      if (r.type === 'characterData') w.__leaks.push(r.target.data);
      for (const n of r.addedNodes) w.__leaks.push(n.textContent || '', n.outerHTML || '');
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

async function everythingThePageCanRead(page: Page): Promise<string[]> {
  return page.evaluate((secret) => {
    const w = window as unknown as { __leaks: string[]; __roots: ShadowRoot[]; __internals: ElementInternals[]; __messages: string[] };
    const out: string[] = [...w.__leaks, ...w.__messages];
    const visit = (node: Element | ShadowRoot) => {
      if (node instanceof Element) {
        for (const a of node.getAttributeNames()) out.push(node.getAttribute(a) ?? '');
        if (node.shadowRoot) visit(node.shadowRoot);
      }
      for (const child of node.children) visit(child);
    };
    visit(document.documentElement);
    out.push(document.documentElement.outerHTML, document.body.innerText, document.title);
    for (const r of w.__roots) out.push(r.innerHTML);
    for (const i of w.__internals) out.push(i.shadowRoot ? i.shadowRoot.innerHTML : '');
    out.push((window as unknown as { find(s: string): boolean }).find(secret) ? `window.find found ${secret}` : '');
    getSelection()!.removeAllRanges();
    document.execCommand('selectAll');
    out.push(getSelection()!.toString());
    getSelection()!.removeAllRanges();
    for (let x = 0; x < innerWidth; x += 6) {
      for (let y = 0; y < innerHeight; y += 6) {
        const r = document.caretRangeFromPoint(x, y);
        if (r) out.push(r.startContainer.textContent ?? '');
        for (const el of document.elementsFromPoint(x, y)) out.push(el.getAttributeNames().map((a) => el.getAttribute(a)).join(' '));
      }
    }
    for (const [, h] of CSS.highlights as unknown as Map<string, Set<Range>>) {
      for (const r of h) {
        out.push(r.toString());
        const rootNode = r.startContainer.getRootNode();
        if (rootNode instanceof ShadowRoot) out.push(rootNode.innerHTML);
      }
    }
    out.push(JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), document.cookie, window.name);
    out.push(...performance.getEntries().map((e) => e.name));
    return out;
  }, SECRET);
}

describe('the page cannot read the person’s data', () => {
  test('the sign-off set in storage appears nowhere the page can read, with the panel open', async () => {
    const page = await b.context.newPage();
    await page.addInitScript(HOOKS);
    const { box } = await openX(page);
    await page.click(box);
    await typeSlowly(page, 'We have passed this on to the relevant department.');
    await waitForAnalysis(page);
    await coach(page).getByRole('button', { name: /Human Tone/ }).click();
    const dialog = coach(page).getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // The person sees the sign-off in a suggestion (so the test is not vacuous) ...
    const signed = dialog.getByRole('button', { name: SIGN_OFF });
    expect(await signed.count()).toBeGreaterThan(0);
    expect(await signed.first().isVisible()).toBe(true);
    // ... and the page, whatever it tries, does not.
    const read = await everythingThePageCanRead(page);
    expect(read.length).toBeGreaterThan(1000);
    expect(read.filter((s) => s.includes(SECRET))).toEqual([]);
    // Its own <human-tone-coach> definition ran on the coach's host, and got nothing.
    expect(await page.evaluate(() => (window as unknown as { __internals: ElementInternals[] }).__internals.map((i) => i.shadowRoot))).toEqual([null]);
    await page.close();
  });
});

/**
 * The page replaces what the coach uses, in its own script world: the highlight registry,
 * Highlight, Range, document.createRange, MutationObserver, ResizeObserver, element geometry,
 * attachShadow and addEventListener; then it forges messages in the extension's own shapes.
 */
const OVERRIDES = `(() => {
  const w = window;
  w.__calls = [];
  w.__realHighlights = CSS.highlights;
  // The fixture's own editor (its scripts under /assets/) keeps working; any other caller gets a
  // hostile answer, and a call from extension code is recorded. The content script runs in its own
  // script world, so it must never get here.
  const fromPage = () => String(new Error().stack).includes('/assets/');
  const note = (what) => { const stack = String(new Error().stack); if (stack.includes('chrome-extension://')) w.__calls.push(what + ' ' + stack); };
  const fakeRegistry = { set() { note('highlights.set'); throw new Error('hostile'); }, delete() { note('highlights.delete'); return true; }, get() { note('highlights.get'); }, has() { return false; }, clear() { note('highlights.clear'); }, keys() { return [][Symbol.iterator](); }, [Symbol.iterator]() { return [][Symbol.iterator](); } };
  Object.defineProperty(CSS, 'highlights', { get() { return fakeRegistry; }, configurable: true });
  w.Highlight = class { constructor() { note('Highlight'); throw new Error('hostile'); } };
  const RealRange = w.Range;
  w.Range = function () { if (fromPage()) return new RealRange(); note('Range'); throw new Error('hostile'); };
  const createRange = Document.prototype.createRange;
  Document.prototype.createRange = function () { if (fromPage()) return createRange.call(this); note('createRange'); throw new Error('hostile'); };
  const RealMO = w.MutationObserver;
  w.MutationObserver = function (cb) { if (fromPage()) return new RealMO(cb); note('MutationObserver'); return { observe() {}, disconnect() {}, takeRecords() { return []; } }; };
  w.ResizeObserver = class { constructor() { note('ResizeObserver'); } observe() {} unobserve() {} disconnect() {} };
  const rect = Element.prototype.getBoundingClientRect;
  Element.prototype.getBoundingClientRect = function () { if (fromPage()) return rect.call(this); note('getBoundingClientRect'); return new DOMRect(0, 0, 0, 0); };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { note('attachShadow'); return attach.call(this, init); };
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, fn, opts) { if (!fromPage() && !['message', 'load', 'DOMContentLoaded'].includes(String(type))) note('addEventListener ' + type); return add.call(this, type, fn, opts); };
  w.__messages = [];
  add.call(window, 'message', (e) => w.__messages.push(e.data), true);
})();`;

describe('the page cannot change what the coach does', () => {
  test('replacing CSS.highlights, Highlight, Range, MutationObserver, ResizeObserver and geometry, and forging messages, changes nothing and reveals nothing', async () => {
    const page = await b.context.newPage();
    await page.addInitScript(OVERRIDES);
    const { box } = await openX(page);
    const settings = await storedSettings();
    await page.click(box);
    await typeSlowly(page, SCRIPTED);
    const expected = analyze(SCRIPTED, await readXContext(page));
    await waitForVerdict(page, (s) => s.verdict === expected.verdict && s.score === String(expected.score));
    const drawn = await page.evaluate(() => {
      const out: string[][] = [];
      const registry = (window as unknown as { __realHighlights: Map<string, Set<Range>> }).__realHighlights;
      for (const [name, h] of registry) if (name.startsWith('human-tone-') && name !== 'human-tone-problem') for (const r of h) out.push([name, r.toString()]);
      return out.sort();
    });
    expect(drawn).toEqual(expected.flags.map((f) => [`human-tone-${f.category}`, f.text]).sort());
    // Extension code never called the page's replacements.
    expect(await page.evaluate(() => (window as unknown as { __calls: string[] }).__calls)).toEqual([]);
    // The badge sits at the box (the page's zero geometry did not reach the coach), and answers the person.
    await coach(page).getByRole('button', { name: /Human Tone/ }).click();
    await expect.poll(() => coach(page).getByRole('dialog').isVisible()).toBe(true);
    await page.keyboard.press('Escape');

    // Forged messages in the extension's own shapes, by every route a page has.
    await page.evaluate((text) => {
      const forged = [
        { type: 'analyze', text },
        { type: 'status' },
        { type: 'ping' },
        { settings: { enabled: false, disabledRules: ['scripted.inconvenience'], signature: 'forged' } },
      ];
      for (const m of forged) {
        window.postMessage(m, '*');
        window.dispatchEvent(new MessageEvent('message', { data: m, origin: location.origin }));
        document.dispatchEvent(new CustomEvent('human-tone', { detail: m }));
      }
      window.dispatchEvent(new StorageEvent('storage', { key: 'settings', newValue: JSON.stringify({ enabled: false }) }));
      localStorage.setItem('settings', JSON.stringify({ enabled: false }));
      const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      (window as unknown as { __runtime: string }).__runtime = typeof runtime?.sendMessage;
    }, SCRIPTED);
    await settle(page);
    // Coaching goes on as before; the stored settings are untouched; the page got no answer.
    await page.click(box);
    await page.keyboard.press('End');
    await typeSlowly(page, ' ^JD');
    const signed = analyze(`${SCRIPTED} ^JD`, await readXContext(page));
    await waitForVerdict(page, (s) => s.score === String(signed.score));
    expect(await storedSettings()).toEqual(settings);
    expect(await page.evaluate(() => (window as unknown as { __runtime: string }).__runtime)).toBe('undefined');
    const messages = await page.evaluate(() => (window as unknown as { __messages: unknown[] }).__messages.map((m) => JSON.stringify(m)));
    // Only what the page itself posted: the forged ones, and its editor's setImmediate shim ("" to probe, then its ticks).
    expect(messages.filter((m) => !m.includes('"type"') && !m.includes('"settings"') && !m.includes('setImmediate$') && m !== '""')).toEqual([]);
    expect(messages.join(' ')).not.toContain(SECRET);
    expect(await page.locator('human-tone-coach').count()).toBe(1);
    await page.close();
  });
});

describe('text from the page', () => {
  test('highlights and the panel show the page’s text as text, never as markup', async () => {
    const { page, box } = await openX();
    await page.evaluate(() => {
      document.querySelector('[data-testid="tweetText"]')!.textContent = 'Still broken!!! <img src=x onerror="window.__pwned=1"> furious';
    });
    await page.click(box);
    await typeSlowly(page, 'Please contact customer service. <b onmouseover="window.__pwned=2">hi</b>');
    await waitForAnalysis(page);
    await coach(page).getByRole('button', { name: /Human Tone/ }).click();
    await expect.poll(() => coach(page).getByRole('dialog').isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await highlightTexts(page)).toEqual(
      analyze(await fixtureText(page), await readXContext(page))
        .flags.map((f) => [`human-tone-${f.category}`, f.text])
        .sort(),
    );
    await page.close();
  });
});
