/**
 * The Firefox build (dist-firefox/) in Firefox ESR: it installs, its content script coaches X's
 * Draft.js reply box on a routed x.com page (the production manifest's match), the background script
 * answers, and nothing leaves the browser. On the made-up webcare console (turned on as a person
 * would): the TinyMCE editor in its srcdoc frame is coached with the badge drawn over the frame, a
 * rule taught for the console finds the customer's message around the frame, and the selection check
 * opens its panel and closes on Escape. Skipped when Firefox is not installed, unless
 * REQUIRE_FIREFOX=1 (CI sets it), which makes a missing Firefox a failure.
 *
 * Not driven in Firefox, and why:
 * - The coach's own controls (the badge, the panel, "Point at the customer's message"). They live in a
 *   closed shadow root, and the Chromium tests reach them through the accessibility tree of the
 *   DevTools protocol (test/e2e/coach-driver.ts); WebDriver BiDi, which drives Firefox here, has no
 *   accessibility tree and cannot see into a closed root, and clicking at guessed coordinates would
 *   test the guess. The picker's logic is the same code in both browsers
 *   (test/extension/picker-derive.test.ts, test/e2e/picker.test.ts in Chromium).
 * - The extension's own pages and the browser's context menu. BiDi refuses to navigate a tab to a
 *   moz-extension:// page ("Navigation ... is not allowed in this context") and cannot click a
 *   browser menu, so the tests cannot call the extension API from an extension page (as the Chromium
 *   tests do from the service worker) nor choose "Check the tone of this text". Instead the test copy
 *   of the build carries one extra content script (TEST_SETUP below, on the console only), which writes
 *   storage as the popup would and hands the selection check its result as the background does after
 *   its `scripting.executeScript` (same function, same content-script world); the background's
 *   registration of the content script for the turned-on console is the real one.
 * What Firefox runs here itself: the content script registered for a turned-on site in a srcdoc frame,
 * the coach drawn over the frame, storage.local read and watched by the content script, a taught rule
 * applied across the frame (and falling back to none), and the selection check's panel and Escape.
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
import { FIREFOX_OWN_HOST, FIREFOX_PATH, startFirefox, type FirefoxWithExtension } from './firefox-harness.js';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist-firefox');
const haveFirefox = existsSync(FIREFOX_PATH);
const SCRIPTED = 'We apologize for any inconvenience. Please DM us your account number so we can look into this further.';
const WARM = "Priya, I'm so sorry, a cracked screen on order 48213 is not ok. I've sent a new one by express; it arrives tomorrow before noon. ^JD";

/**
 * Test-only, in the tests' copy of the build (never shipped): a content script on the console that runs
 * a command put in the page's address fragment (`#human-tone-test=<JSON>`): write storage, or hand the
 * selection check its result, then mark the command done on the page.
 */
const TEST_SETUP = `
(() => {
  const api = globalThis.browser;
  const run = async () => {
    const m = /^#human-tone-test=(.*)$/.exec(location.hash);
    if (!m) return;
    const cmd = JSON.parse(decodeURIComponent(m[1]));
    if (cmd.sync) await api.storage.sync.set(cmd.sync);
    if (cmd.local) await api.storage.local.set(cmd.local);
    if (cmd.removeLocal) await api.storage.local.remove(cmd.removeLocal);
    if (cmd.check) globalThis.__humanToneCheck(cmd.check);
    document.documentElement.setAttribute('data-test-done', String(cmd.id));
  };
  void run();
  addEventListener('hashchange', () => void run());
})();
`;

let commands = 0;
/** Runs a TEST_SETUP command in the page and waits until it is done. */
async function command(page: Page, cmd: Record<string, unknown>): Promise<void> {
  const id = ++commands;
  await page.evaluate((hash) => {
    location.hash = hash;
  }, `human-tone-test=${encodeURIComponent(JSON.stringify({ ...cmd, id }))}`);
  await page.waitForFunction((n) => document.documentElement.getAttribute('data-test-done') === String(n), { timeout: 15_000 }, id);
}

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
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[]; content_scripts: unknown[] };
    manifest.host_permissions.push(`${CONSOLE_ORIGIN}/*`);
    manifest.content_scripts.push({ matches: [`${CONSOLE_ORIGIN}/*`], js: ['test-setup.js'], run_at: 'document_idle' });
    writeFileSync(manifestPath, JSON.stringify(manifest));
    writeFileSync(join(extDir, 'test-setup.js'), TEST_SETUP);
    ff = await startFirefox(extDir);
  });

  afterAll(async () => {
    await ff?.close();
    if (extDir) rmSync(extDir, { recursive: true, force: true });
  });

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
      page = await ff.newPage();
      await page.setViewport({ width: 1200, height: 900 });
      await page.goto(FIXTURE_URLS.console);
      // Coaching turned on for the console, as the popup does: the settings list its origin, and the
      // background script registers the content script there (every frame, srcdoc frames included);
      // the page is coached from its next load.
      await command(page, { sync: { settings: { extraOrigins: [CONSOLE_ORIGIN] } } });
      for (let i = 0; ; i++) {
        await page.goto(FIXTURE_URLS.console);
        await page.waitForFunction(() => !!(window as unknown as { __fixtures?: Record<string, unknown> }).__fixtures?.console, { timeout: 15_000 });
        // The background registers the script when it sees the settings change: wait for that, by reloading.
        const coached = await page.waitForSelector('human-tone-coach', { timeout: 2_000 }).then(
          () => true,
          () => false,
        );
        if (coached) break;
        if (i >= 10) throw new Error('the console was not coached after turning it on');
      }
      // TinyMCE's srcdoc frame (BiDi may report its address as about:blank): the frame holding its editable body.
      for (const f of page.mainFrame().childFrames()) if (await f.$('body#tinymce')) frame = f;
      if (!frame) throw new Error(`no TinyMCE frame among ${page.frames().map((f) => f.url()).join(', ')}`);
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
      await command(page, { local: { siteContext: { [CONSOLE_ORIGIN]: { rule: RULE, from: 'picked' } } } });
      const expected = analyze(REPLY, { context: LAST_FROM_TOM });
      expect(expected.score).not.toBe(analyze(REPLY).score);
      await waitForHost(page, `h.getAttribute('data-human-tone-context') === 'found' && h.getAttribute('data-human-tone-score') === ${JSON.stringify(String(expected.score))}`);
      // The page changes so that the rule finds nothing: back to "none", and the reply alone is coached.
      await page.evaluate(() => {
        for (const a of document.querySelectorAll('article[data-from]')) a.setAttribute('data-from', 'someone-else');
      });
      await waitForHost(page, `h.getAttribute('data-human-tone-context') === 'none' && h.getAttribute('data-human-tone-score') === ${JSON.stringify(String(analyze(REPLY).score))}`);
      await command(page, { removeLocal: 'siteContext' });
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
      // What the background does after the person chose "Check the tone of this text" in the menu.
      await command(page, { check: payload });
      expect(await page.evaluate(() => String(getSelection()).trim())).toBe(OUR_EARLIER_REPLY);
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
