/**
 * The context-menu items on selected text, handled in the worker: "Human Tone: I'm answering this"
 * (with a keyboard command too), only on pages the content script runs on, and "Check the tone of
 * this text", on any web page.
 */
import { ext } from './browser.js';
import { contentScriptFiles } from './scripting.js';
import { en as manifestWords } from '../i18n/manifest.generated.js';

export const ANSWERING_MENU = 'human-tone-answering';
export const CHECK_MENU = 'human-tone-check';
/** The command's name in manifest.json's `commands`. */
export const ANSWERING_COMMAND = 'answering-selection';

function create(props: Parameters<typeof ext.contextMenus.create>[0]): Promise<void> {
  return new Promise<void>((resolve) => {
    ext.contextMenus.create(props, () => {
      void ext.runtime.lastError;
      resolve();
    });
  });
}

/**
 * (Re)creates the menu items: "I'm answering this" for these pages (match patterns; none: not shown),
 * "Check the tone of this text" on every web page. Never throws.
 */
export async function showMenus(answeringPatterns: string[]): Promise<void> {
  if (!ext.contextMenus) return;
  await ext.contextMenus.removeAll().catch(() => undefined);
  if (answeringPatterns.length) {
    await create({ id: ANSWERING_MENU, title: ext.i18n.getMessage('menuAnswering') || manifestWords.menuAnswering, contexts: ['selection'], documentUrlPatterns: answeringPatterns });
  }
  await create({ id: CHECK_MENU, title: ext.i18n.getMessage('menuCheck') || manifestWords.menuCheck, contexts: ['selection'], documentUrlPatterns: ['https://*/*', 'http://*/*'] });
}

/** The person chose "Check the tone of this text": `handle(tabId, frameId, text)`. */
export function onCheckMenu(handle: (tabId: number, frameId: number, text: string) => void): void {
  ext.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== CHECK_MENU || tab?.id === undefined || tab.id < 0 || !info.selectionText) return;
    handle(tab.id, info.frameId ?? 0, info.selectionText);
  });
}

/**
 * Shows the check panel in one frame: starts the content script there (the menu click granted this
 * tab, activeTab), then calls its panel, in the content script's own world, with the result.
 */
export async function showCheckPanel(tabId: number, frameId: number, payload: unknown): Promise<void> {
  const target = { tabId, frameIds: [frameId] };
  await ext.scripting.executeScript({ target, files: contentScriptFiles() });
  await ext.scripting.executeScript({
    target,
    func: (p: unknown) => (globalThis as unknown as { __humanToneCheck?: (p: unknown) => void }).__humanToneCheck?.(p),
    args: [payload],
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
