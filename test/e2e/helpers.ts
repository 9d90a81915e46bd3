/** Helpers for the extension's end-to-end tests (the fixture harness is in ./fixtures). */
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
 * Takes a screenshot for the docs, and writes it only when the picture changed: a tracked file is
 * not rewritten for differences no one can see (anti-aliasing of the wavy underlines varies from run
 * to run), so that `npm test` leaves the working tree clean. "Changed" means more than `tolerance`
 * of the pixels differ by more than a few levels, compared in the browser itself.
 */
export async function saveScreenshot(page: Page, path: string, options: { fullPage?: boolean } = {}, tolerance = 0.002): Promise<boolean> {
  const { existsSync, readFileSync, writeFileSync } = await import('node:fs');
  const shot = await page.screenshot({ fullPage: options.fullPage ?? false });
  if (existsSync(path)) {
    const old = readFileSync(path);
    if (old.equals(shot)) return false;
    const differs = await page.evaluate(
      async ([a, b]) => {
        const load = async (b64: string) => {
          const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(bitmap, 0, 0);
          return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
        };
        const [x, y] = await Promise.all([load(a), load(b)]);
        if (x.width !== y.width || x.height !== y.height) return 1;
        let changed = 0;
        for (let i = 0; i < x.data.length; i += 4) {
          if (Math.abs(x.data[i]! - y.data[i]!) + Math.abs(x.data[i + 1]! - y.data[i + 1]!) + Math.abs(x.data[i + 2]! - y.data[i + 2]!) > 24) changed++;
        }
        return changed / (x.width * x.height);
      },
      [old.toString('base64'), shot.toString('base64')] as const,
    );
    if (differs <= tolerance) return false;
  }
  writeFileSync(path, shot);
  return true;
}
