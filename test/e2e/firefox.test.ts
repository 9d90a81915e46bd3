/**
 * The Firefox build (dist-firefox/) in Firefox ESR: it installs, its content script coaches X's
 * Draft.js reply box on a routed x.com page (the production manifest's match), the background script
 * answers, and nothing leaves the browser. Skipped when Firefox is not installed, unless
 * REQUIRE_FIREFOX=1 (CI sets it), which makes a missing Firefox a failure.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../src/engine/index.js';
import { FIXTURE_URLS } from './fixtures/harness.js';
import { FIREFOX_OWN_HOST, FIREFOX_PATH, startFirefox, type FirefoxWithExtension } from './firefox-harness.js';

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

  beforeAll(async () => {
    if (!existsSync(join(dist, 'manifest.json'))) execFileSync('npm', ['run', 'build:ext'], { cwd: root, stdio: 'ignore' });
    ff = await startFirefox(dist);
  });

  afterAll(async () => {
    await ff?.close();
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

  test('no request left the browser', () => {
    expect(ff.unrouted).toEqual([]);
    expect(ff.proxied.filter((r) => !r.includes(`//${FIREFOX_OWN_HOST}/`))).toEqual([]);
  });
});
