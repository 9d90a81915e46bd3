/**
 * Sites the person turned coaching on for (beyond the supported ones): the content script is
 * registered for each origin whose permission they granted, and unregistered when they turn it off.
 */
import { ext } from '../platform/browser.js';
import type { Settings } from '../shared/settings.js';

const PREFIX = 'human-tone-site-';

export function contentScriptFiles(): string[] {
  const scripts = ext.runtime.getManifest().content_scripts ?? [];
  return scripts[0]?.js ?? [];
}

export async function syncExtraSites(settings: Settings): Promise<void> {
  const scripting = chrome.scripting;
  if (!scripting?.registerContentScripts) return;
  const registered = await scripting.getRegisteredContentScripts();
  const want = new Map<string, string>();
  for (const origin of settings.enabled ? settings.extraOrigins : []) {
    const pattern = `${origin}/*`;
    if (await ext.permissions.contains({ origins: [pattern] })) want.set(PREFIX + origin, pattern);
  }
  const stale = registered.filter((r) => r.id.startsWith(PREFIX) && !want.has(r.id)).map((r) => r.id);
  if (stale.length) await scripting.unregisterContentScripts({ ids: stale });
  const have = new Set(registered.map((r) => r.id));
  const add = [...want].filter(([id]) => !have.has(id));
  if (add.length) {
    await scripting.registerContentScripts(
      add.map(([id, pattern]) => ({ id, matches: [pattern], js: contentScriptFiles(), runAt: 'document_idle' as const, persistAcrossSessions: true })),
    );
  }
}

/** Starts coaching in an already open tab right after the person turned it on. */
export async function injectInto(tabId: number): Promise<void> {
  await chrome.scripting.executeScript({ target: { tabId }, files: contentScriptFiles() });
}
