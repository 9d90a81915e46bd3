/**
 * The team guide in the built extension in Chromium: a rule added through the settings page's form
 * with its live preview; a good guide file imported (its rules flag in a reply box already open, its
 * site rules and settings in place); a broken file refused with each field and line, the saved guide
 * untouched; export; and a guide and locked settings set by a real Chromium enterprise policy (see
 * ./policy.ts), shown read-only with who set it. Every request is checked: nothing leaves the machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURE_URLS, startBrowser, waitForFixture, type FixtureBrowser } from './fixtures/harness.js';
import { coach } from './coach-driver.js';
import { highlightTexts, screenshotPath, typeSlowly, waitForAnalysis } from './helpers.js';
import { policyChromium, policyUnsupported, type PolicyBrowser } from './policy.js';
import type { Page } from 'playwright-core';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');
const EXAMPLE = join(root, 'docs/examples/team-guide.json');
const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown> & { rules: unknown[] };

const BROKEN = `{
  "name": "Broken guide",
  "rules": [
    {
      "id": "scripted.broken-one",
      "lang": "en",
      "category": "scripted",
      "severity": "urgent",
      "patterns": ["valued customer"],
      "message": "m",
      "why": "w",
      "suggestions": ["customer"]
    },
    {
      "id": "formal.broken-two",
      "lang": "en",
      "category": "formal",
      "severity": "hint",
      "patterns": ["(dear|"],
      "message": "m",
      "why": "w",
      "suggestions": ["Hi"]
    }
  ]
}
`;

beforeAll(() => {
  if (!existsSync(join(dist, 'manifest.json'))) execFileSync('npm', ['run', 'build:ext'], { cwd: root, stdio: 'ignore' });
});

async function openOptions(b: FixtureBrowser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/src/options/index.html`);
  await page.getByRole('heading', { name: 'Team guide' }).waitFor();
  return page;
}

async function openReply(b: FixtureBrowser): Promise<Page> {
  const site = await b.context.newPage();
  await site.goto(FIXTURE_URLS.xStatus);
  await waitForFixture(site);
  return site;
}

async function typeReply(site: Page, text: string): Promise<void> {
  await site.bringToFront();
  const box = await site.evaluate(() => window.__fixture!.selector);
  await site.click(box);
  await site.keyboard.press('Control+A');
  await site.keyboard.press('Delete');
  await typeSlowly(site, text);
  await waitForAnalysis(site);
}

/** The guide section's own status line (a live region). */
const guideStatus = (page: Page) => page.locator('section.guide > p.status[role=status]').textContent();

const underlined = async (site: Page, words: string) => (await highlightTexts(site)).some(([, text]) => text!.toLowerCase().includes(words));

