/**
 * The trainer studio in real Chromium: as the extension's page, and as the standalone static page
 * that `npm run studio` serves. Nothing may leave the browser.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../src/engine/index.js';
import { lessons } from '../../src/lessons/index.js';
import { buildReport } from '../../src/report/aggregate.js';
import { parseReplies } from '../../src/report/parse.js';
import { startBrowser, type FixtureBrowser } from './fixtures/harness.js';
import { screenshotPath } from './helpers.js';
import { readableTexts } from './coach-driver.js';
import { englishLeft } from './english-left.js';
import * as studioWords from '../../src/i18n/studio.generated.js';
import * as reportWords from '../../src/i18n/report.generated.js';
import * as severityWords from '../../src/i18n/severity.generated.js';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');
const tmp = mkdtempSync(join(tmpdir(), 'human-tone-studio-'));

const SCRIPTED = 'Dear customer, we apologize for any inconvenience. Please DM us your account number.';
const HUMAN = "Sorry Priya, that's on me. I've sent a new screen today, it arrives tomorrow before noon. ^JD";

let b: FixtureBrowser;
let studioUrl: string;

beforeAll(async () => {
  if (!existsSync(join(dist, 'src/studio/index.html'))) execFileSync('npm', ['run', 'build:ext'], { cwd: root, stdio: 'ignore' });
  b = await startBrowser({ extensionPath: dist });
  studioUrl = `chrome-extension://${b.extensionId}/src/studio/index.html`;
});

afterAll(async () => {
  await b?.close();
});

async function openStudio(hash = ''): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(studioUrl + hash);
  await page.waitForSelector('.studio, .present');
  return page;
}

async function verdictOf(page: Page, scope = 'body'): Promise<{ verdict: string; score: number }> {
  const el = page.locator(`${scope} [data-verdict]`).first();
  return { verdict: (await el.getAttribute('data-verdict'))!, score: Number(await el.getAttribute('data-score')) };
}

describe('studio', () => {
  test('in Dutch, every tab speaks Dutch: its words, the page title and its language', async () => {
    const page = await openStudio('#/analyse');
    await page.locator('header .lang select').selectOption('nl');
    await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.title].join(' | '))).toBe('nl | Human Tone-studio');
    const words = [studioWords, reportWords, severityWords];
    for (const tab of ['analyse', 'compare', 'lessons', 'report']) {
      await page.evaluate((t) => (location.hash = `#/${t}`), tab);
      await page.waitForTimeout(100);
      const shown = await readableTexts(page);
      expect(englishLeft(shown, words), tab).toEqual([]);
      expect(englishLeft(shown, words.map((w) => ({ en: w.nl, nl: w.en }))).length, tab).toBeGreaterThan(2);
    }
    await page.locator('header .lang select').selectOption('en');
    await expect.poll(() => page.evaluate(() => document.title)).toBe('Human Tone studio');
    await page.close();
  });

  test('analyses typed text, shows the score picture, and a suggestion moves the score', async () => {
    const page = await openStudio('#/analyse');
    await page.getByLabel('The message it answers (optional)').fill('My screen arrived cracked, third time!');
    await page.getByLabel('Reply', { exact: true }).fill(SCRIPTED);
    const expected = analyze(SCRIPTED, { context: 'My screen arrived cracked, third time!' });
    await expect.poll(() => verdictOf(page)).toEqual({ verdict: expected.verdict, score: expected.score });
    expect(await page.locator('mark.hl').count()).toBe(expected.flags.length);
    // The starting point is the engine's (its fitted base), not a number written here.
    expect(await page.getByRole('img', { name: new RegExp(`^Starting point: ${expected.explanation.base};`) }).count()).toBe(1);

    const flag = expected.flags.find((f) => f.suggestions[0]?.trim())!;
    await page.getByRole('button', { name: `Use: ${flag.suggestions[0]}` }).first().click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^Score \d+ → \d+$/);
    const after = await verdictOf(page);
    expect(after.score).not.toBe(expected.score);
    await page.setViewportSize({ width: 1180, height: 1100 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('studio.png'), fullPage: false });
    await page.close();
  });

  test('compare shows both analyses, the difference and what changed', async () => {
    const page = await openStudio('#/compare');
    await page.getByRole('textbox', { name: 'Before' }).fill(SCRIPTED);
    await page.getByRole('textbox', { name: 'After' }).fill(HUMAN);
    const a = analyze(SCRIPTED);
    const h = analyze(HUMAN);
    await expect.poll(() => page.locator('.side.before [data-verdict]').getAttribute('data-score')).toBe(String(a.score));
    expect(await page.locator('.side.after [data-verdict]').getAttribute('data-score')).toBe(String(h.score));
    expect(await page.locator('[data-delta]').getAttribute('data-delta')).toBe(String(h.score - a.score));
    expect(await page.locator('.change.fixed li').count()).toBeGreaterThan(0);
    expect(await page.locator('.diff ins').count()).toBeGreaterThan(0);
    await page.close();
  });

  test('a share link opens the same case, and its content is only in the fragment', async () => {
    const page = await openStudio('#/analyse');
    await page.getByLabel('Reply', { exact: true }).fill(SCRIPTED);
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await expect.poll(() => page.url()).toMatch(/#share=[\w-]+$/);
    const url = page.url();
    expect(url.split('#')[0]).toBe(studioUrl);
    const opened = await b.context.newPage();
    await opened.goto(url);
    await expect.poll(async () => opened.getByLabel('Reply', { exact: true }).inputValue()).toBe(SCRIPTED);
    expect(await verdictOf(opened)).toEqual(await verdictOf(page));

    // A comparison travels the same way.
    await opened.goto(studioUrl + '#/compare');
    await opened.getByRole('textbox', { name: 'Before' }).fill(SCRIPTED);
    await opened.getByRole('textbox', { name: 'After' }).fill(HUMAN);
    await opened.getByRole('button', { name: 'Copy share link' }).click();
    await expect.poll(() => opened.url()).toMatch(/#share=/);
    const third = await b.context.newPage();
    await third.goto(opened.url());
    await expect.poll(() => third.getByRole('textbox', { name: 'After' }).inputValue()).toBe(HUMAN);
    // A broken link is ignored, not a crash.
    await third.goto(studioUrl + '#share=not-a-valid-payload');
    await third.waitForSelector('.studio');
    await Promise.all([page.close(), opened.close(), third.close()]);
  });

  test('exports the analysis as a PNG image', async () => {
    const page = await openStudio('#/analyse');
    await page.getByLabel('Reply', { exact: true }).fill(SCRIPTED);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as PNG' }).click()]);
    const file = join(tmp, 'export.png');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(5000);
    await page.close();
  });

  test('prints a handout without the editing controls', async () => {
    const page = await openStudio('#/analyse');
    await page.getByLabel('Reply', { exact: true }).fill(SCRIPTED);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('textarea').first().isVisible()).toBe(false);
    expect(await page.locator('.tabs').isVisible()).toBe(false);
    expect(await page.locator('.highlighted').isVisible()).toBe(true);
    expect(await page.locator('.flags').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });

  test('the lesson library filters by category and language', async () => {
    const page = await openStudio('#/lessons');
    expect(await page.locator('.lesson-card').count()).toBe(lessons.length);
    await page.getByLabel('Category').selectOption('evasive');
    await page.getByLabel('Language').selectOption('nl');
    const expected = lessons.filter((l) => l.category === 'evasive' && l.lang === 'nl').length;
    await expect.poll(() => page.locator('.lesson-card').count()).toBe(expected);
    expect(await page.getByRole('status').textContent()).toBe(`${expected} lessons`);
    await page.close();
  });

  test('presentation mode steps through a lesson with the keyboard', async () => {
    const lesson = lessons.find((l) => l.lang === 'en')!;
    const flags = analyze(lesson.scripted, { context: lesson.customer, author: lesson.author, lang: lesson.lang }).flags;
    const page = await openStudio('#/lessons');
    await page.getByRole('button', { name: `Present: ${lesson.title}` }).click();
    const slides = page.locator('.present');
    await expect.poll(() => slides.getAttribute('data-step')).toBe('0');
    expect(await slides.textContent()).toContain(lesson.customer);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slides.textContent()).toContain(lesson.scripted);
    expect(await slides.textContent()).toContain('What would you change?');
    for (let i = 0; i < flags.length; i++) {
      await page.keyboard.press(i % 2 ? 'Space' : 'ArrowRight');
      await expect.poll(() => slides.getAttribute('data-step')).toBe(String(2 + i));
      expect(await slides.locator('mark.current').textContent()).toBe(flags[i]!.text);
      expect(await slides.textContent()).toContain(flags[i]!.message);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: screenshotPath('presentation.png') });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slides.textContent()).toContain(lesson.human);
    expect(await slides.textContent()).toContain(lesson.point);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => slides.getAttribute('data-step')).toBe(String(1 + flags.length));
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.lesson-card').count()).toBe(lessons.length);
    await page.close();
  });
});

describe('team report', () => {
  const good = [
    { text: SCRIPTED },
    { text: SCRIPTED.replace('account number', 'order number') },
    { text: HUMAN, context: 'My screen arrived cracked', author: 'Priya' },
    { text: 'We will look into this and get back to you.' },
    { text: 'Dank je Sanne, ik heb je adres aangepast. Het pakket komt morgen. ^Kim' },
    { text: 'Wij betreuren het ongemak. Neem contact op met onze klantenservice.' },
  ];

  async function upload(page: Page, name: string, content: string): Promise<void> {
    const file = join(tmp, name);
    writeFileSync(file, content);
    await page.getByLabel('Choose a file').setInputFiles(file);
    await page.waitForSelector('.ht-report', { timeout: 15_000 });
  }

  const card = (page: Page, tone: string) => page.locator(`.ht-card.ht-tone-${tone} .ht-value`).textContent();

  test('a report from a file shows the right counts', async () => {
    const content = good.map((g) => JSON.stringify(g)).join('\n') + '\n';
    const parsed = parseReplies(content, 'replies.jsonl');
    const expected = buildReport(parsed.rows, analyze);
    const page = await openStudio('#/report');
    await upload(page, 'replies.jsonl', content);
    for (const v of ['human', 'mixed', 'scripted'] as const) expect(Number(await card(page, v))).toBe(expected.totals.byVerdict[v]);
    expect(await page.locator('.ht-report').textContent()).toMatch(/replies\.jsonl/);
    await page.setViewportSize({ width: 1180, height: 1000 });
    await page.screenshot({ path: screenshotPath('report.png') });
    await page.close();
  });

  test('a file with broken lines reports them and counts the rest', async () => {
    const content = [JSON.stringify(good[0]), '{"text": broken', JSON.stringify(good[2]), '{"reply": 42}', JSON.stringify(good[3])].join('\n');
    const page = await openStudio('#/report');
    await upload(page, 'broken.jsonl', content);
    expect(await card(page, 'error')).toBe('2');
    const total = ['human', 'mixed', 'scripted'].map((v) => card(page, v));
    const sum = (await Promise.all(total)).reduce((a, v) => a + Number(v), 0);
    expect(sum).toBe(3);
    const text = (await page.locator('.ht-report').textContent()) ?? '';
    expect(text).toMatch(/line 2/);
    expect(text).toMatch(/line 4/);
    await page.close();
  });

  test('a CSV export with ; and a Dutch header works too', async () => {
    const csv = 'id;antwoord;klant\n1;"Wij betreuren het ongemak; neem contact op met onze klantenservice.";Waar blijft mijn pakket?\n2;"Hoi Sanne, ik heb het geregeld. ^Kim";Dank!\n';
    const page = await openStudio('#/report');
    await upload(page, 'export.csv', csv);
    const sum = (await Promise.all(['human', 'mixed', 'scripted'].map((v) => card(page, v)))).reduce((a, v) => a + Number(v), 0);
    expect(sum).toBe(2);
    await page.close();
  });

  test('a hostile report file: markup in every field stays text, and nothing in it runs', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const rows = [
      { id: `<b id=x>${evil}`, text: `We apologize for any inconvenience. ${evil}`, context: evil, author: `<svg onload="window.__pwned=3">` },
      { text: `Please DM us. ${evil}` },
      { text: `We apologize for any inconvenience. ${evil}` },
    ];
    const content = rows.map((r) => JSON.stringify(r)).join('\n') + '\n{"text": <img src=x onerror="window.__pwned=4">\n';
    const page = await openStudio('#/report');
    await upload(page, '<img src=x onerror=window.__pwned=5>.jsonl', content);
    const report = page.locator('.ht-report');
    expect(await report.textContent()).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await report.locator('img, script, svg[onload], b[id], iframe, object').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await card(page, 'error')).toBe('1');
    await page.close();
  });

  // How long the page's main thread stalls meanwhile is measured by `npm run bench`, not asserted here.
  test('10,000 replies are analysed in a worker, with a progress bar', { timeout: 90_000 }, async () => {
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i++) lines.push(JSON.stringify({ id: i, text: i % 3 ? `${good[i % good.length]!.text} #${i}` : good[i % good.length]!.text }));
    const page = await openStudio('#/report');
    const file = join(tmp, 'big.jsonl');
    writeFileSync(file, lines.join('\n'));
    // Record the workers started and the progress bar's values while the worker runs.
    await page.evaluate(() => {
      const w = window as unknown as { __progress: number[]; __workers: string[] };
      w.__progress = [];
      w.__workers = [];
      const Native = window.Worker;
      window.Worker = class extends Native {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          w.__workers.push(`${options?.type ?? 'classic'} ${String(url)}`);
        }
      };
      new MutationObserver(() => {
        const p = document.querySelector('progress');
        if (p) w.__progress.push(Number(p.value));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByLabel('Choose a file').setInputFiles(file);
    await page.waitForSelector('.ht-report', { timeout: 60_000 });
    const { progress, workers } = await page.evaluate(() => {
      const w = window as unknown as { __progress: number[]; __workers: string[] };
      return { progress: w.__progress, workers: w.__workers };
    });
    expect(workers).toHaveLength(1);
    // A module worker from the extension's own build, sharing its engine chunk (one engine shipped).
    expect(workers[0]).toMatch(/^module (chrome-extension:\/\/[a-z]+)?\/assets\/report-worker-[\w-]+\.js$/);
    expect(progress.length).toBeGreaterThan(1);
    expect(Math.max(...progress)).toBe(10_000);
    const sum = (await Promise.all(['human', 'mixed', 'scripted', 'unknown'].map((v) => page.locator(`.ht-card.ht-tone-${v} .ht-value`).textContent().catch(() => '0')))).reduce((a, v) => a + Number((v ?? '0').replace(/\D/g, '') || 0), 0);
    expect(sum).toBe(10_000);
    await page.close();
  });
});

describe('standalone studio (npm run studio)', () => {
  let server: Server;
  let browser: FixtureBrowser;
  let url: string;
  beforeAll(async () => {
    const out = join(root, 'studio-dist');
    if (!existsSync(join(out, 'index.html'))) execFileSync('npm', ['run', 'build:studio'], { cwd: root, stdio: 'ignore' });
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      const file = join(out, path === '/' ? 'index.html' : path);
      if (!file.startsWith(out) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
      const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    browser = await startBrowser({ routeLocalhost: false });
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  test('works without the extension and sends nothing anywhere', async () => {
    const page = browser.page;
    await page.goto(url + '#/analyse');
    await page.getByLabel('Reply', { exact: true }).fill(SCRIPTED);
    const expected = analyze(SCRIPTED);
    await expect.poll(() => verdictOf(page)).toEqual({ verdict: expected.verdict, score: expected.score });
    await page.goto(url + '#/lessons');
    expect(await page.locator('.lesson-card').count()).toBe(lessons.length);
    // The team report's worker loads from beside the page (a relative URL), with the shared engine.
    await page.goto(url + '#/report');
    const file = join(tmp, 'standalone.jsonl');
    writeFileSync(file, [SCRIPTED, HUMAN].map((text) => JSON.stringify({ text })).join('\n'));
    await page.getByLabel('Choose a file').setInputFiles(file);
    await page.waitForSelector('.ht-report', { timeout: 15_000 });
    const counts = await Promise.all(['human', 'mixed', 'scripted'].map((v) => page.locator(`.ht-card.ht-tone-${v} .ht-value`).textContent()));
    expect(counts.reduce((a, v) => a + Number(v), 0)).toBe(2);
    browser.assertNoUnroutedRequests();
  });
});

describe('promises', () => {
  test('no request left the browser', () => {
    b.assertNoUnroutedRequests();
  });
});
