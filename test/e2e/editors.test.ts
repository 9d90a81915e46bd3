/**
 * The editors webcare consoles build on, in real Chromium with the real libraries from npm: Slate
 * (slate-react + slate-history), TinyMCE in its default iframe mode (a srcdoc frame) and CKEditor 5
 * in a same-origin frame. The pages are served at a made-up console address, a site that is not
 * supported out of the box: the person turns it on, and the service worker registers the content
 * script there (in every frame).
 *
 * The permission for that one origin is what the popup asks the person for when they turn a site on;
 * a headless browser cannot answer that prompt, so the test's copy of the extension lists the console
 * origin in its host permissions (as if granted) and turns the site on in the settings. Everything
 * after that is the path a granted site takes.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyze, applySuggestion } from '../../src/engine/index.js';
import { CONSOLE_ORIGIN, FIXTURE_URLS, fixtureText, postedTexts, waitForFixture, type FixtureBrowser } from './fixtures/harness.js';
import { checkPanel, coach } from './coach-driver.js';
import { checkPayload } from '../../src/background/handler.js';
import { readSettings } from '../../src/shared/settings.js';
import { screenshotPath, typeSlowly, waitForAnalysis, waitForVerdict } from './helpers.js';
import { answeringFromMenu, checkFromMenu, startWithConsole } from './console-setup.js';

const SCRIPTED = 'We apologize for any inconvenience. Please DM us your account number so we can look into this further.';

let b: FixtureBrowser;

beforeAll(async () => {
  b = await startWithConsole();
}, 60_000);

test('turning the console on registers the content script for its frames too (about:blank and srcdoc included)', async () => {
  await expect
    .poll(() => b.serviceWorker!.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ matches: s.matches, allFrames: s.allFrames, fallback: s.matchOriginAsFallback }))))
    .toEqual([{ matches: [`${CONSOLE_ORIGIN}/*`], allFrames: true, fallback: true }]);
});

afterAll(async () => {
  await b?.close();
});

interface Editor {
  page: Page;
  /** The frame the editable is in (the page's main frame for Slate). */
  frame: Frame;
  editable: string;
}

async function open(url: string, which: 'slate' | 'tinymce' | 'ckeditor'): Promise<Editor> {
  const page = await b.context.newPage();
  await page.goto(url);
  await waitForFixture(page, which);
  await page.waitForSelector('human-tone-coach', { state: 'attached' });
  const frame =
    which === 'slate' ? page.mainFrame() : which === 'tinymce' ? page.frames().find((f) => f.url() === 'about:srcdoc')! : page.frames().find((f) => f.url().endsWith('/ckeditor-frame.html'))!;
  expect(frame).toBeTruthy();
  const editable = which === 'slate' ? '[data-slate-editor="true"]' : which === 'tinymce' ? 'body#tinymce' : '.ck-editor__editable[contenteditable="true"]';
  return { page, frame, editable };
}

/** [highlight name, underlined text] of the coach's highlights in one frame's document. */
function highlightsIn(frame: Frame): Promise<string[][]> {
  return frame.evaluate(() => {
    const out: string[][] = [];
    for (const [name, h] of CSS.highlights as unknown as Map<string, Highlight>) {
      if (!name.startsWith('human-tone-') || name === 'human-tone-problem') continue;
      for (const r of h as unknown as Set<Range>) out.push([name, r.toString()]);
    }
    return out.sort();
  });
}

/** What the editable shows: each top-level block's rendered text a line, without the zero-width characters editors draw. */
function shown(e: Editor): Promise<string> {
  return e.frame.$eval(e.editable, (el) =>
    [...el.children]
      .filter((c) => !c.hasAttribute('data-mce-bogus'))
      .map((c) => (c as HTMLElement).innerText.replace(/[\uFEFF\u2060]/g, '').replace(/\n+$/, ''))
      .join('\n')
      .trim(),
  );
}

/** Coach hosts in each frame's document, top first. */
async function hostsPerFrame(page: Page): Promise<number[]> {
  const counts: number[] = [];
  for (const f of page.frames()) counts.push(await f.evaluate(() => document.querySelectorAll('human-tone-coach').length));
  return counts;
}

/**
 * The checks every editor gets: coached and underlined exactly as the engine says, a suggestion
 * applied through the editor so that its model holds what is shown, one undo brings the text back,
 * and nothing else changes.
 */