describe('team guide in the settings page', () => {
  let b: FixtureBrowser;
  beforeAll(async () => {
    b = await startBrowser({ extensionPath: dist });
  });
  afterAll(async () => {
    await b?.close();
  });
  const local = async (key: string) => (await b.serviceWorker!.evaluate((k) => chrome.storage.local.get(k), key))[key] as Record<string, any> | undefined;

  test('a rule added through the form, with a live preview, is saved and flags in an open tab', async () => {
    const site = await openReply(b);
    const options = await openOptions(b);
    await options.getByRole('button', { name: 'Add a rule' }).click();
    // The form opens with the focus in its first field.
    await expect.poll(() => options.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.name)).toBe('patterns');
    await options.keyboard.type('valued member');
    await options.getByLabel(/^Message/).fill('Nobody calls a friend a valued member.');
    await options.getByLabel(/^Why/).fill('It reads like a mailing list, not a person.');
    await options.getByLabel(/^Suggestions/).fill('member');
    await options.getByLabel(/Try it on a sample reply/).fill('Thanks for being a valued member, Sam!');
    const preview = options.locator('#rule-preview');
    await expect.poll(() => preview.textContent()).toMatch(/Flags 1 place/);
    expect(await preview.locator('mark').textContent()).toBe('valued member');
    expect(await preview.getAttribute('role')).toBe('status');
    await options.getByLabel(/Try it on a sample reply/).fill('Thanks for being a member, Sam!');
    await expect.poll(() => preview.textContent()).toMatch(/Does not flag the sample/);
    // A pattern that does not compile says why, before saving.
    await options.getByLabel(/^Phrases to avoid/).fill('valued (member');
    await expect.poll(() => preview.textContent()).toMatch(/Not a rule yet: .*missing "\)"/);
    await options.getByLabel(/^Phrases to avoid/).fill('valued member');
    // An example that the rule does not flag keeps it from being saved, and says which field.
    await options.getByLabel(/Example that must be flagged/).fill('Thanks for being a member.');
    await options.getByRole('button', { name: 'Save the rule' }).click();
    await expect.poll(() => options.getByRole('alert').textContent()).toMatch(/examples › match › #1: "Thanks for being a member\." must be flagged/);
    expect(await local('guide')).toBeUndefined();
    await options.getByLabel(/Example that must be flagged/).fill('Thanks for being a valued member.');
    await options.getByRole('button', { name: 'Save the rule' }).click();
    await expect.poll(() => guideStatus(options)).toMatch(/Rule scripted\.team-valued-member saved/);
    const guide = await local('guide');
    expect(guide?.name).toBe('Our team guide');
    expect(guide?.rules).toEqual([
      expect.objectContaining({ id: 'scripted.team-valued-member', lang: 'en', category: 'scripted', severity: 'warning', patterns: ['valued member'], suggestions: ['member'], examples: { match: ['Thanks for being a valued member.'] } }),
    ]);
    expect(await options.getByRole('button', { name: 'Edit the rule scripted.team-valued-member' }).count()).toBe(1);
    // The form closed; the focus is back on "Add a rule", for the next one.
    await expect.poll(() => options.evaluate(() => document.activeElement?.textContent)).toBe('Add a rule');

    await typeReply(site, 'Thanks for being a valued member of the club. We will check your order today.');
    await expect.poll(() => underlined(site, 'valued member')).toBe(true);
    await site.close();
    await options.close();
    b.assertNoUnroutedRequests();
  });

  test('a good guide file is imported: its rules flag at once in an open tab, its site rules and settings are in place; it exports as it was', async () => {
    const site = await openReply(b);
    await typeReply(site, 'We are sorry your journey experience was not as expected.');
    expect(await underlined(site, 'journey experience')).toBe(false);

    // The person's own picked rule for the guide's console stays.
    await b.serviceWorker!.evaluate(() =>
      chrome.storage.local.set({ siteContext: { 'https://console.northwind.example': { rule: { closest: '.mine', text: '.msg' }, from: 'picked' }, 'https://other.example': { rule: { preceding: '.q', text: '.q' }, from: 'picked' } } }),
    );
    const options = await openOptions(b);
    await options.getByLabel('Import a guide file (.json)').setInputFiles(EXAMPLE);
    await expect.poll(() => guideStatus(options)).toMatch(/Imported “Northwind Rail webcare”: 4 rules/);
    expect(await guideStatus(options)).toMatch(/except where you picked your own: https:\/\/console\.northwind\.example/);
    const stored = await local('guide');
    expect(stored?.name).toBe('Northwind Rail webcare');
    expect(stored?.rules).toHaveLength(4);
    expect(await local('siteContext')).toEqual({
      'https://console.northwind.example': { rule: { closest: '.mine', text: '.msg' }, from: 'picked' },
      'https://other.example': { rule: { preceding: '.q', text: '.q' }, from: 'picked' },
    });
    // Its templates are registered with the canned-o-meter: names and fingerprints, never their text.
    const history = (await local('history')) as { templates: { name: string; fp: string }[] } | undefined;
    expect(history?.templates.map((t) => t.name)).toEqual(['delay-refund', 'vertraging-terugbetaling']);
    expect(JSON.stringify(history)).not.toMatch(/Delay Repay|vergoeding/);
    // Its settings (strict, check before posting when mixed) are applied and shown.
    await expect.poll(() => options.getByRole('combobox', { name: /How strict/ }).inputValue()).toBe('strict');
    expect(((await b.serviceWorker!.evaluate(() => chrome.storage.sync.get('settings'))).settings as Record<string, unknown>).prePost).toBe('mixed');
    expect(await options.locator('.guide-rules li').count()).toBe(4);
    await options.setViewportSize({ width: 900, height: 1100 });
    await options.locator('section.guide').screenshot({ path: screenshotPath('team-guide.png') });

    // Applied at once in the tab that was already open, English and Dutch.
    await site.bringToFront();
    await expect.poll(() => underlined(site, 'journey experience')).toBe(true);
    await typeReply(site, 'Het spijt ons dat uw reisbeleving niet naar wens was.');
    await expect.poll(() => underlined(site, 'reisbeleving')).toBe(true);

    // Export: the same guide back as a file.
    await options.bringToFront();
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export the guide (.json)' }).click()]);
    expect(download.suggestedFilename()).toBe('northwind-rail-webcare.json');
    expect(download.url()).toMatch(/^blob:chrome-extension:/);
    const file = await download.path();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(example);
    await site.close();
    await options.close();
    b.assertNoUnroutedRequests();
  });

  test('a broken file is refused with each wrong field and its line; the saved guide stays as it was', async () => {
    const before = await local('guide');
    expect(before?.name).toBe('Northwind Rail webcare');
    const options = await openOptions(b);
    await options.getByLabel('Import a guide file (.json)').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(BROKEN) });
    const alert = options.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.locator('p').textContent()).toMatch(/broken\.json was not imported, and nothing was changed/);
    expect(await alert.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^line 8: rules › #1 › severity: .*"urgent"/),
      expect.stringMatching(/^line 19: rules › #2 › patterns › #1: pattern "\(dear\|"/),
    ]);
    expect(await local('guide')).toEqual(before);
    expect(await options.locator('.guide-summary').textContent()).toMatch(/Northwind Rail webcare: 4 rules/);
    // A file that is not JSON at all: its line and column.
    await options.getByLabel('Import a guide file (.json)').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "name": "x",\n  rules: []\n}') });
    await expect.poll(() => alert.locator('li').allTextContents()).toEqual([expect.stringMatching(/^line 3, column 3: not valid JSON/)]);
    expect(await local('guide')).toEqual(before);

    // Remove asks first, then removes the guide and only the guide's site rules.
    await options.getByRole('button', { name: 'Remove the guide' }).click();
    await options.getByRole('group', { name: 'Remove the guide' }).getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => local('guide')).toBeUndefined();
    expect(Object.keys((await local('siteContext')) ?? {})).toEqual(['https://console.northwind.example', 'https://other.example']);
    await options.close();
    b.assertNoUnroutedRequests();
  });
});

