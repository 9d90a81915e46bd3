/** Tabs, host permissions and content-script injection: the extension API the worker and the popup need. */
import { ext, extensionUrl } from './browser.js';

/**
 * The content script's files, as paths inside the extension. Firefox's getManifest() gives them as
 * full moz-extension:// URLs, which its registerContentScripts and executeScript refuse ("must be a
 * relative URL"): the extension's own origin is taken off.
 */
export function contentScriptFiles(): string[] {
  const scripts = ext.runtime.getManifest().content_scripts ?? [];
  return (scripts[0]?.js ?? []).map((f) => f.replace(/^[a-z-]+-extension:\/\/[^/]+\//, ''));
}

/** The match patterns of the manifest's content script (the supported sites). */
export function contentScriptMatches(): string[] {
  const scripts = ext.runtime.getManifest().content_scripts ?? [];
  return scripts[0]?.matches ?? [];
}

/**
 * Runs the content script in a tab's frames (it keeps itself to one coach per frame); frames it may
 * not script (another site's) are left out by the browser.
 */
export async function injectContentScript(tabId: number): Promise<void> {
  await ext.scripting.executeScript({ target: { tabId, allFrames: true }, files: contentScriptFiles() });
}

export interface OpenTab {
  id: number;
  url: URL | null;
}

function toTab(tab: { id?: number; url?: string }): OpenTab | null {
  if (tab.id === undefined) return null;
  let url: URL | null = null;
  try {
    url = tab.url ? new URL(tab.url) : null;
  } catch {
    url = null;
  }
  return { id: tab.id, url };
}

/** Open tabs whose address matches one of `patterns` (match patterns the extension holds permission for). */
export async function tabsMatching(patterns: string[]): Promise<OpenTab[]> {
  if (!patterns.length) return [];
  const tabs = await ext.tabs.query({ url: patterns });
  return tabs.map(toTab).filter((t): t is OpenTab => t !== null);
}

export async function activeTab(): Promise<OpenTab | null> {
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab ? toTab(tab) : null;
}

export async function openExtensionPage(path: string): Promise<void> {
  await ext.tabs.create({ url: extensionUrl(path) });
}

// ---- host permissions for the sites the person turns on ------------------------------------------

export async function hasOriginPermission(pattern: string): Promise<boolean> {
  return ext.permissions.contains({ origins: [pattern] });
}

/** Must be called from a click (the browser asks the person). */
export async function requestOriginPermission(pattern: string): Promise<boolean> {
  return ext.permissions.request({ origins: [pattern] });
}

export async function removeOriginPermission(pattern: string): Promise<void> {
  await ext.permissions.remove({ origins: [pattern] }).catch(() => false);
}

// ---- content scripts registered at run time --------------------------------------------------------

export function canRegisterScripts(): boolean {
  return typeof ext.scripting?.registerContentScripts === 'function';
}

export async function registeredScriptIds(): Promise<string[]> {
  return (await ext.scripting.getRegisteredContentScripts()).map((r) => r.id);
}

/**
 * Registers the content script on turned-on sites: in every frame of their pages (editors such as
 * TinyMCE and CKEditor live in frames), including about:blank and srcdoc frames those pages make
 * (`matchOriginAsFallback`, which a browser that does not know it refuses: then without it).
 */
export async function registerContentScript(list: { id: string; pattern: string }[]): Promise<void> {
  if (!list.length) return;
  const scripts = list.map(({ id, pattern }) => ({ id, matches: [pattern], js: contentScriptFiles(), runAt: 'document_idle' as const, persistAcrossSessions: true, allFrames: true }));
  try {
    await ext.scripting.registerContentScripts(scripts.map((s) => ({ ...s, matchOriginAsFallback: true })));
  } catch (e) {
    if (!/matchOriginAsFallback/i.test(e instanceof Error ? e.message : String(e))) throw e;
    await ext.scripting.registerContentScripts(scripts);
  }
}

export async function unregisterContentScripts(ids: string[]): Promise<void> {
  if (ids.length) await ext.scripting.unregisterContentScripts({ ids });
}