async function coachApplyUndo(e: Editor, serialised: () => Promise<string>): Promise<void> {
  const { page, frame } = e;
  const expected = analyze(SCRIPTED);
  expect(expected.verdict).not.toBe('human');
  await frame.click(e.editable);
  await typeSlowly(page, SCRIPTED);
  await waitForVerdict(page, (s) => s.verdict === expected.verdict && s.score === String(expected.score));
  expect(await fixtureText(page)).toBe(SCRIPTED);
  expect(await highlightsIn(frame)).toEqual(expected.flags.map((f) => [`human-tone-${f.category}`, f.text]).sort());

  const flag = expected.flags.find((f) => f.category === 'scripted' && f.suggestions[0]?.trim())!;
  expect(flag).toBeTruthy();
  await coach(page).getByRole('button', { name: /Human Tone/ }).click();
  const dialog = coach(page).getByRole('dialog');
  await expect.poll(() => dialog.isVisible()).toBe(true);
  // The panel is drawn over the frame, in the page, and fits in the window.
  await dialog.getByRole('button', { name: `Use: ${flag.suggestions[0]}` }).click();
  const after = applySuggestion(SCRIPTED, flag, 0);
  await expect.poll(() => fixtureText(page)).toBe(after);
  // The editor's model holds what is shown, and nothing of the coach's is in what it would post.
  await expect.poll(() => shown(e)).toBe(after);
  const data = await serialised();
  expect(data).not.toMatch(/human-tone/i);

  // The coach analyses the new text and changes nothing by itself.
  await waitForVerdict(page, (s) => s.verdict === analyze(after).verdict && s.score === String(analyze(after).score));
  expect(await fixtureText(page)).toBe(after);

  // One undo restores the original.
  await frame.click(e.editable);
  await page.keyboard.press('Control+z');
  await expect.poll(() => fixtureText(page)).toBe(SCRIPTED);
  await expect.poll(() => shown(e)).toBe(SCRIPTED);
  await waitForVerdict(page, (s) => s.verdict === expected.verdict && s.score === String(expected.score));
  expect(await fixtureText(page)).toBe(SCRIPTED);
}

describe('Slate (slate-react, slate-history)', () => {
  test('coached and underlined; a suggestion applies through Slate (editor.children matches the screen); one undo restores it; typing goes on where it should', async () => {
    const e = await open(FIXTURE_URLS.consoleSlate, 'slate');
    await coachApplyUndo(e, () => e.page.evaluate(() => window.__fixture!.getData!()));
    // The next keys land where the person puts the caret, in Slate's model too.
    await e.frame.click(e.editable);
    await e.page.keyboard.press('Control+End');
    await typeSlowly(e.page, ' Thanks');
    await expect.poll(() => fixtureText(e.page)).toBe(`${SCRIPTED} Thanks`);
    await expect.poll(() => shown(e)).toBe(`${SCRIPTED} Thanks`);
    await e.page.close();
  });
});

describe('TinyMCE (iframe mode)', () => {
  test('the editor in its srcdoc frame is coached, not the textarea it replaced; the badge and panel are over the frame', async () => {
    const e = await open(FIXTURE_URLS.consoleTinymce, 'tinymce');
    await e.frame.click(e.editable);
    await typeSlowly(e.page, 'Thank you for reaching out.');
    await waitForAnalysis(e.page);
    // One coach, drawn in the page (not inside the editor's frame, where it would be in the content).
    expect(await hostsPerFrame(e.page)).toEqual([1, 0]);
    const frameBox = (await e.page.locator('iframe.tox-edit-area__iframe').boundingBox())!;
    const badge = (await coach(e.page).getByRole('button', { name: /Human Tone/ }).center())!;
    expect(badge.y).toBeGreaterThanOrEqual(frameBox.y);
    expect(badge.y).toBeLessThanOrEqual(frameBox.y + frameBox.height + 4);
    expect(badge.x).toBeGreaterThanOrEqual(frameBox.x);
    expect(await e.page.evaluate(() => window.__fixture!.getData!())).not.toMatch(/human-tone/i);
    await e.page.close();
  });

  test('a suggestion applies through TinyMCE (getContent() matches the screen), and one undo restores it', async () => {
    const e = await open(FIXTURE_URLS.consoleTinymce, 'tinymce');
    await coachApplyUndo(e, () => e.page.evaluate(() => window.__fixture!.getData!()));
    await e.page.close();
  });

  test('the send button outside the editor frame gets the pre-post check; "Post anyway" posts the text unchanged', async () => {
    const e = await open(FIXTURE_URLS.consoleTinymce, 'tinymce');
    const { page } = e;
    const expected = analyze(SCRIPTED);
    await e.frame.click(e.editable);
    await typeSlowly(page, SCRIPTED);
    await waitForVerdict(page, (s) => s.verdict === expected.verdict && s.score === String(expected.score));
    await page.click('[data-fixture="submit"]');
    const check = coach(page).getByRole('alertdialog');
    await expect.poll(() => check.isVisible()).toBe(true);
    expect(await postedTexts(page)).toEqual([]);
    await check.getByRole('button', { name: 'Post anyway' }).click();
    await expect.poll(() => postedTexts(page)).toEqual([SCRIPTED]);
    await page.close();
  });
});

