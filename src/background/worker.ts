/**
 * The service worker: validates every message, runs the engine with the person's settings, and keeps
 * the content script registered on the extra sites the person turned coaching on for.
 * It holds no state that matters: the browser may stop it at any time.
 */
import { ext, type MessageSender } from '../platform/browser.js';
import { readSettings, SETTINGS_KEY, type Settings } from '../shared/settings.js';
import { handleMessage } from './handler.js';
import { syncExtraSites } from './sites.js';

let cached: Settings | null = null;

async function settings(): Promise<Settings> {
  if (!cached) cached = readSettings((await ext.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  return cached;
}

ext.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || !changes[SETTINGS_KEY]) return;
  cached = null;
  void settings().then(syncExtraSites);
});

ext.runtime.onInstalled.addListener(() => void settings().then(syncExtraSites));
ext.runtime.onStartup.addListener(() => void settings().then(syncExtraSites));

ext.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => handleMessage(message, sender, ext.runtime.id, settings));
