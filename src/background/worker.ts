/**
 * The service worker: validates every message, runs the engine with the person's settings, and keeps
 * the content script registered on the extra sites the person turned coaching on for.
 * It holds no state that matters: the browser may stop it at any time.
 */
import { analyze, type AnalyzeOptions, type Result } from '../engine/index.js';
import { ext, type MessageSender } from '../platform/browser.js';
import { ContentToWorker, parseMessage, type WorkerReply } from '../shared/messages.js';
import { readSettings, SETTINGS_KEY, type Settings } from '../shared/settings.js';
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

/** Only this extension's own content scripts and pages may ask anything. */
function fromUs(sender: MessageSender): boolean {
  return sender.id === ext.runtime.id;
}

export function optionsFrom(s: Settings): AnalyzeOptions {
  return {
    lang: s.language,
    strictness: s.strictness,
    disabledRules: s.disabledRules,
    disabledCategories: s.disabledCategories,
    signature: s.signature || undefined,
  };
}

async function handle(message: ContentToWorker): Promise<WorkerReply<Result | 'pong'>> {
  if (message.type === 'ping') return { ok: true, value: 'pong' };
  const s = await settings();
  const options: AnalyzeOptions = { ...optionsFrom(s) };
  if (message.context) options.context = message.context;
  if (message.author) options.author = message.author;
  if (message.ignore) options.ignore = message.ignore;
  return { ok: true, value: analyze(message.text, options) };
}

ext.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => {
  if (!fromUs(sender)) return undefined;
  const parsed = parseMessage(ContentToWorker, message);
  if (!parsed) return Promise.resolve({ ok: false, error: 'invalid message' } satisfies WorkerReply<never>);
  return handle(parsed).catch((e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }));
});