describe('a removal ("Remove …") on the second line, in each editor', () => {
  const LINES = ['Hi Tom,', 'Thank you for reaching out. The refund is on its way.'];
  const TEXT = LINES.join('\n');
  test.each([
    ['slate', FIXTURE_URLS.consoleSlate],
    ['tinymce', FIXTURE_URLS.consoleTinymce],
    ['ckeditor', FIXTURE_URLS.consoleCkeditor],
  ] as const)('%s: the span goes through the editor, its model matches the screen, one undo brings it back', async (which, url) => {
    const e = await open(url, which);
    const { page } = e;
    const expected = analyze(TEXT);
    const flag = expected.flags.find((f) => f.suggestions[0] === '')!;
    expect(flag).toBeTruthy();
    await e.frame.click(e.editable);
    await typeSlowly(page, LINES[0]!);
    await page.keyboard.press('Enter');
    await typeSlowly(page, LINES[1]!);
    await waitForVerdict(page, (s) => s.score === String(expected.score));
    await coach(page).getByRole('button', { name: /Human Tone/ }).click();
    await coach(page).getByRole('dialog').getByRole('button', { name: `Remove “${flag.text}”` }).click();
    const after = applySuggestion(TEXT, flag, 0);
    await expect.poll(() => fixtureText(page)).toBe(after);
    await expect.poll(() => shown(e)).toBe(after);
    await e.frame.click(e.editable);
    await page.keyboard.press('Control+z');
    await expect.poll(() => fixtureText(page)).toBe(TEXT);
    await expect.poll(() => shown(e)).toBe(TEXT);
    await page.close();
  });
});

describe('screenshot', () => {
  test('screenshot of the coach in a web console (TinyMCE in its frame, the message answered pasted)', async () => {
    const e = await open(FIXTURE_URLS.consoleTinymce, 'tinymce');
    const { page } = e;
    await page.setViewportSize({ width: 1100, height: 820 });
    await e.frame.click(e.editable);
    await typeSlowly(page, 'Dear customer, we apologize for any inconvenience. Your refund is being processed. Kind regards, The Customer Care Team');
    await waitForAnalysis(page);
    await answeringFromMenu(b, FIXTURE_URLS.consoleTinymce, CUSTOMER);
    await expect.poll(() => contextAttribute(page)).toBe('picked');
    await waitForAnalysis(page);
    await expect.poll(() => coach(page).getByRole('dialog').isVisible()).toBe(true);
    await page.waitForTimeout(200);
    await page.screenshot({ path: screenshotPath('console-coach.png') });
    await page.close();
  });
});

describe('CKEditor 5 (in a same-origin frame)', () => {
  test('coached and underlined in its frame; a suggestion applies through CKEditor (getData() matches the screen), and one undo restores it', async () => {
    const e = await open(FIXTURE_URLS.consoleCkeditor, 'ckeditor');
    await coachApplyUndo(e, () => e.page.evaluate(() => window.__fixture!.getData!()));
    expect(await hostsPerFrame(e.page)).toEqual([1, 0]);
    await e.page.close();
  });
});

const CUSTOMER = 'I returned the blender three weeks ago and I still have not seen the refund for order 66120. Nobody replies to my emails.';

function contextAttribute(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('human-tone-coach')?.getAttribute('data-human-tone-context') ?? null);
}

