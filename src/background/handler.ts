/** The worker's message handling, apart from the extension API so that it can be tested in Node. */
import { analyze, type AnalyzeOptions, type RuleSource } from '../engine/index.js';
import { ContentToWorker, MAX_TEXT, parseMessage, type WorkerAnswers, type WorkerReply } from '../shared/messages.js';
import type { Settings } from '../shared/settings.js';
import type { ReplyHistory } from './history.js';

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
    ...(s.address !== 'any' ? { address: s.address } : {}),
    ...(s.register === 'formal' ? { register: 'formal' as const } : {}),
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
  history?: ReplyHistory,
): Promise<WorkerReply<WorkerAnswers[keyof WorkerAnswers]>> | undefined {
  if (sender.id !== ownId) return undefined;
  const parsed = parseMessage(ContentToWorker, message);
  if (!parsed) return Promise.resolve({ ok: false, error: 'invalid message' });
  if (parsed.type === 'ping') return Promise.resolve({ ok: true, value: 'pong' });
  const failed = (e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) });
  return Promise.all([settings(), rules()]).then(async ([s, extra]) => {
    const options: AnalyzeOptions = optionsFrom(s, extra);
    if (parsed.context) options.context = parsed.context;
    if (parsed.author) options.author = parsed.author;
    if (parsed.type === 'analyze' && parsed.ignore) options.ignore = parsed.ignore;
    const result = analyze(parsed.text, options);
    const remember = s.remember && history;
    if (parsed.type === 'posted') {
      if (!remember) return { ok: true as const, value: false };
      await history.posted(parsed.text, result, parsed.author);
      return { ok: true as const, value: true };
    }
    // The count is extra: when the store cannot be read, the result still goes out without it.
    const repeats = remember && result.verdict !== 'unknown' ? await history.repeats(parsed.text, parsed.author).catch(() => null) : null;
    return { ok: true as const, value: repeats ? { ...result, repeats } : result };
  }, failed).catch(failed);
}

/**
 * "Check the tone of this text": the result for a selection, for the panel the content script shows
 * (src/content/check.tsx); none for text over the limit the coach keeps to.
 */
export function checkPayload(
  text: string,
  s: Settings,
  extraRules?: readonly RuleSource[],
): { text: string; result: ReturnType<typeof analyze> | null; ui: Settings['interfaceLanguage'] } {
  if (text.length > MAX_TEXT) return { text: '', result: null, ui: s.interfaceLanguage };
  return { text, result: analyze(text, optionsFrom(s, extraRules)), ui: s.interfaceLanguage };
}