describe('team guide and locked settings by policy', () => {
  const unsupported = policyUnsupported();
  let b: FixtureBrowser;
  let policy: PolicyBrowser;
  beforeAll(async () => {
    if (unsupported) return;
    policy = policyChromium(dist);
    // Chromium's policy format has no union types: examples are plain strings here (they are in the example).
    const { $schema: _schema, ...guide } = example;
    policy.write({ organisation: 'Northwind IT', guide, locked: { strictness: 'relaxed', prePost: 'off', sites: { x: true }, disabledRules: [] } });
    b = await startBrowser({ extensionPath: dist, executablePath: policy.executablePath, managedSchema: true });
  });
  afterAll(async () => {
    await b?.close();
    policy?.remove();
  });

  test.skipIf(unsupported !== null && process.env.REQUIRE_POLICY !== '1')('a real Chromium policy: shown read-only with who set it, locked settings cannot be changed, its guide applies', async () => {
    if (unsupported) throw new Error(unsupported);
    expect(await b.serviceWorker!.evaluate(() => chrome.storage.managed.get('organisation'))).toEqual({ organisation: 'Northwind IT' });
    // The policy guide's templates are registered with the canned-o-meter: names and fingerprints only.
    const templates = async () => ((await b.serviceWorker!.evaluate(() => chrome.storage.local.get('history'))).history as { templates?: { name: string }[] } | undefined)?.templates?.map((t) => t.name);
    await expect.poll(templates).toEqual(['delay-refund', 'vertraging-terugbetaling']);
    const stored = JSON.stringify(await b.serviceWorker!.evaluate(() => chrome.storage.local.get(null)));
    for (const t of (example.templates ?? []) as { text: string }[]) expect(stored).not.toContain(t.text.slice(0, 30));
    // The person's own choice, under the lock.
    await b.serviceWorker!.evaluate(() => chrome.storage.sync.set({ settings: { strictness: 'strict', prePost: 'mixed' } }));

    const options = await openOptions(b);
    const section = options.locator('section.guide');
    await expect.poll(() => section.getAttribute('data-guide-source')).toBe('policy');
    expect(await section.textContent()).toMatch(/Set by your organisation: Northwind IT/);
    expect(await section.textContent()).toMatch(/Northwind Rail webcare: 4 rules/);
    expect(await section.getByRole('button').count()).toBe(0);
    expect(await section.locator('input[type=file]').count()).toBe(0);
    const strict = options.getByRole('combobox', { name: /How strict/ });
    expect(await strict.inputValue()).toBe('relaxed');
    expect(await strict.isDisabled()).toBe(true);
    expect(await options.getByRole('combobox', { name: /Check before posting/ }).isDisabled()).toBe(true);
    expect(await options.getByRole('combobox', { name: /Language of your replies/ }).isDisabled()).toBe(false);
    expect(await options.getByRole('checkbox', { name: /^X/ }).isDisabled()).toBe(true);
    expect(await options.getByText(/Set by your organisation: Northwind IT/).count()).toBeGreaterThan(2);

    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/src/popup/index.html`);
    const prePost = popup.getByRole('combobox', { name: /Check before posting/ });
    await prePost.waitFor();
    expect(await prePost.isDisabled()).toBe(true);
    expect(await prePost.inputValue()).toBe('off');
    expect(await popup.getByText(/Set by your organisation: Northwind IT/).count()).toBe(1);
    await popup.close();

    // The policy guide's rules coach the reply; its site rules are written for the person's coach.
    const site = await openReply(b);
    await typeReply(site, 'We are sorry your journey experience was not as expected.');
    await expect.poll(() => underlined(site, 'journey experience')).toBe(true);
    // Which rules are off is the organisation's to say: "Turn this rule off" says so, and changes nothing.
    await coach(site).getByRole('button', { name: /Human Tone/ }).click();
    await coach(site).getByRole('dialog').getByRole('listitem').first().getByRole('button', { name: 'Turn this rule off' }).click();
    await expect.poll(() => coach(site).getByRole('dialog').getByRole('status').first().textContent()).toMatch(/Set by your organisation/);
    expect(((await b.serviceWorker!.evaluate(() => chrome.storage.sync.get('settings'))).settings as { disabledRules?: string[] }).disabledRules ?? []).toEqual([]);
    expect(((await b.serviceWorker!.evaluate(() => chrome.storage.local.get('siteContext'))).siteContext as Record<string, { from: string; guide: string }>)['https://console.northwind.example']).toEqual(
      expect.objectContaining({ from: 'guide', guide: 'Northwind Rail webcare' }),
    );
    await site.close();
    await options.close();
    b.assertNoUnroutedRequests();
  });
});