describe('the message being answered, set by hand', () => {
  test('pasted in the panel it is used like a message the site gave, shown by its first words, and cleared again; nothing is stored and the page hears no keys', async () => {
    const e = await open(FIXTURE_URLS.consoleSlate, 'slate');
    const { page } = e;
    // The page listens for keys, as sites with keyboard shortcuts do.
    await page.evaluate(() => {
      (window as Window & { __keys?: string[] }).__keys = [];
      document.addEventListener('keydown', (ev) => (window as Window & { __keys?: string[] }).__keys!.push(ev.key));
    });
    const reply = 'The refund is on its way.';
    await e.frame.click(e.editable);
    await typeSlowly(page, reply);
    const alone = analyze(reply);
    await waitForVerdict(page, (s) => s.score === String(alone.score));
    // A console the coach has no adapter for: it does not know what the reply answers.
    expect(await contextAttribute(page)).toBe('none');

    await coach(page).getByRole('button', { name: /Human Tone/ }).click();
    const dialog = coach(page).getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const field = dialog.getByRole('region', { name: 'Message you are answering' });
    await field.getByRole('button', { name: 'Add the message' }).click();
    await page.evaluate(() => ((window as Window & { __keys?: string[] }).__keys!.length = 0));
    await page.keyboard.type(CUSTOMER);
    expect(await page.evaluate(() => (window as Window & { __keys?: string[] }).__keys)).toEqual([]);
    await field.getByRole('button', { name: 'Use this message' }).click();

    // The engine gets it as the message answered: the same result as when a site adapter finds it.
    const answered = analyze(reply, { context: CUSTOMER });
    expect(answered.score).not.toBe(alone.score);
    await waitForVerdict(page, (s) => s.verdict === answered.verdict && s.score === String(answered.score));
    expect(await contextAttribute(page)).toBe('picked');
    // Shown by its first words, with edit and clear; the reply itself is untouched.
    await expect.poll(() => field.getByRole('button', { name: 'Edit' }).count()).toBe(1);
    expect(await field.getByRole('button', { name: 'Clear' }).count()).toBe(1);
    expect(await fixtureText(page)).toBe(reply);
    // Nothing of it is stored.
    const stored = await b.serviceWorker!.evaluate(() => chrome.storage.local.get(null));
    expect(JSON.stringify(stored)).not.toContain('blender');

    await field.getByRole('button', { name: 'Clear' }).click();
    await waitForVerdict(page, (s) => s.score === String(alone.score));
    expect(await contextAttribute(page)).toBe('none');
    expect(await fixtureText(page)).toBe(reply);
    await page.close();
  });

  test('what is typed in the field survives the reply being analysed again meanwhile (focus and text stay)', async () => {
    const e = await open(FIXTURE_URLS.consoleSlate, 'slate');
    const { page } = e;
    const reply = 'The refund is on its way.';
    await e.frame.click(e.editable);
    await typeSlowly(page, reply);
    await waitForVerdict(page, (s) => s.score === String(analyze(reply).score));
    await coach(page).getByRole('button', { name: /Human Tone/ }).click();
    const field = coach(page).getByRole('dialog').getByRole('region', { name: 'Message you are answering' });
    await field.getByRole('button', { name: 'Add the message' }).click();
    const half = CUSTOMER.indexOf(' Nobody');
    await page.keyboard.type(CUSTOMER.slice(0, half));
    // The site changes the reply (as a console's own script might): the coach reads it again.
    const added = ' We apologize for any inconvenience.';
    const changed = reply + added;
    expect(analyze(changed).score).not.toBe(analyze(reply).score);
    await page.evaluate((text) => {
      const editor = (window as unknown as { __slate: { apply(op: unknown): void } }).__slate;
      editor.apply({ type: 'insert_text', path: [0, 0], offset: 'The refund is on its way.'.length, text });
    }, added);
    await waitForVerdict(page, (s) => s.score === String(analyze(changed).score));
    await page.keyboard.type(CUSTOMER.slice(half));
    await field.getByRole('button', { name: 'Use this message' }).click();
    const answered = analyze(changed, { context: CUSTOMER });
    await waitForVerdict(page, (s) => s.verdict === answered.verdict && s.score === String(answered.score));
    expect(await contextAttribute(page)).toBe('picked');
    expect(await fixtureText(page)).toBe(changed);
    await page.close();
  });

  test('a page script cannot set it: the host attribute stays "none" and the result is unchanged', async () => {
    const e = await open(FIXTURE_URLS.consoleSlate, 'slate');
    const { page } = e;
    const reply = 'The refund is on its way.';
    await e.frame.click(e.editable);
    await typeSlowly(page, reply);
    await waitForVerdict(page, (s) => s.score === String(analyze(reply).score));
    await coach(page).getByRole('button', { name: /Human Tone/ }).click();
    const field = coach(page).getByRole('dialog').getByRole('region', { name: 'Message you are answering' });
    await field.getByRole('button', { name: 'Add the message' }).scriptClick();
    expect(await field.getByRole('button', { name: 'Use this message' }).count()).toBe(0);
    expect(await contextAttribute(page)).toBe('none');
    await page.close();
  });
});

