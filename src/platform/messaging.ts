/**
 * Typed messages between the parts of the extension (the shapes and their validation are declared
 * once, in src/shared/messages.ts), and the lifeline port that tells a content script its extension
 * went away.
 */
import {
  ContentAnswerSchemas,
  isWorkerReply,
  LIFELINE_PORT,
  parseMessage,
  PopupToContent,
  type ContentAnswers,
  type ContentToWorker,
  type ReplyTo,
  type WorkerAnswers,
  type WorkerReply,
} from '../shared/messages.js';
import { clearLastError, ext, extensionAlive, listen, type MessageSender, type Port } from './browser.js';

// ---- content script -> worker -----------------------------------------------------------------

/** Sends a request to the worker; rejects when there is no worker or no valid reply. */
export async function sendToWorker<R extends ContentToWorker>(request: R): Promise<ReplyTo<R>> {
  const reply: unknown = await ext.runtime.sendMessage(request);
  if (!isWorkerReply(reply)) throw new Error('no reply from the service worker');
  // The envelope is checked; the value is what the worker computed for this request type.
  return reply as ReplyTo<R>;
}

/**
 * Worker side: `handle` gets every runtime message with its sender and returns the reply, or
 * undefined for no reply at all. Lives as long as the worker does.
 */
export function answerWorkerRequests(
  handle: (message: unknown, sender: { id?: string }) => Promise<WorkerReply<WorkerAnswers[keyof WorkerAnswers]>> | undefined,
): void {
  ext.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => handle(message, { id: sender.id }));
}

// ---- popup -> content script --------------------------------------------------------------------

/**
 * Asks the content script in a tab (every frame gets the request; the first answer counts); null when
 * none answers (no coach there) or the answer is malformed.
 */
export async function askTab<R extends PopupToContent>(tabId: number, request: R): Promise<ContentAnswers[R['type']] | null> {
  try {
    const reply: unknown = await ext.tabs.sendMessage(tabId, request);
    return parseMessage(ContentAnswerSchemas[request.type], reply) as ContentAnswers[R['type']] | null;
  } catch {
    return null;
  }
}

/**
 * Content side: answers the extension's own requests (the popup's, the worker's) until `signal`
 * aborts. Anything else gets no answer; `handle` may decline one too (undefined: this frame does not
 * answer, another frame of the tab may).
 */
export function answerPopup(
  signal: AbortSignal,
  handle: (request: PopupToContent) => Promise<ContentAnswers[PopupToContent['type']] | undefined> | ContentAnswers[PopupToContent['type']] | undefined,
): void {
  listen(
    ext.runtime.onMessage,
    (message: unknown, sender: MessageSender) => {
      if (sender.id !== ext.runtime.id) return undefined; // only this extension's own pages and worker
      const request = parseMessage(PopupToContent, message);
      if (!request) return undefined;
      const answer = handle(request);
      return answer === undefined ? undefined : Promise.resolve(answer);
    },
    signal,
  );
}

// ---- lifeline --------------------------------------------------------------------------------------

/** How often a content script whose port dropped while the extension seemed alive looks again. */
export const LIFELINE_POLL_MS = 400;

export interface Lifeline {
  /** Opens the port again if it dropped (call after the worker answered: it is awake then). */
  reconnect(): void;
}

/**
 * Content side: keeps a port to the worker. When it drops, either the worker only stopped (idle, or
 * stopped by the browser) or the extension went away (updated, reloaded, removed). The extension
 * context is invalidated a moment after the port drops, so the script looks again every
 * LIFELINE_POLL_MS until the worker answers again (no polling while the port is open). `onLost`
 * is called once, within a second of the extension going away, without waiting for an edit.
 */
export function keepLifeline(signal: AbortSignal, onLost: () => void): Lifeline {
  let port: Port | null = null;
  let poll: ReturnType<typeof setInterval> | undefined;
  let lost = false;
  const stopPolling = () => {
    clearInterval(poll);
    poll = undefined;
  };
  const check = () => {
    if (lost || signal.aborted || extensionAlive()) return;
    lost = true;
    stopPolling();
    onLost();
  };
  const connect = () => {
    if (lost || signal.aborted || port) return;
    if (!extensionAlive()) return check();
    try {
      port = ext.runtime.connect({ name: LIFELINE_PORT });
    } catch {
      port = null;
      return check();
    }
    stopPolling();
    port.onDisconnect.addListener(() => {
      clearLastError();
      port = null;
      check();
      if (!lost && !signal.aborted && poll === undefined) poll = setInterval(check, LIFELINE_POLL_MS);
    });
  };
  signal.addEventListener(
    'abort',
    () => {
      stopPolling();
      try {
        port?.disconnect();
      } catch {
        // already gone
      }
      port = null;
    },
    { once: true },
  );
  connect();
  return { reconnect: connect };
}

/** Worker side: accepts lifeline ports from this extension's content scripts; reads nothing from them. */
export function acceptLifelines(): void {
  ext.runtime.onConnect.addListener((port: Port) => {
    if (port.name !== LIFELINE_PORT || port.sender?.id !== ext.runtime.id) port.disconnect();
  });
}
