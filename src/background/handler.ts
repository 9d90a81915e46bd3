/** The worker's message handling, apart from the extension API so that it can be tested in Node. */
import { analyze, type AnalyzeOptions, type RuleSource } from '../engine/index.js';
import { ContentToWorker, MAX_TEXT, parseMessage, type WorkerAnswers, type WorkerReply } from '../shared/messages.js';
import type { Settings } from '../shared/settings.js';

export interface Sender {
  id?: string;
}

/** The analysis options from the settings in force and the team guide's rules (the same array while the guide stays: the engine compiles it once). */
export function optionsFrom(s: Settings, extraRules?: readonly RuleSource[]): AnalyzeOptions {
  return {
    extraRules,
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
  rules: () => Promise<readonly RuleSource[]> = async () => [],
): Promise<WorkerReply<WorkerAnswers[keyof WorkerAnswers]>> | undefined {
  if (sender.id !== ownId) return undefined;
  const parsed = parseMessage(ContentToWorker, message);
  if (!parsed) return Promise.resolve({ ok: false, error: 'invalid message' });
  if (parsed.type === 'ping') return Promise.resolve({ ok: true, value: 'pong' });
  return Promise.all([settings(), rules()]).then(
    ([s, extra]) => {
      const options: AnalyzeOptions = optionsFrom(s, extra);
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
export function checkPayload(text: string, s: Settings, extraRules?: readonly RuleSource[]): { text: string; result: ReturnType<typeof analyze> | null } {
  if (text.length > MAX_TEXT) return { text: '', result: null };
  return { text, result: analyze(text, optionsFrom(s, extraRules)) };
}
