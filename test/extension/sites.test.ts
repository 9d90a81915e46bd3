/** Sites the person turns on: the content script is registered for each granted origin, and removed again. */
import { beforeEach, describe, expect, test, vi } from 'vitest';

const granted = new Set<string>();
let registered: { id: string; matches: string[] }[] = [];

vi.mock('../../src/platform/browser.js', () => ({
  ext: {
    runtime: { getManifest: () => ({ content_scripts: [{ js: ['src/content/main.js'] }] }) },
    permissions: { contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)) },
  },
}));

beforeEach(() => {
  granted.clear();
  registered = [];
  (globalThis as unknown as { chrome: unknown }).chrome = {
    scripting: {
      getRegisteredContentScripts: async () => registered.map((r) => ({ ...r })),
      registerContentScripts: async (list: { id: string; matches: string[] }[]) => {
        registered.push(...list.map((l) => ({ id: l.id, matches: l.matches })));
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        registered = registered.filter((r) => !ids.includes(r.id));
      },
    },
  };
});

describe('sites turned on by the person', () => {
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
