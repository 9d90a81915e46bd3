/**
 * The element picker of "Point at the customer's message": the person moves the mouse over the page
 * (an outline follows), clicks the message to choose it, or presses Escape to cancel; with the
 * keyboard, ↑ and ↓ step through the text blocks before the reply box, ← widens the outline to the
 * enclosing element and → narrows it again, Enter chooses.
 *
 * The page can neither start nor steer it: it is started only from the coach's panel (a closed
 * shadow root, trusted clicks only), and it acts only on trusted input. The outline and the help bar
 * are drawn in a closed shadow root of our own `<human-tone-picker>` host (no attribute, no text in
 * the page's DOM); the page's elements, classes and styles are never changed. While it picks, the
 * mouse buttons and the keys it uses stop at the window (capture phase), so the page's own handlers
 * do not fire for the click that chooses (a page listener registered on `window` in the capture phase
 * before ours still sees them, as it sees any input; it cannot change what is chosen).
 */
import type { T } from '../../shared/i18n.js';
import { cleanText, placesOf } from '../context.js';
import { firstWords } from '../overlay/Coach.js';

const HOST = 'human-tone-picker';

const CSS = `
:host { all: initial; }
.outline { position: fixed; pointer-events: none; border: 2px solid #2563eb; background: rgba(37, 99, 235, .12); border-radius: 3px; box-sizing: border-box; display: none; }
.bar { position: fixed; top: 8px; left: 50%; transform: translateX(-50%); max-width: calc(100vw - 24px); pointer-events: auto; display: flex; gap: 10px; align-items: center;
  background: #111827; color: #f9fafb; border-radius: 8px; padding: 8px 12px; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; box-shadow: 0 6px 20px rgba(0,0,0,.3); }
.bar p { margin: 0; }
.bar .now { color: #bfdbfe; }
.bar button { font: inherit; border-radius: 6px; padding: 3px 10px; border: 1px solid #9ca3af; background: #fff; color: #111; cursor: pointer; }
.bar button:focus-visible { outline: 3px solid #93c5fd; outline-offset: 2px; }
`;

/** Mouse events the page does not get while the person picks (the choosing click included). */
const SWALLOWED = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'auxclick', 'dblclick', 'contextmenu'] as const;
const KEYS = new Set(['Escape', 'Enter', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

export interface PickerCallbacks {
  choose(el: Element): void;
  cancel(): void;
}

function ours(el: Element): boolean {
  return !!el.closest(`${HOST}, human-tone-coach, human-tone-check, human-tone-mirror`);
}

/** Elements with text of their own (a paragraph, a message bubble), in document order. */
function textBlocks(doc: Document): Element[] {
  const out: Element[] = [];
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT);
  let last: Element | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || parent === last || !n.textContent?.trim()) continue;
    if (/^(script|style|noscript|template|textarea|option)$/i.test(parent.localName)) continue;
    if (parent.closest('[contenteditable="true"], [contenteditable="plaintext-only"]') || ours(parent)) continue;
    if (parent.getClientRects().length === 0) continue;
    out.push(parent);
    last = parent;
  }
  return out;
}

export class Picker {
  private readonly abort = new AbortController();
  private readonly host: HTMLElement;
  private readonly outline: HTMLDivElement;
  private readonly now: HTMLParagraphElement;
  private readonly layerDoc: Document;
  private current: Element | null = null;
  /** Elements the person widened from with ←, to narrow back with →. */
  private narrower: Element[] = [];
  private blocks: Element[] | null = null;
  private done = false;

  constructor(
    private readonly box: HTMLElement,
    private readonly t: T,
    private readonly callbacks: PickerCallbacks,
  ) {
    const places = placesOf(box);
    this.layerDoc = places[places.length - 1]!.ownerDocument;
    const doc = this.layerDoc;
    this.host = doc.createElement(HOST);
    this.host.style.cssText = 'all: initial; position: fixed; inset: 0; pointer-events: none; z-index: 2147483647;';
    const holder = doc.createElement('div');
    holder.style.cssText = 'all: initial;';
    const root = holder.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    this.outline = doc.createElement('div');
    this.outline.className = 'outline';
    const bar = doc.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'dialog');
    bar.setAttribute('aria-label', t('pickStart'));
    const help = doc.createElement('p');
    help.textContent = t('pickHelp');
    this.now = doc.createElement('p');
    this.now.className = 'now';
    this.now.setAttribute('role', 'status');
    this.now.setAttribute('aria-live', 'polite');
    const cancel = doc.createElement('button');
    cancel.type = 'button';
    cancel.textContent = t('pickCancel');
    const signal = this.abort.signal;
    cancel.addEventListener('click', (e) => e.isTrusted && this.cancel(), { signal });
    const text = doc.createElement('div');
    text.append(help, this.now);
    bar.append(text, cancel);
    root.append(style, this.outline, bar);
    this.host.append(holder);
    (doc.body && !doc.body.isContentEditable ? doc.body : doc.documentElement).append(this.host);

