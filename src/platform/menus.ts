/**
 * "Human Tone: I'm answering this": a context-menu item on selected text and a keyboard command,
 * both handled in the worker. The menu shows only on pages the content script runs on.
 */
import { ext } from './browser.js';

export const ANSWERING_MENU = 'human-tone-answering';
/** The command's name in manifest.json's `commands`. */
export const ANSWERING_COMMAND = 'answering-selection';

/** (Re)creates the menu item for these pages (match patterns); never throws. */
export async function showAnsweringMenu(documentUrlPatterns: string[]): Promise<void> {
  if (!ext.contextMenus) return;
  await ext.contextMenus.removeAll().catch(() => undefined);
  if (!documentUrlPatterns.length) return;
  await new Promise<void>((resolve) => {
    ext.contextMenus.create({ id: ANSWERING_MENU, title: ext.i18n.getMessage('menuAnswering') || "Human Tone: I'm answering this", contexts: ['selection'], documentUrlPatterns }, () => {
      void ext.runtime.lastError;
      resolve();
    });
  });
}

/** The person chose the menu item on a selection: `handle(tabId, text)`. */
export function onAnsweringMenu(handle: (tabId: number, text: string) => void): void {
  ext.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== ANSWERING_MENU || tab?.id === undefined || tab.id < 0 || !info.selectionText) return;
    handle(tab.id, info.selectionText);
  });
}

/** The person pressed the keyboard command: `handle(tabId)`. */
export function onAnsweringCommand(handle: (tabId: number) => void): void {
  ext.commands?.onCommand.addListener((command, tab) => {
    if (command !== ANSWERING_COMMAND || tab?.id === undefined || tab.id < 0) return;
    handle(tab.id);
  });
}

/** The text selected in the tab, in whichever of its frames it is ('' when none, or not allowed). */
export async function selectedText(tabId: number): Promise<string> {
  try {
    const results = await ext.scripting.executeScript({ target: { tabId, allFrames: true }, func: () => String(globalThis.getSelection?.() ?? '') });
    for (const r of results) if (typeof r.result === 'string' && r.result.trim()) return r.result;
  } catch {
    // a page the extension may not script
  }
  return '';
}
