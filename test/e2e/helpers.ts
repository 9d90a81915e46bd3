/** Helpers for the extension's end-to-end tests (the fixture harness is in ./fixtures). */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { coachIndexFor } from './coach-driver.js';

export interface CoachState {
  verdict: string;
  score: string;
}

/** Index of the coach (in document order of hosts) whose badge sits nearest the box's bottom-right corner. */
export async function coachIndex(page: Page, box: string): Promise<number> {
  return coachIndexFor(page, box);
}

/**
 * The state of a box's coach (the host is never inside the editor, so it carries no link to it;
 * it is found by where its badge sits). Without a box: the first coach on the page.
 */
export async function coachState(page: Page, box?: string): Promise<CoachState> {
  const index = box ? await coachIndex(page, box) : 0;
  return page.evaluate((i) => {
    const host = document.querySelectorAll('human-tone-coach')[i];
    return { verdict: host?.getAttribute('data-human-tone-verdict') ?? 'none', score: host?.getAttribute('data-human-tone-score') ?? '' };
  }, index);
}

export async function waitForVerdict(page: Page, ok: (s: CoachState) => boolean, box?: string, timeout = 10_000): Promise<CoachState> {
  const until = Date.now() + timeout;
  let last: CoachState = { verdict: 'none', score: '' };
  while (Date.now() < until) {
    last = await coachState(page, box);
    if (ok(last)) return last;
    await page.waitForTimeout(25);
  }
  throw new Error(`the coach did not reach the expected state; last: ${JSON.stringify(last)}`);
}

/** [highlight name, underlined text] for every range in the human-tone-<category> highlights, sorted. */
export async function highlightTexts(page: Page): Promise<string[][]> {
  return page.evaluate(() => {
    const out: string[][] = [];
    for (const [name, h] of CSS.highlights as unknown as Map<string, Highlight>) {
      if (!name.startsWith('human-tone-') || name === 'human-tone-problem') continue;
      for (const r of h as unknown as Set<Range>) out.push([name, r.toString()]);
    }
    return out.sort();
  });
}

/** The message answered and its author, read the way the X adapter reads them. */
export async function readXContext(page: Page): Promise<{ context?: string; author?: string }> {
  return page.evaluate(() => {
    const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim() || undefined;
    const article = document.querySelector('article[data-testid="tweet"]');
    return {
      context: clean(article?.querySelector('[data-testid="tweetText"]')?.textContent),
      author: clean(article?.querySelector('[data-testid="User-Name"] a span, [data-testid="User-Name"] span')?.textContent),
    };
  });
}

/** Waits for a real verdict (not "pending", not an empty box). */
export async function waitForAnalysis(page: Page, box?: string): Promise<CoachState> {
  return waitForVerdict(page, (s) => !['pending', 'empty', 'none'].includes(s.verdict), box);
}

export async function typeSlowly(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 8 });
}

/** Stops the extension's service worker through the DevTools protocol, as the browser does when idle. */
export async function stopServiceWorker(page: Page, extensionId: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const versions = new Map<string, { scriptURL: string; runningStatus: string }>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { versionId: string; scriptURL: string; runningStatus: string }[] }) => {
    for (const v of e.versions) versions.set(v.versionId, v);
  });
  await cdp.send('ServiceWorker.enable');
  const prefix = `chrome-extension://${extensionId}/`;
  const until = Date.now() + 5000;
  let id: string | undefined;
  while (!id && Date.now() < until) {
    id = [...versions].find(([, v]) => v.scriptURL.startsWith(prefix) && v.runningStatus === 'running')?.[0];
    if (!id) await page.waitForTimeout(20);
  }
  if (!id) throw new Error('the extension service worker is not running');
  await cdp.send('ServiceWorker.stopWorker', { versionId: id });
  while (Date.now() < until && versions.get(id)?.runningStatus !== 'stopped') await page.waitForTimeout(20);
  await cdp.detach();
}

/**
 * Where a test writes its screenshot: a gitignored folder (test-results/screenshots), so that
 * `npm test` leaves the working tree clean; the README's copies in docs/screenshots only when asked
 * for with UPDATE_SCREENSHOTS=1 (`UPDATE_SCREENSHOTS=1 npm test`).
 */
export function screenshotPath(name: string): string {
  const root = new URL('../../', import.meta.url).pathname;
  const dir = process.env.UPDATE_SCREENSHOTS === '1' ? join(root, 'docs/screenshots') : join(root, 'test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
