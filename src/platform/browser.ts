/**
 * The only module that imports the extension API. The other files of src/platform wrap it in typed
 * functions, and nothing outside src/platform touches `chrome.*`, `browser.*` or `ext` (a static
 * test checks it), so that dropping webextension-polyfill (Chrome >= 148 has `browser` natively)
 * is a one-file change, and tests replace these modules with fakes.
 */
import browser from 'webextension-polyfill';

export type Browser = typeof browser;
export type MessageSender = browser.Runtime.MessageSender;
export type Port = browser.Runtime.Port;

/** For src/platform only. */
export const ext = browser;

/** True while this script still belongs to a live extension (false after an update, reload or removal). */
export function extensionAlive(): boolean {
  try {
    return typeof chrome !== 'undefined' && !!chrome.runtime?.id;
  } catch {
    return false;
  }
}

export function extensionId(): string {
  return browser.runtime.id;
}

export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return typeof navigator !== 'undefined' ? navigator.language : 'en';
  }
}

export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

/** Reads (and so silences) chrome.runtime.lastError after a port dropped or a call failed. */
export function clearLastError(): void {
  try {
    void chrome.runtime?.lastError;
  } catch {
    // the context is gone: nothing to read
  }
}

/**
 * Adds a listener to an extension event and removes it when `signal` aborts. Removing from an
 * invalidated extension context may throw; that is ignored (the listener is dead anyway).
 */
export function listen<F extends (...args: never[]) => unknown>(
  event: { addListener(f: F): void; removeListener(f: F): void },
  listener: F,
  signal: AbortSignal,
): void {
  if (signal.aborted) return;
  event.addListener(listener);
  signal.addEventListener(
    'abort',
    () => {
      try {
        event.removeListener(listener);
      } catch {
        // invalidated context
      }
    },
    { once: true },
  );
}
