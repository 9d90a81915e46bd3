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
import { loadManaged, watchGuideChange, watchManaged, whenManagedKnown } from '../platform/managed.js';
import { loadActiveGuide, policyGuide, syncGuideSites } from '../platform/guide.js';
import { applyLocked, type Managed } from '../shared/managed.js';
import { guideRules } from '../shared/guide.js';
import type { Settings } from '../shared/settings.js';
import type { RuleSource } from '../engine/index.js';
import { handleMessage } from './handler.js';
import { ReplyHistory } from './history.js';
import { loadHistory, saveHistory, watchHistory } from '../platform/history.js';
import { dayOf } from '../shared/history.js';
import { coachOpenTabs, syncExtraSites } from './sites.js';
import { listenForAnswering, updateAnsweringMenu } from './answering.js';

let cached: Settings | null = null;
let managed: Managed | null = null;
/** The team guide's rules: one array per guide, so that the engine compiles them once (it caches by array). */
let rulesCache: Promise<readonly RuleSource[]> | null = null;

/** The policy; while the browser has not answered, none, and the caches are renewed when it does. */
async function policy(): Promise<Managed> {
  if (managed) return managed;
  const m = await loadManaged();
  if (!m.pending) managed = m;
  else if (!waiting) {
    waiting = true;
    void whenManagedKnown().then((known) => {
      waiting = false;
      policyChanged(known);
    });
  }
  return m;
}
let waiting = false;

/** The settings in force: the person's, with what the organisation locked by policy. */
async function settings(): Promise<Settings> {
  if (!cached) {
    const read = await loadSettings();
    // A change that arrived while reading is newer than what was read.
    cached ??= read;
  }
  return applyLocked(cached, (await policy()).locked);
}

function rules(): Promise<readonly RuleSource[]> {
  rulesCache ??= policy()
    .then((m) => loadActiveGuide(m))
    .then(({ guide }) => guideRules(guide))
    .catch((e: unknown) => {
      rulesCache = null;
      throw e;
    });
  return rulesCache;
}

// The worker lives as long as the browser lets it: its listeners never need removing.
const forever = new AbortController().signal;

/** Background work must never end in an unhandled rejection: it is logged, and the next event tries again. */
const logged = (what: string) => (e: unknown) => console.warn(`Human Tone: ${what} failed:`, e instanceof Error ? e.message : e);

// Right after the browser starts, the first read of the policy waits for the browser's policy service
// (about 3 s seen in Chromium): start it now, so that the first reply to coach waits less or not at all.
policy().catch(logged('reading the policy'));

/**
 * Registrations one after another (two at once would both see none registered and clash), each with
 * the settings as they are when it runs: a queued one must not bring back an older list of sites.
 */
let syncing: Promise<void> = Promise.resolve();
function syncSites(): Promise<void> {
  syncing = syncing.then(() => settingsNow().then(syncExtraSites)).catch(logged('registering the turned-on sites'));
  return syncing;
}

/** The person's settings as last seen, with the policy's locks when the policy is known (never waiting on it). */
async function settingsNow(): Promise<Settings> {
  const mine = cached ?? (await settings());
  return managed ? applyLocked(mine, managed.locked) : mine;
}

const settingsChanged = () => {
  void settings().then((next) => {
    void syncSites();
    updateAnsweringMenu(next).catch(logged('updating the menu'));
  });
};
watchSettings(forever, (next) => {
  cached = next;
  // A site turned on is registered at once with the person's own settings (the sites they turned on
  // are theirs, not the policy's); the first read of a policy can take seconds after the browser
  // starts, and a page opened meanwhile would go uncoached. With the policy known, it runs again.
  void syncSites();
  settingsChanged();
});
// Fingerprints and daily numbers of the replies posted (never their text), read again when the
// options page clears them.
const history = new ReplyHistory({ load: loadHistory, save: saveHistory, today: () => dayOf(new Date()) });
watchHistory(forever, () => history.invalidate());
// The templates of a guide set by policy are registered with the canned-o-meter (an imported guide's
// are registered when it is imported); again at start, since clearing the fingerprints clears them.
function registerPolicyTemplates(m: Managed): void {
  const templates = policyGuide(m).guide?.templates;
  if (templates?.length) history.templates(templates).catch(logged('registering the templates of the policy guide'));
}

// A guide imported or cleared in the settings page, or a policy changed: the next analysis uses it.
watchGuideChange(forever, () => {
  rulesCache = null;
});
function policyChanged(next: Managed): void {
  managed = next;
  rulesCache = null;
  settingsChanged();
  syncGuideSites(next).catch(logged('writing the site rules of the policy guide'));
  registerPolicyTemplates(next);
}
watchManaged(forever, policyChanged);
listenForAnswering(settings, rules);

onInstalled(() => {
  settings()
    .then(async (s) => {
      await syncSites();
      const m = await policy();
      await syncGuideSites(m).catch(logged('writing the site rules of the policy guide'));
      registerPolicyTemplates(m);
      await updateAnsweringMenu(s).catch(logged('updating the menu'));
      await coachOpenTabs(s);
    })
    .catch(logged('coaching the open tabs'));
});
onStartup(() => {
  void syncSites();
  policy()
    .then(async (m) => {
      registerPolicyTemplates(m);
      await syncGuideSites(m);
    })
    .catch(logged('writing the site rules of the policy guide'));
});


acceptLifelines();
answerWorkerRequests((message, sender) => handleMessage(message, sender, extensionId(), settings, rules, history));
