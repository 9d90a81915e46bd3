/**
 * "Human Tone: I'm answering this" on a selection (context menu) or by the keyboard command: the
 * selected text goes to the tab's coach, which makes it the message the reply box typed in last
 * answers (as if pasted in the panel's "Message you are answering"). Nothing is stored.
 */
import { MAX_CONTEXT } from '../shared/messages.js';
import type { Settings } from '../shared/settings.js';
import type { RuleSource } from '../engine/index.js';
import { askTab } from '../platform/messaging.js';
import { onAnsweringCommand, onAnsweringMenu, onCheckMenu, selectedText, showCheckPanel, showMenus } from '../platform/menus.js';
import { checkPayload } from './handler.js';
import { contentScriptMatches } from '../platform/scripting.js';

/** Sends the selection to the tab's coach; true when a reply box took it. */
export async function answerWith(tabId: number, selection: string): Promise<boolean> {
  const text = selection.replace(/\s+/g, ' ').trim().slice(0, MAX_CONTEXT);
  if (!text) return false;
  const answer = await askTab(tabId, { type: 'answering', text });
  return answer?.applied === true;
}

/** The pages the menu shows on: the supported sites and the sites the person turned on. */
export function menuPatterns(settings: Settings): string[] {
  if (!settings.enabled) return [];
  return [...contentScriptMatches(), ...settings.extraOrigins.map((o) => `${o}/*`)];
}

export function updateAnsweringMenu(settings: Settings): Promise<void> {
  return showMenus(menuPatterns(settings));
}

/** Logged, never thrown: a page the browser does not let the extension script (a store page, say). */
const warn = (e: unknown) => console.warn('Human Tone: could not check the selection:', e instanceof Error ? e.message : e);

export function listenForAnswering(settings: () => Promise<Settings>, rules: () => Promise<readonly RuleSource[]> = async () => []): void {
  onAnsweringMenu((tabId, text) => void answerWith(tabId, text));
  onAnsweringCommand((tabId) => void selectedText(tabId).then((text) => answerWith(tabId, text)));
  // "Check the tone of this text", on any page: the engine runs here, the panel in the page.
  onCheckMenu((tabId, frameId, text) => {
    Promise.all([settings(), rules()])
      .then(([s, extra]) => showCheckPanel(tabId, frameId, checkPayload(text, s, extra)))
      .catch(warn);
  });
}
