/**
 * The only module that touches the extension API. Everything else imports from here, so that
 * dropping webextension-polyfill (Chrome >= 148 has `browser` natively) is a one-file change, and
 * tests replace this module with a fake.
 */
import browser from 'webextension-polyfill';

export type Browser = typeof browser;
export type MessageSender = browser.Runtime.MessageSender;

export const ext = browser;

/** True while this script still belongs to a live extension (false after an update or reload). */
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