    const windows = new Set(places.map((p) => p.ownerDocument.defaultView!).filter(Boolean));
    for (const win of windows) {
      win.addEventListener('mousemove', (e) => this.hover(e), { signal, capture: true, passive: true });
      for (const type of SWALLOWED) win.addEventListener(type, (e) => this.mouse(e as MouseEvent), { signal, capture: true });
      win.addEventListener('keydown', (e) => this.key(e), { signal, capture: true });
      win.addEventListener('keyup', (e) => e.isTrusted && KEYS.has(e.key) && !this.inOurs(e) && stop(e), { signal, capture: true });
      win.addEventListener('scroll', () => this.draw(), { signal, capture: true, passive: true });
      win.addEventListener('resize', () => this.draw(), { signal, passive: true });
    }
    // Focus in the help bar: a screen reader reads what to do, and keys reach the picker.
    cancel.focus();
  }

  get running(): boolean {
    return !this.done;
  }

  private inOurs(e: Event): boolean {
    return e.composedPath().includes(this.host);
  }

  /** The page element an event is on (a page's own shadow host counts as the element). */
  private targetOf(e: Event): Element | null {
    const t = e.target;
    if (!(t instanceof Element) && !(t && (t as Node).nodeType === Node.ELEMENT_NODE)) return null;
    let el = t as Element;
    // Below an editable body (TinyMCE's frame is taller than its text) is still the editor.
    const body = el.ownerDocument.body;
    if (el === el.ownerDocument.documentElement && body?.isContentEditable) el = body;
    // The page itself is no message; an editable body (TinyMCE's) is the reply box, which derivation refuses with a reason.
    if (ours(el) || el === el.ownerDocument.documentElement || (el === el.ownerDocument.body && !(el as HTMLElement).isContentEditable)) return null;
    return el;
  }

  private hover(e: MouseEvent): void {
    if (!e.isTrusted || this.done || this.inOurs(e)) return;
    const el = this.targetOf(e);
    if (el && el !== this.current) this.set(el);
  }

  private mouse(e: MouseEvent): void {
    if (!e.isTrusted || this.done || this.inOurs(e)) return;
    stop(e);
    if (e.type !== 'click' || e.button !== 0) return;
    const el = this.targetOf(e);
    if (el) this.finish(el);
  }

  private key(e: KeyboardEvent): void {
    if (!e.isTrusted || this.done || !KEYS.has(e.key)) return;
    // Enter on our own Cancel button is that button's business.
    if (e.key === 'Enter' && this.inOurs(e) && !this.current) return;
    stop(e);
    switch (e.key) {
      case 'Escape':
        return this.cancel();
      case 'Enter':
        if (this.current) this.finish(this.current);
        return;
      case 'ArrowUp':
      case 'ArrowDown':
        return this.step(e.key === 'ArrowUp' ? -1 : 1);
      case 'ArrowLeft': {
        const parent = this.current?.parentElement;
        if (this.current && parent && parent !== parent.ownerDocument.body && parent !== parent.ownerDocument.documentElement && !parent.contains(this.box) && !(parent.ownerDocument !== this.box.ownerDocument && parent.querySelector('iframe, frame'))) {
          this.narrower.push(this.current);
          this.set(parent, true);
        }
        return;
      }
      case 'ArrowRight': {
        const back = this.narrower.pop();
        if (back) this.set(back, true);
      }
    }
  }

  /** ↑ / ↓: the previous or next text block; the first press starts at the last one before the box. */
  private step(dir: -1 | 1): void {
    if (!this.blocks) {
      const places = placesOf(this.box);
      const list: Element[] = [];
      // Outer documents first (a console's thread around an editor's frame), then inner ones; in each,
      // only what comes before the box (or its frame).
      for (const place of [...places].reverse()) {
        for (const b of textBlocks(place.ownerDocument)) {
          if (b.contains(place) || place.contains(b)) continue;
          if (b.compareDocumentPosition(place) & Node.DOCUMENT_POSITION_FOLLOWING) list.push(b);
        }
      }
      this.blocks = list;
    }
    if (!this.blocks.length) return;
    const at = this.current ? this.blocks.findIndex((b) => b === this.current || b.contains(this.current!)) : -1;
    const next = at === -1 ? this.blocks.length - 1 : Math.min(this.blocks.length - 1, Math.max(0, at + dir));
    this.narrower = [];
    this.set(this.blocks[next]!, true);
  }

  private set(el: Element, fromKeys = false): void {
    this.current = el;
    if (!fromKeys) this.narrower = [];
    const text = cleanText(el.textContent, 400);
    this.now.textContent = text ? this.t('pickOutlined', { text: firstWords(text, 10) }) : '';
    if (fromKeys) el.scrollIntoView?.({ block: 'nearest' });
    this.draw();
  }

  /** The outline, in the coordinates of the document the picker is drawn in (frames add their offsets). */
  private draw(): void {
    const el = this.current;
    if (this.done || !el || !el.isConnected) {
      this.outline.style.display = 'none';
      return;
    }
    const r = el.getBoundingClientRect();
    let left = r.left;
    let top = r.top;
    for (const frame of placesOf(el).slice(1)) {
      const f = frame.getBoundingClientRect();
      left += f.left + frame.clientLeft;
      top += f.top + frame.clientTop;
    }
    Object.assign(this.outline.style, { display: 'block', left: `${left - 2}px`, top: `${top - 2}px`, width: `${r.width + 4}px`, height: `${r.height + 4}px` });
  }

  private finish(el: Element): void {
    this.stop();
    this.callbacks.choose(el);
  }

  cancel(): void {
    if (this.done) return;
    this.stop();
    this.callbacks.cancel();
  }

  /** Takes the picker down: its host and every listener. Never throws. */
  stop(): void {
    if (this.done) return;
    this.done = true;
    try {
      this.abort.abort();
    } catch {
      // a dead context: its listeners are gone too
    }
    this.host.remove();
  }
}

function stop(e: Event): void {
  e.preventDefault();
  e.stopImmediatePropagation();
}
