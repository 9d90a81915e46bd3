/**
 * Where the content script runs beyond the manifest: on the sites the person turned coaching on for
 * (registered for each origin whose permission they granted, unregistered when they turn it off),
 * and, right after the extension is installed or updated, in the tabs already open.
 */
import {
  canRegisterScripts,
  contentScriptMatches,
  hasOriginPermission,
  injectContentScript,
  registerContentScript,
  registeredScriptIds,
  tabsMatching,
  unregisterContentScripts,
} from '../platform/scripting.js';
import type { Settings } from '../shared/settings.js';
import { SUPPORTED, hostMatches } from '../content/sites/adapters.js';

const PREFIX = 'human-tone-site-';

export async function syncExtraSites(settings: Settings): Promise<void> {
  if (!canRegisterScripts()) return;
  const registered = await registeredScriptIds();
  const want = new Map<string, string>();
  for (const origin of settings.enabled ? settings.extraOrigins : []) {
    const pattern = `${origin}/*`;
    if (await hasOriginPermission(pattern)) want.set(PREFIX + origin, pattern);
  }
  const stale = registered.filter((id) => id.startsWith(PREFIX) && !want.has(id));
  await unregisterContentScripts(stale);
  const have = new Set(registered);
  await registerContentScript([...want].filter(([id]) => !have.has(id)).map(([id, pattern]) => ({ id, pattern })));
}

/**
 * Whether coaching is on for a tab's address: a supported site not switched off, a site the person
 * turned on, or (`inManifest`: the development build's local pages) any other page the manifest matches.
 */
export function coachedHere(url: URL, settings: Settings, inManifest: boolean): boolean {
  if (!settings.enabled || !/^https?:$/.test(url.protocol)) return false;
  const site = SUPPORTED.find((a) => hostMatches(url.hostname, a));
  if (site) return settings.sites[site.id] !== false;
  return settings.extraOrigins.includes(url.origin) || inManifest;
}

/**
 * After an install or update, the tabs already open have no content script (or one from the old
 * version, which takes itself down): inject the new one where coaching is on. A content script
 * already running in a tab keeps itself to one coach per page. Returns the tab ids injected.
 */
export async function coachOpenTabs(settings: Settings): Promise<number[]> {
  if (!settings.enabled) return [];
  const manifest = await tabsMatching(contentScriptMatches()).catch(() => []);
  const inManifest = new Set(manifest.map((t) => t.id));
  const extra: string[] = [];
  for (const origin of settings.extraOrigins) {
    const pattern = `${origin}/*`;
    if (await hasOriginPermission(pattern).catch(() => false)) extra.push(pattern);
  }
  const others = (await tabsMatching(extra).catch(() => [])).filter((t) => !inManifest.has(t.id));
  const done: number[] = [];
  for (const tab of [...manifest, ...others]) {
    if (!tab.url || !coachedHere(tab.url, settings, inManifest.has(tab.id))) continue;
    // A tab that cannot be scripted (an error page, a discarded tab) is skipped; the rest go on.
    try {
      await injectContentScript(tab.id);
      done.push(tab.id);
    } catch {
      // not injectable
    }
  }
  return done;
}
