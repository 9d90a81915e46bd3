/**
 * Messages between the content script, extension pages and the service worker, named by direction.
 * The worker validates every message it receives: page text is hostile, and so is anything a page
 * could make a content script send.
 */
import * as v from 'valibot';
import type { Result } from '../engine/types.js';

/** Replies longer than this are cut before analysis; no social reply box holds more. */
export const MAX_TEXT = 100_000;

const Text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const Short = v.pipe(v.string(), v.maxLength(200));

export const AnalyzeRequest = v.strictObject({
  type: v.literal('analyze'),
  text: Text,
  context: v.optional(Text),
  author: v.optional(Short),
  /** Occurrences the writer chose to ignore in this box: rule id and the flagged text. */
  ignore: v.optional(v.pipe(v.array(v.strictObject({ rule: Short, text: v.pipe(v.string(), v.maxLength(2000)) })), v.maxLength(200))),
});
export type AnalyzeRequest = v.InferOutput<typeof AnalyzeRequest>;

/** Content script -> worker: the popup asks for the verdict of the reply being written through the worker. */
export const ContentToWorker = v.variant('type', [AnalyzeRequest, v.strictObject({ type: v.literal('ping') })]);
export type ContentToWorker = v.InferOutput<typeof ContentToWorker>;

/** Popup -> content script (through tabs.sendMessage). */
export const PopupToContent = v.strictObject({ type: v.literal('status') });

export interface BoxStatus {
  site: string;
  boxes: number;
  /** The box the person typed in last. */
  active: { verdict: Result['verdict']; score: number; flags: number; lang: Result['lang'] } | null;
}

export type WorkerReply<T> = { ok: true; value: T } | { ok: false; error: string };

export function parseMessage<T extends v.GenericSchema>(schema: T, message: unknown): v.InferOutput<T> | null {
  const res = v.safeParse(schema, message);
  return res.success ? res.output : null;
}
