/**
 * The service worker: validates every message, runs the engine with the person's settings, keeps
 * the content script registered on the extra sites the person turned coaching on for, and after an
 * install or update coaches the tabs already open. It holds no state that matters: the browser may
 * stop it at any time.
 */
import { onInstalled, onStartup } from '../platform/lifecycle.js';
import { acceptLifelines, answerWorkerRequests } from '../platform/messaging.js';
import { extensionId } from '../platform/browser.js';
import { loadSettings, watchSettings } from '../platform/settings.js';
import type { Settings } from '../shared/settings.js';
import { handleMessage } from './handler.js';
import { ReplyHistory } from './history.js';
import { loadHistory, saveHistory, watchHistory } from '../platform/history.js';
import { dayOf } from '../shared/history.js';
import { coachOpenTabs, syncExtraSites } from './sites.js';
import { listenForAnswering, updateAnsweringMenu } from './answering.js';

let cached: Settings | null = null;

async function settings(): Promise<Settings> {
  cached ??= await loadSettings();
  return cached;
}

// The worker lives as long as the browser lets it: its listeners never need removing.
const forever = new AbortController().signal;

/** Background work must never end in an unhandled rejection: it is logged, and the next event tries again. */
const logged = (what: string) => (e: unknown) => console.warn(`Human Tone: ${what} failed:`, e instanceof Error ? e.message : e);

watchSettings(forever, (next) => {
  cached = next;
  syncExtraSites(next).catch(logged('registering the turned-on sites'));
  updateAnsweringMenu(next).catch(logged('updating the menu'));
});
listenForAnswering(settings);

onInstalled(() => {
  settings()
    .then(async (s) => {
      await syncExtraSites(s).catch(logged('registering the turned-on sites'));
      await updateAnsweringMenu(s).catch(logged('updating the menu'));
      await coachOpenTabs(s);
    })
    .catch(logged('coaching the open tabs'));
});
onStartup(() => {
  settings().then(syncExtraSites).catch(logged('registering the turned-on sites'));
});

// Fingerprints and daily numbers of the replies posted (never their text), read again when the
// options page clears them.
const history = new ReplyHistory({ load: loadHistory, save: saveHistory, today: () => dayOf(new Date()) });
watchHistory(forever, () => history.invalidate());

acceptLifelines();
answerWorkerRequests((message, sender) => handleMessage(message, sender, extensionId(), settings, history));
