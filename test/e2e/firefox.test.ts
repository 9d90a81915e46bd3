/**
 * The Firefox build (dist-firefox/) in Firefox ESR: it installs, its content script coaches X's
 * Draft.js reply box on a routed x.com page (the production manifest's match), the background script
 * answers, and nothing leaves the browser. On the made-up webcare console (turned on as a person
 * would): the TinyMCE editor in its srcdoc frame is coached with the badge drawn over the frame, a
 * rule taught for the console finds the customer's message around the frame, and the selection check
 * opens its panel and closes on Escape. Skipped when Firefox is not installed, unless
 * REQUIRE_FIREFOX=1 (CI sets it), which makes a missing Firefox a failure.
 *
 * Not driven in Firefox: the coach's own controls (the badge, the panel, "Point at the customer's
 * message"). They live in a closed shadow root, and the Chromium tests reach them through the
 * accessibility tree of the DevTools protocol (test/e2e/coach-driver.ts); WebDriver BiDi, which drives
 * Firefox here, has no accessibility tree and cannot see into a closed root, and clicking at guessed
 * coordinates would test the guess. The picker's logic is the same code in both browsers
 * (test/extension/picker-derive.test.ts); here Firefox runs what it must do itself: content scripts in
 * a srcdoc frame, storage.local read by the content script, the rule applied across the frame.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkPayload } from '../../src/background/handler.js';
import { analyze } from '../../src/engine/index.js';
import { readSettings } from '../../src/shared/settings.js';
import { CONSOLE_ORIGIN, FIXTURE_URLS } from './fixtures/harness.js';
import { FIREFOX_EXTENSION_UUID, FIREFOX_OWN_HOST, FIREFOX_PATH, startFirefox, type FirefoxWithExtension } from './firefox-harness.js';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist-firefox');
const haveFirefox = existsSync(FIREFOX_PATH);
const SCRIPTED = 'We apologize for any inconvenience. Please DM us your account number so we can look into this further.';
const WARM = "Priya, I'm so sorry, a cracked screen on order 48213 is not ok. I've sent a new one by express; it arrives tomorrow before noon. ^JD";

test.runIf(!haveFirefox && process.env.REQUIRE_FIREFOX === '1')('Firefox is installed (REQUIRE_FIREFOX=1)', () => {
  expect.fail(`no Firefox at ${FIREFOX_PATH}: sudo apt-get install -y firefox-esr, or set FIREFOX_PATH`);
});

describe.skipIf(!haveFirefox)('the Firefox build in Firefox', () => {
  let ff: FirefoxWithExtension;
  let extDir: string;

  beforeAll(async () => {
    if (!existsSync(join(dist, 'manifest.json'))) execFileSync('npm', ['run', 'build:ext'], { cwd: root, stdio: 'ignore' });
    // A copy of the build that also holds the console's host permission: the grant a person gives when
    // turning coaching on for it in the popup (a headless browser cannot answer that prompt).
    extDir = mkdtempSync(join(tmpdir(), 'human-tone-firefox-ext-'));
    cpSync(dist, extDir, { recursive: true });
    const manifestPath = join(extDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[] };
    manifest.host_permissions.push(`${CONSOLE_ORIGIN}/*`);
    writeFileSync(manifestPath, JSON.stringify(manifest));
    ff = await startFirefox(extDir);
  });

  afterAll(async () => {
    await ff?.close();
    if (extDir) rmSync(extDir, { recursive: true, force: true });
  });

  /** Runs `fn` in the add-on's settings page, where the extension API is (as the Chromium tests use the service worker). */
  async function inExtension<A, R>(fn: (arg: A) => Promise<R>, arg: A): Promise<R> {
    const page = await ff.newPage();
    try {
      await page.goto(`moz-extension://${FIREFOX_EXTENSION_UUID}/src/options/index.html`);
      return (await page.evaluate(fn as unknown as (arg: unknown) => Promise<unknown>, arg as unknown)) as R;
    } finally {
      await page.close();
    }
  }

  /** The coach's state on the page: its verdict and score attributes. */
  const state = (page: Page) =>
    page.evaluate(() => {
      const host = document.querySelector('human-tone-coach');
      return { verdict: host?.getAttribute('data-human-tone-verdict') ?? 'none', score: host?.getAttribute('data-human-tone-score') ?? '' };
    });

  const highlights = (page: Page) =>
    page.evaluate(() => {
      const out: string[][] = [];
      for (const [name, h] of CSS.highlights as unknown as Map<string, Set<Range>>) {
        if (!name.startsWith('human-tone-') || name === 'human-tone-problem') continue;
        for (const r of h) out.push([name, r.toString()]);
      }
      return out.sort();
    });

  async function openX(): Promise<{ page: Page; box: string }> {
    const page = await ff.newPage();
    await page.goto(FIXTURE_URLS.xStatus);
    await page.waitForFunction(() => !!window.__fixture, { timeout: 15_000 });
    const box = await page.evaluate(() => window.__fixture!.selector);
    await page.waitForSelector('human-tone-coach', { timeout: 15_000 });
    return { page, box };
  }

  async function readContext(page: Page) {
    return page.evaluate(() => {
      const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim() || undefined;
      const article = document.querySelector('article[data-testid="tweet"]');
      return {
        context: clean(article?.querySelector('[data-testid="tweetText"]')?.textContent),
        author: clean(article?.querySelector('[data-testid="User-Name"] a span, [data-testid="User-Name"] span')?.textContent),
      };
    });
  }

  test('installs as a temporary add-on under its gecko id', () => {
    expect(ff.addonId).toBe('human-tone@human-tone');
  });

  test('coaches a Draft.js reply box on x.com: the engine’s verdict, score and highlighted spans', async () => {
    const { page, box } = await openX();
    const expected = analyze(SCRIPTED, await readContext(page));
    await page.click(box);
    await page.keyboard.type(SCRIPTED, { delay: 5 });
    // The analysis runs in the background script: its answer shows as the badge's verdict and score.
    await page.waitForFunction(
      (v, s) => {
        const host = document.querySelector('human-tone-coach');
        return host?.getAttribute('data-human-tone-verdict') === v && host?.getAttribute('data-human-tone-score') === s;
      },
      { timeout: 15_000 },
      expected.verdict,
      String(expected.score),
    );
    expect(expected.verdict).not.toBe('human');
    expect(await highlights(page)).toEqual(expected.flags.map((f) => [`human-tone-${f.category}`, f.text]).sort());
    expect(await page.evaluate(() => window.__fixture!.getText())).toBe(SCRIPTED);
    await page.close();
  });

  test('a warm, signed reply is called human and gets no highlights', async () => {
    const { page, box } = await openX();
    await page.click(box);
    await page.keyboard.type(WARM, { delay: 5 });
    await page.waitForFunction(() => document.querySelector('human-tone-coach')?.getAttribute('data-human-tone-verdict') === 'human', { timeout: 15_000 });
    expect(Number((await state(page)).score)).toBeGreaterThanOrEqual(65);
    expect(await highlights(page)).toEqual([]);
    await page.close();
  });

  describe('a webcare console turned on: TinyMCE in its srcdoc frame', () => {
    const LAST_FROM_TOM = 'That was a week ago and there is still nothing. Is anyone actually reading this?';
    const OUR_EARLIER_REPLY = 'Thank you for reaching out. We will look into this.';
    const REPLY = 'The refund is on its way.';
    const RULE = { preceding: 'article[data-fixture="message"][data-from="customer"]', text: 'p.wc-text' };
    let page: Page;
    let frame: Frame;

    const host = (p: Page) =>
      p.evaluate(() => {
        const h = document.querySelector('human-tone-coach');
        return h ? { verdict: h.getAttribute('data-human-tone-verdict'), score: h.getAttribute('data-human-tone-score'), context: h.getAttribute('data-human-tone-context') } : null;
      });

    async function waitForHost(p: Page, ok: string): Promise<void> {
      // `ok` is a condition on h (the host's attributes), evaluated in the page.
      await p.waitForFunction(`(() => { const h = document.querySelector('human-tone-coach'); return !!h && (${ok}); })()`, { timeout: 15_000 });
    }

    beforeAll(async () => {
      // Coaching turned on for the console, as the popup does: the settings list its origin, and the
      // background script registers the content script there (every frame, srcdoc frames included).
      await inExtension(
        async (origin: string) => {
          const api = (globalThis as unknown as { browser: typeof chrome }).browser;
          await api.storage.sync.set({ settings: { extraOrigins: [origin] } });
          // The background registers the script when the settings change: wait until it has.
          for (let i = 0; i < 200; i++) {
            const ids = (await api.scripting.getRegisteredContentScripts()).map((r) => r.id);
            if (ids.some((id) => id.includes(origin))) return;
            await new Promise((r) => setTimeout(r, 25));
          }
          throw new Error('the content script was not registered for the console');
        },
        CONSOLE_ORIGIN,
      );
      page = await ff.newPage();
      await page.setViewport({ width: 1200, height: 900 });
      await page.goto(FIXTURE_URLS.console);
      await page.waitForFunction(() => !!(window as unknown as { __fixtures?: Record<string, unknown> }).__fixtures?.console, { timeout: 15_000 });
      await page.waitForSelector('human-tone-coach', { timeout: 15_000 });
      const f = page.frames().find((x) => x.url() === 'about:srcdoc');
      if (!f) throw new Error('no srcdoc frame');
      frame = f;
    });

    afterAll(async () => {
      await page?.close();
    });

    test('one coach, in the page over the frame (none inside the editor); the reply typed in the frame is coached', async () => {
      expect(await page.evaluate(() => document.querySelectorAll('human-tone-coach').length)).toBe(1);
      expect(await frame.evaluate(() => document.querySelectorAll('human-tone-coach').length)).toBe(0);
      expect((await host(page))!.context).toBe('none');
      await frame.click('body#tinymce');
      await page.keyboard.type(REPLY, { delay: 5 });
      const expected = analyze(REPLY);
      await waitForHost(page, `h.getAttribute('data-human-tone-score') === ${JSON.stringify(String(expected.score))}`);
      expect((await host(page))!.verdict).toBe(expected.verdict);
      expect(await frame.evaluate(() => document.body.textContent)).toBe(REPLY);
    });

    test('a rule taught for the console (storage.local) finds the customer’s message around the frame; the reply is coached against it', async () => {
      await inExtension(
        async ({ origin, rule }: { origin: string; rule: unknown }) => {
          const api = (globalThis as unknown as { browser: typeof chrome }).browser;
          await api.storage.local.set({ siteContext: { [origin]: { rule, from: 'picked' } } });
        },
        { origin: CONSOLE_ORIGIN, rule: RULE },
      );
      const expected = analyze(REPLY, { context: LAST_FROM_TOM });
      expect(expected.score).not.toBe(analyze(REPLY).score);
      await waitForHost(page, `h.getAttribute('data-human-tone-context') === 'found' && h.getAttribute('data-human-tone-score') === ${JSON.stringify(String(expected.score))}`);
      // The page changes so that the rule finds nothing: back to "none", and the reply alone is coached.
      await page.evaluate(() => {
        for (const a of document.querySelectorAll('article[data-from]')) a.setAttribute('data-from', 'someone-else');
      });
      await waitForHost(page, `h.getAttribute('data-human-tone-context') === 'none' && h.getAttribute('data-human-tone-score') === ${JSON.stringify(String(analyze(REPLY).score))}`);
      await inExtension(async () => {
        await (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.remove('siteContext');
      }, null);
    });

    test('the selection check: the team’s earlier reply, checked, opens in its panel on the page and closes on Escape', async () => {
      const payload = checkPayload(OUR_EARLIER_REPLY, readSettings({}));
      expect(payload.result!.flags.length).toBeGreaterThan(0);
      // Selected as a person does (a triple click selects the paragraph).
      const at = await page.evaluate((text) => {
        const el = [...document.querySelectorAll('p')].find((p) => p.textContent === text)!;
        const r = el.getBoundingClientRect();
        return { x: r.left + 10, y: r.top + r.height / 2 };
      }, OUR_EARLIER_REPLY);
      await page.mouse.click(at.x, at.y, { count: 3 });
      expect(await page.evaluate(() => String(getSelection()).trim())).toBe(OUR_EARLIER_REPLY);
      // What the background does when the person chooses "Check the tone of this text" in the menu.
      await inExtension(
        async ({ url, payload }: { url: string; payload: unknown }) => {
          const api = (globalThis as unknown as { browser: typeof chrome }).browser;
          const [tab] = await api.tabs.query({ url });
          const target = { tabId: tab!.id!, frameIds: [0] };
          await api.scripting.executeScript({ target, files: api.runtime.getManifest().content_scripts![0]!.js! });
          await api.scripting.executeScript({ target, func: (p: unknown) => (globalThis as unknown as { __humanToneCheck?: (p: unknown) => void }).__humanToneCheck?.(p), args: [payload] });
        },
        { url: `${CONSOLE_ORIGIN}/*`, payload },
      );
      await page.bringToFront();
      await page.waitForSelector('human-tone-check', { timeout: 15_000 });
      // The page gets nothing of it: an empty host, its panel in a closed root.
      expect(await page.evaluate(() => {
        const h = document.querySelector('human-tone-check')!;
        return { shadow: (h.firstElementChild as HTMLElement | null)?.shadowRoot ?? null, text: h.textContent };
      })).toEqual({ shadow: null, text: '' });
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('human-tone-check'), { timeout: 15_000 });
      expect(await frame.evaluate(() => document.body.textContent)).toBe(REPLY);
    });
  });

  test('no request left the browser', () => {
    expect(ff.unrouted).toEqual([]);
    expect(ff.proxied.filter((r) => !r.includes(`//${FIREFOX_OWN_HOST}/`))).toEqual([]);
  });
});
