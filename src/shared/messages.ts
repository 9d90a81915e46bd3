/**
 * Messages between the content script, extension pages and the service worker, named by direction.
 * Each request is declared once, here, beside its validation and the type of its answer; the
 * platform layer (src/platform/messaging.ts) sends and receives them typed. The worker validates
 * every message it receives: page text is hostile, and so is anything a page could make a content
 * script send.
 */
import * as v from 'valibot';
import type { Result } from '../engine/types.js';
import type { Repeats } from './history.js';

/**
 * The longest reply the worker analyses. No social reply box holds more; the content script does
 * not send longer text at all (the badge says it is too long to coach), and the worker refuses it.
 */
export const MAX_TEXT = 100_000;
/** The message answered and its author are cut to these lengths by the content script. */
export const MAX_CONTEXT = 5000;
export const MAX_AUTHOR = 200;
/** At most this many "Ignore here" choices travel with a request (the oldest are dropped first). */
export const MAX_IGNORED = 200;
export const MAX_IGNORED_TEXT = 2000;

const Text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const Short = v.pipe(v.string(), v.maxLength(MAX_AUTHOR));

// ---- content script -> worker ------------------------------------------------------------------

export const AnalyzeRequest = v.strictObject({
  type: v.literal('analyze'),
  text: Text,
  context: v.optional(Text),
  author: v.optional(Short),
  /** Occurrences the writer chose to ignore in this box: rule id and the flagged text. */
  ignore: v.optional(v.pipe(v.array(v.strictObject({ rule: Short, text: v.pipe(v.string(), v.maxLength(MAX_IGNORED_TEXT)) })), v.maxLength(MAX_IGNORED))),
});
export type AnalyzeRequest = v.InferOutput<typeof AnalyzeRequest>;

/**
 * The person posted this reply from a coached box (their own click or key, let through by the
 * pre-post check): the worker keeps its fingerprint and the day's numbers, never the text.
 */
export const PostedRequest = v.strictObject({
  type: v.literal('posted'),
  text: Text,
  context: v.optional(Text),
  author: v.optional(Short),
});
export type PostedRequest = v.InferOutput<typeof PostedRequest>;

export const PingRequest = v.strictObject({ type: v.literal('ping') });
export type PingRequest = v.InferOutput<typeof PingRequest>;

export const ContentToWorker = v.variant('type', [AnalyzeRequest, PostedRequest, PingRequest]);
export type ContentToWorker = v.InferOutput<typeof ContentToWorker>;

/** What the worker answers to each request type. */
export interface WorkerAnswers {
  /** The result, and (when the person lets the extension remember their posts) how often they posted almost this reply. */
  analyze: Result & { repeats?: Repeats };
  /** Whether the post was recorded. */
  posted: boolean;
  ping: 'pong';
}

export type WorkerReply<T> = { ok: true; value: T } | { ok: false; error: string };
/** The reply to one request, typed by the request's `type`. */
export type ReplyTo<R extends ContentToWorker> = WorkerReply<WorkerAnswers[R['type']]>;

/** Checks the envelope of a worker reply (the worker is this extension's own code; the shape is all that can go wrong). */
export function isWorkerReply(x: unknown): x is WorkerReply<unknown> {
  if (!x || typeof x !== 'object') return false;
  const r = x as { ok?: unknown; value?: unknown; error?: unknown };
  return (r.ok === true && 'value' in r) || (r.ok === false && typeof r.error === 'string');
}

/**
 * The content script keeps a port open to the worker under this name: when the extension is
 * updated, reloaded or removed the port drops, and the old content script takes itself down.
 * The worker accepts it from this extension only and reads nothing from it.
 */
export const LIFELINE_PORT = 'human-tone-lifeline';

// ---- popup -> content script (through tabs.sendMessage) -----------------------------------------

export const StatusRequest = v.strictObject({ type: v.literal('status') });
/**
 * From the worker, after the person chose "Human Tone: I'm answering this" on a selection or pressed
 * its keyboard command: the selected text is the message the active reply box answers.
 */
export const AnsweringRequest = v.strictObject({ type: v.literal('answering'), text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_CONTEXT)) });
export const PopupToContent = v.variant('type', [StatusRequest, AnsweringRequest]);
export type PopupToContent = v.InferOutput<typeof PopupToContent>;

const VerdictSchema = v.picklist(['human', 'mixed', 'scripted', 'unknown']);

export const BoxStatus = v.strictObject({
  site: v.pipe(v.string(), v.maxLength(100)),
  boxes: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** The box the person typed in last. */
  active: v.nullable(
    v.strictObject({
      verdict: VerdictSchema,
      score: v.number(),
      flags: v.pipe(v.number(), v.integer(), v.minValue(0)),
      lang: v.picklist(['en', 'nl', 'other']),
    }),
  ),
});
export type BoxStatus = v.InferOutput<typeof BoxStatus>;

/** What the content script answers to each popup request type. */
export const AnsweringAnswer = v.strictObject({ applied: v.boolean() });

export interface ContentAnswers {
  status: BoxStatus;
  answering: v.InferOutput<typeof AnsweringAnswer>;
}
export const ContentAnswerSchemas = { status: BoxStatus, answering: AnsweringAnswer } as const;

export function parseMessage<T extends v.GenericSchema>(schema: T, message: unknown): v.InferOutput<T> | null {
  const res = v.safeParse(schema, message);
  return res.success ? res.output : null;
}
