/**
 * Where the content script runs beyond the manifest: sites the person turns on (registered for each
 * granted origin, and removed again), and the tabs already open when the extension is installed or
 * updated (injected again where coaching is on).
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';

const granted = new Set<string>();
let registered: { id: string; matches: string[] }[] = [];
let tabs: { id: number; url: string }[] = [];
let injected: number[] = [];
/** The content script's files as getManifest() gives them: relative in Chrome, full moz-extension:// URLs in Firefox. */
let manifestJs = ['src/content/main.js'];
let registeredJs: string[][] = [];
const MATCHES = ['https://x.com/*', 'https://www.facebook.com/*'];

function matches(pattern: string, url: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.?+^$()|[\]{}\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
  return re.test(url);
}

vi.mock('../../src/platform/browser.js', () => ({
  ext: {
    runtime: { getManifest: () => ({ content_scripts: [{ js: manifestJs, matches: MATCHES }] }), getURL: (p: string) => p },
    permissions: { contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)) },
    tabs: { query: async ({ url }: { url: string[] }) => tabs.filter((t) => url.some((p) => matches(p, t.url))) },
    scripting: {
      getRegisteredContentScripts: async () => registered.map((r) => ({ ...r })),
      registerContentScripts: async (list: { id: string; matches: string[]; js: string[] }[]) => {
        // As Firefox does: script paths must be relative to the extension.
        for (const l of list) if (l.js.some((f) => /^[a-z-]+:/.test(f))) throw new Error('must be a relative URL');
        registeredJs.push(...list.map((l) => l.js));
        registered.push(...list.map((l) => ({ id: l.id, matches: l.matches })));
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        registered = registered.filter((r) => !ids.includes(r.id));
      },
      executeScript: async ({ target }: { target: { tabId: number } }) => {
        if (target.tabId === 666) throw new Error('Cannot access contents of the page');
        injected.push(target.tabId);
        return [];
      },
    },
  },
  extensionUrl: (p: string) => p,
}));

beforeEach(() => {
  granted.clear();
  registered = [];
  tabs = [];
  injected = [];
  manifestJs = ['src/content/main.js'];
  registeredJs = [];
});

describe('sites turned on by the person', () => {
  test('in Firefox too, whose getManifest() gives the script as a moz-extension:// URL: registered by its path', async () => {
    const { syncExtraSites } = await import('../../src/background/sites.js');
    const { readSettings } = await import('../../src/shared/settings.js');
    manifestJs = ['moz-extension://6c0e2a4e-7d1b-4c55-9a3e-2f3b5c1d9e70/src/content/main.js'];
    granted.add('https://console.example/*');
    await syncExtraSites(readSettings({ extraOrigins: ['https://console.example'] }));
    expect(registeredJs).toEqual([['src/content/main.js']]);
  });

  test('registers granted origins only, and unregisters what was turned off', async () => {
    const { syncExtraSites } = await import('../../src/background/sites.js');
    const { readSettings } = await import('../../src/shared/settings.js');
    granted.add('https://mastodon.social/*');
    await syncExtraSites(readSettings({ extraOrigins: ['https://mastodon.social', 'https://not-granted.example'] }));
    expect(registered.map((r) => r.matches)).toEqual([['https://mastodon.social/*']]);
    await syncExtraSites(readSettings({ extraOrigins: ['https://mastodon.social'] }));
    expect(registered).toHaveLength(1);
    await syncExtraSites(readSettings({ extraOrigins: [] }));
    expect(registered).toEqual([]);
    granted.add('https://mastodon.social/*');
    await syncExtraSites(readSettings({ enabled: false, extraOrigins: ['https://mastodon.social'] }));
    expect(registered).toEqual([]);
  });
});

describe('after an install or update', () => {
  test('injects the content script into open tabs of supported sites and turned-on sites, not elsewhere', async () => {
    const { coachOpenTabs } = await import('../../src/background/sites.js');
    const { readSettings } = await import('../../src/shared/settings.js');
    granted.add('https://mastodon.social/*');
    tabs = [
      { id: 1, url: 'https://x.com/PriyaShah/status/1' },
      { id: 2, url: 'https://www.facebook.com/markdevries/posts/1' },
      { id: 3, url: 'https://mastodon.social/@anna/1' },
      { id: 4, url: 'https://example.com/' },
      { id: 5, url: 'https://not-granted.example/' },
      { id: 666, url: 'https://x.com/error-page' },
    ];
    const done = await coachOpenTabs(readSettings({ sites: { facebook: false }, extraOrigins: ['https://mastodon.social', 'https://not-granted.example'] }));
    // Facebook is switched off; example.com was never turned on; not-granted.example has no permission; 666 cannot be scripted.
    expect(done.sort()).toEqual([1, 3]);
    expect(injected.sort()).toEqual([1, 3]);
  });

  test('injects nowhere when coaching is off everywhere', async () => {
    const { coachOpenTabs } = await import('../../src/background/sites.js');
    const { readSettings } = await import('../../src/shared/settings.js');
    tabs = [{ id: 1, url: 'https://x.com/' }];
    expect(await coachOpenTabs(readSettings({ enabled: false }))).toEqual([]);
    expect(injected).toEqual([]);
  });
});
