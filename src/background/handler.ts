/** The worker's message handling, apart from the extension API so that it can be tested in Node. */
import { analyze, type AnalyzeOptions } from '../engine/index.js';
import { ContentToWorker, MAX_TEXT, parseMessage, type WorkerAnswers, type WorkerReply } from '../shared/messages.js';
import type { Settings } from '../shared/settings.js';

export interface Sender {
  id?: string;
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

/**
 * Answers one message. Returns undefined (no answer at all) for senders that are not this extension;
 * anything that does not match the message schema gets {ok: false} and is never analysed.
 */
export function handleMessage(
  message: unknown,
  sender: Sender,
  ownId: string,
  settings: () => Promise<Settings>,
): Promise<WorkerReply<WorkerAnswers[keyof WorkerAnswers]>> | undefined {
  if (sender.id !== ownId) return undefined;
  const parsed = parseMessage(ContentToWorker, message);
  if (!parsed) return Promise.resolve({ ok: false, error: 'invalid message' });
  if (parsed.type === 'ping') return Promise.resolve({ ok: true, value: 'pong' });
  return settings().then(
    (s) => {
      const options: AnalyzeOptions = optionsFrom(s);
      if (parsed.context) options.context = parsed.context;
      if (parsed.author) options.author = parsed.author;
      if (parsed.ignore) options.ignore = parsed.ignore;
      return { ok: true as const, value: analyze(parsed.text, options) };
    },
    (e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) }),
  );
}

/**
 * "Check the tone of this text": the result for a selection, for the panel the content script shows
 * (src/content/check.tsx); none for text over the limit the coach keeps to.
 */
export function checkPayload(text: string, s: Settings): { text: string; result: ReturnType<typeof analyze> | null } {
  if (text.length > MAX_TEXT) return { text: '', result: null };
  return { text, result: analyze(text, optionsFrom(s)) };
}