describe("Human Tone: I'm answering this (menu on a selection, keyboard command)", () => {
  test('the command is registered with its shortcut and description', async () => {
    const commands = await b.serviceWorker!.evaluate(() => chrome.commands.getAll());
    expect(commands).toContainEqual(expect.objectContaining({ name: 'answering-selection', shortcut: 'Alt+Shift+H', description: 'Use the selected text as the message you are answering' }));
  });

  test('the selected message reaches the reply box in the editor frame, which is coached against it', async () => {
    const e = await open(FIXTURE_URLS.consoleTinymce, 'tinymce');
    const { page } = e;
    const reply = 'The refund is on its way.';
    await e.frame.click(e.editable);
    await typeSlowly(page, reply);
    await waitForVerdict(page, (s) => s.score === String(analyze(reply).score));
    // What the worker sends when the person chooses the menu item on the customer's message
    // (the wiring from menu and command to this message: test/extension/answering.test.ts).
    const applied = await answeringFromMenu(b, FIXTURE_URLS.consoleTinymce, CUSTOMER);
    expect(applied).toEqual({ applied: true });
    const answered = analyze(reply, { context: CUSTOMER });
    await waitForVerdict(page, (s) => s.verdict === answered.verdict && s.score === String(answered.score));
    expect(await contextAttribute(page)).toBe('picked');
    // The panel opens to show it, without taking the caret from the editor.
    await expect.poll(() => coach(page).getByRole('dialog').getByRole('region', { name: 'Message you are answering' }).getByRole('button', { name: 'Clear' }).count()).toBe(1);
    expect(await fixtureText(page)).toBe(reply);
    await page.close();
  });
});

describe('Check the tone of this text (a selection, on any page)', () => {
  test('the result opens in a panel on the page; chosen suggestions are copied with the text; Escape closes it; the page gets nothing', async () => {
    const page = await b.context.newPage();
    await page.goto(FIXTURE_URLS.consoleCkeditor);
    await waitForFixture(page, 'ckeditor');
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: CONSOLE_ORIGIN });
    // What the worker does when the person chooses the menu item on a selection (the menu click grants
    // it the tab; the wiring from the menu to this: test/extension/answering.test.ts): the engine runs
    // there, then the content script is started in the frame and shows the result.
    const payload = checkPayload(SCRIPTED, readSettings({}));
    await checkFromMenu(b, FIXTURE_URLS.consoleCkeditor, payload);
    const dialog = checkPanel(page).getByRole('dialog', { name: /Tone of the selected text/ });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const result = payload.result!;
    expect(await dialog.accessibleName()).toBe(`Tone of the selected text · ${result.verdict === 'scripted' ? 'Sounds scripted' : 'Partly scripted'} · Score ${result.score}`);
    // The page sees an empty host and nothing else.
    expect(await page.evaluate(() => { const h = document.querySelector('human-tone-check')!; return [h.getAttributeNames(), h.textContent, h.firstElementChild?.shadowRoot ?? null]; })).toEqual([['style'], '', null]);

    // Choose one suggestion of the first flag that has one, and copy.
    const f = result.flags.findIndex((x) => x.suggestions[0]?.trim());
    const flag = result.flags[f]!;
    await dialog.getByRole('button', { name: `Choose: ${flag.suggestions[0]}` }).click();
    await dialog.getByRole('button', { name: 'Copy the text with the chosen suggestions' }).click();
    await expect.poll(() => dialog.getByRole('status').count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(applySuggestion(SCRIPTED, flag, 0));

    // Keyboard: Escape in the panel closes it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('human-tone-check').count()).toBe(0);
    await page.close();
  });
});

describe('promises', () => {
  test('no request left the browser during any of these tests', () => {
    b.assertNoUnroutedRequests();
  });
});
