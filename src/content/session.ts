/**
 * One reply box being coached, the unit of the content script: it reads the box's text after the
 * person pauses (debounced), asks the worker, drops results that a newer edit made stale, draws the
 * underlines, and drives its own interface (badge, panel, pre-post check). Typing itself only
 * restarts a timer; nothing on the keystroke path reads the DOM.
 *
 * What the interface shows always belongs to the text the box holds: from the first edit after a
 * result the badge says "reading" until the new result is in; text over MAX_TEXT is not sent at all
 * (the badge says it is too long to coach, the underlines go); a failed analysis shows as failed,
 * with a retry, and is logged to the console once.
 */
import type { Flag, Result } from '../engine/types.js';
import type { T } from '../shared/i18n.js';
import { MAX_AUTHOR, MAX_CONTEXT, MAX_IGNORED, MAX_IGNORED_TEXT, MAX_TEXT, type AnalyzeRequest, type PostedRequest } from '../shared/messages.js';
import { applyReplacement, type ApplyOutcome } from './editors/apply.js';
import { surfaceFor, type Surface, type TextMap } from './editors/surface.js';
import { setMarks, type Mark } from './highlight.js';
import { Mirror } from './mirror.js';
import { CoachUI } from './overlay/ui.js';
import type { AnsweringState, CoachStatus } from './overlay/Coach.js';
import type { ContextRule, SiteAdapter } from './sites/types.js';
import { findContext, placesOf, type FoundContext } from './context.js';
import { now, span, timed } from './perf.js';

export const DEBOUNCE_MS = 300;

/** What a box needs from the page's coach. */
export interface SessionHost {
  analyze(request: AnalyzeRequest): Promise<Result>;
  /** The person focused this box (the popup reports the box typed in last). */
  activated(session: BoxSession): void;
  ruleOff(session: BoxSession, flagIndex: number): Promise<void>;
  review(session: BoxSession): void;
  postAnyway(session: BoxSession): void;
  /** The rule taught for this site (picker or team guide), and whether it comes before the adapter's rules. */
  taught(): { rule: ContextRule | null; order: 'adapter-first' | 'taught-first' };
  /** Whether "Point at the customer's message" is offered on this page. */
  readonly canPick: boolean;
  /** "Point at the customer's message" for this box (from the person's click in the panel). */
  pick(session: BoxSession): void;
}

/** How long the page's DOM must be still before the message answered is looked for again. */
const CONTEXT_DELAY_MS = 150;

export class BoxSession {
  readonly surface: Surface;
  readonly ui: CoachUI;
  status: CoachStatus = 'pending';
  /** The current result, for exactly `resultText`; null unless status is 'ready'. */
  result: Result | null = null;
  /** The text the current result belongs to. */
  resultText: string | null = null;
  ignored: { rule: string; text: string }[] = [];
  /**
   * The message being answered as the person set it (pasted or edited in the panel): it overrides
   * what the site adapter finds. Kept only in this box's session, never stored.
   */
  private picked: string | null = null;
  /** What the site adapter found, read again at each analysis (the page may change around the box). */
  private found: FoundContext = {};
  /** The box held text at the last read: when it is emptied (posted, or the console opened another conversation), the picked message goes. */
  private hadText = false;
  private revision = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly abort = new AbortController();
  private readonly observer: MutationObserver;
  private mirror: Mirror | null = null;
  private lastMap: TextMap | null = null;
  /** A failure is logged once, not at every retry; a success resets it. */
  private failureLogged = false;
  private stopped = false;
  /** Watches the documents around the box's frame (a console's thread outside the editor's frame). */
  private outerObserver: MutationObserver | null = null;
  private contextTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly el: HTMLElement,
    readonly adapter: SiteAdapter,
    private readonly host: SessionHost,
    t: T,
  ) {
    this.surface = surfaceFor(el);
    this.ui = new CoachUI(el, t, {
      apply: async (f, i) => (await this.apply(f, i)).ok,
      ignore: (f) => this.ignore(f),
      ruleOff: (f) => this.host.ruleOff(this, f),
      retry: () => this.schedule(0),
      review: () => this.host.review(this),
      postAnyway: () => this.host.postAnyway(this),
      setAnswering: (text) => this.setAnswering(text),
      pick: () => this.host.pick(this),
    });
    const signal = this.abort.signal;
    // The keystroke path: only restart the pause timer (timed for the benchmark).
    const onEdit = () => timed('keystroke', () => this.edited());
    el.addEventListener('input', onEdit, { signal });
    el.addEventListener('focus', () => this.host.activated(this), { signal });
    el.addEventListener('click', (e) => e.isTrusted && this.clicked(), { signal });
    if (this.surface.kind === 'textarea') {
      this.mirror = new Mirror(el as HTMLTextAreaElement);
    }
    // Editors that re-render without an input event (undo, paste handlers, site scripts).
    this.observer = new MutationObserver(onEdit);
    if (this.surface.kind !== 'textarea') this.observer.observe(el, { childList: true, subtree: true, characterData: true });
    // A box in a frame: the message is usually in the page around the frame, which this script's own
    // page observer does not see. Watch it for the message answered (a conversation opened, a message in).
    const outer = [...new Set(placesOf(el).slice(1).map((p) => p.ownerDocument))];
    if (outer.length) {
      this.outerObserver = new MutationObserver((records) => {
        // Our own hosts change (their public attributes) at every result: not a change of the page. The
        // target is checked by name, not instanceof: in Firefox the other document's nodes are not
        // instances of this frame's Element.
        const ours = (n: Node) => n.nodeType === Node.ELEMENT_NODE && /^human-tone-/.test((n as Element).localName);
        if (records.some((r) => !ours(r.target))) this.contextSoon();
      });
      for (const d of outer) this.outerObserver.observe(d.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
    }
    this.found = this.findFound();
    this.show();
    this.schedule(0);
  }

  /** The message answered as the adapter's rules and the site's taught rule find it now. */
  private findFound(): FoundContext {
    const { rule, order } = this.host.taught();
    return findContext(this.el, this.adapter, rule, order);
  }

  private contextSoon(): void {
    if (this.stopped || this.contextTimer !== undefined) return;
    this.contextTimer = setTimeout(() => {
      this.contextTimer = undefined;
      this.refreshContext();
    }, CONTEXT_DELAY_MS);
  }

  /**
   * Looks for the message answered again (the page changed, or the site's taught rule did): when it
   * changed, the panel shows it and a reply already written is coached against it. Never throws.
   */
  refreshContext(force = false): void {
    if (this.stopped) return;
    let next: FoundContext;
    try {
      next = this.findFound();
    } catch {
      next = {};
    }
    const same = next.text === this.found.text && next.author === this.found.author && next.taught === this.found.taught;
    if (same && !force) return;
    this.found = next;
    this.show();
    if (this.picked === null && this.hadText) this.invalidate();
  }

  /** A rule was just taught from this box: the message set by hand gives way to what the rule finds. */
  taughtHere(): void {
    this.picked = null;
    this.refreshContext(true);
  }

  /** The text changed (or may have): the result shown is no longer for it; ask again after the pause. */
  private edited(): void {
    if (this.status === 'ready') this.setStatus('pending');
    this.schedule();
  }

  /** Restarts the pause timer: the analysis runs when the person stops typing. */
  schedule(delay = DEBOUNCE_MS): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  /** The flags of the current result. */
  get flags(): Flag[] {
    return this.result?.flags ?? [];
  }

  private show(): void {
    this.ui.update({ status: this.status, result: this.status === 'ready' ? this.result : null, answering: this.answering(), canPick: this.host.canPick });
  }

  /**
   * The message this reply answers: set by the person (it overrides everything), else found by the
   * site adapter or the rule taught for the site, else none (and whether a taught rule found nothing).
   */
  answering(): AnsweringState {
    if (this.picked !== null) return { source: 'picked', text: this.picked };
    const found = this.found;
    if (found.text) return { source: 'found', text: found.text, author: found.author, ...(found.taught ? { taught: 'found' as const } : {}) };
    return this.host.taught().rule ? { source: 'none', text: '', taught: 'missing' } : { source: 'none', text: '' };
  }

  /** The text last reported as posted from this box; reported again only after the box was emptied. */
  private postedText: string | null = null;

  /**
   * What to tell the worker when the person posts `text` from this box (its fingerprint and the day's
   * numbers are kept, never the text), or null when this text was already reported.
   */
  postedRequest(text: string): PostedRequest | null {
    if (!text.trim() || text.length > MAX_TEXT || text === this.postedText) return null;
    this.postedText = text;
    const context = this.answering();
    const req: PostedRequest = { type: 'posted', text };
    if (context.text) req.context = context.text.slice(0, MAX_CONTEXT);
    if (context.author) req.author = context.author.slice(0, MAX_AUTHOR);
    return req;
  }

  /** The person set (or, with an empty text, cleared) the message they are answering: analyse again with it. */
  setAnswering(text: string | null): void {
    if (this.stopped) return;
    const clean = text === null ? '' : text.replace(/\s+/g, ' ').trim().slice(0, MAX_CONTEXT);
    this.picked = clean ? clean : null;
    this.resultText = null;
    this.lastResult = null;
    this.show();
    this.schedule(0);
  }

  private setStatus(status: CoachStatus): void {
    if (status !== 'ready') {
      this.result = null;
      if (status !== 'pending') this.resultText = null;
    }
    this.status = status;
    this.show();
  }

  private clearMarks(): void {
    if (this.mirror) this.mirror.render('', []);
    else setMarks(this, []);
  }

  private async refresh(): Promise<void> {
    if (this.stopped) return;
    const map = this.surface.read();
    if (map.text.trim() === '') {
      // Nothing written yet: nothing to ask the worker, nothing to underline. A box that held a reply
      // and is empty now was posted or cleared for another conversation: the message set by hand was
      // for that reply, not the next one.
      if (this.hadText && this.picked !== null) this.picked = null;
      this.hadText = false;
      this.postedText = null;
      this.found = this.findFound();
      this.revision++;
      this.clearMarks();
      this.setStatus('empty');
      return;
    }
    if (map.text.length > MAX_TEXT) {
      // Not sent at all: the worker would refuse it, and no reply box holds that much.
      this.revision++;
      this.clearMarks();
      this.setStatus('tooLong');
      return;
    }
    this.hadText = true;
    if (this.restore(map)) return;
    await this.request(map.text);
  }

  /** Same text as the last result (the editor only re-rendered): show that result again, redraw the ranges. */
  private restore(map: TextMap): boolean {
    if (map.text !== this.resultText || !this.lastResult) return false;
    this.result = this.lastResult;
    this.lastMap = map;
    this.status = 'ready';
    this.draw();
    this.show();
    return true;
  }

  /** The last result and its text, kept while the badge says "reading" so that a re-render without an edit costs nothing. */
  private lastResult: Result | null = null;

  /** Analyses `text` now; resolves with the result, or null when a newer edit overtook it or it failed. */
  async request(text: string): Promise<Result | null> {
    if (this.stopped) return null;
    if (text.length > MAX_TEXT) {
      this.revision++;
      this.clearMarks();
      this.setStatus('tooLong');
      return null;
    }
    const mine = ++this.revision;
    const requestedAt = now();
    this.lastResult = null;
    this.setStatus('pending');
    this.found = this.findFound();
    const context = this.answering();
    const req: AnalyzeRequest = { type: 'analyze', text };
    if (context.text) req.context = context.text.slice(0, MAX_CONTEXT);
    if (context.author) req.author = context.author.slice(0, MAX_AUTHOR);
    if (this.ignored.length) req.ignore = this.ignored.slice(-MAX_IGNORED);
    let result: Result;
    try {
      result = await this.host.analyze(req);
    } catch (e) {
      if (mine === this.revision && !this.stopped) {
        if (!this.failureLogged) {
          this.failureLogged = true;
          console.warn('Human Tone: this reply could not be coached:', e instanceof Error ? e.message : e);
        }
        this.clearMarks();
        this.setStatus('failed');
      }
      return null;
    }
    if (mine !== this.revision || this.stopped) return null;
    this.failureLogged = false;
    const map = this.surface.read();
    if (map.text !== text) {
      // The person typed on while we waited: the next pause brings a fresh result.
      this.schedule();
      return null;
    }
    this.result = result;
    this.lastResult = result;
    this.resultText = text;
    this.lastMap = map;
    this.status = 'ready';
    this.draw();
    this.show();
    span('analysis-to-highlights', requestedAt);
    return result;
  }

  /** The result for exactly what the box holds now, asking the worker if needed. */
  async current(): Promise<Result | null> {
    const text = this.surface.getText();
    if (this.status === 'ready' && this.result && this.resultText === text) return this.result;
    return this.request(text);
  }

  private draw(): void {
    if (!this.result || this.resultText === null) return;
    if (this.mirror) {
      this.mirror.render(this.resultText, this.result.flags);
      return;
    }
    const map = this.lastMap ?? this.surface.read();
    const marks: Mark[] = [];
    for (const f of this.result.flags) {
      const range = this.surface.rangeFor(map, f.start, f.end);
      if (range) marks.push({ range, category: f.category, severity: f.severity });
    }
    setMarks(this, marks);
  }

  /** A click of the person's inside a flagged span opens that flag in the panel, leaving the caret where it is. */
  private clicked(): void {
    if (!this.lastResult || this.resultText === null) return;
    const map = this.surface.read();
    // The click may have made the editor re-render (not edit): the result still belongs to the text.
    if (!this.restore(map) || !this.result) return;
    let offset: number | null = null;
    if (this.surface.kind === 'textarea') offset = (this.el as HTMLTextAreaElement).selectionStart;
    else {
      const sel = this.el.ownerDocument.getSelection();
      if (!sel || !sel.focusNode || !this.el.contains(sel.focusNode)) return;
      offset = this.surface.offsetOf(map, sel.focusNode, sel.focusOffset);
    }
    if (offset === null) return;
    const index = this.result.flags.findIndex((f) => offset! >= f.start && offset! <= f.end);
    if (index >= 0) this.ui.openPanel(index, false);
  }

  /** Applies suggestion `index` of flag `flagIndex` through the editor; re-analyses afterwards. */
  async apply(flagIndex: number, index: number): Promise<ApplyOutcome> {
    const flag = this.status === 'ready' ? this.result?.flags[flagIndex] : undefined;
    if (!flag || this.resultText === null) return { ok: false, text: this.surface.getText() };
    const outcome = await applyReplacement(this.surface, this.resultText, flag.start, flag.end, flag.suggestions[index] ?? '');
    this.schedule(0);
    return outcome;
  }

  ignore(flagIndex: number): void {
    const flag = this.status === 'ready' ? this.result?.flags[flagIndex] : undefined;
    if (!flag) return;
    this.ignored.push({ rule: flag.rule, text: flag.text.slice(0, MAX_IGNORED_TEXT) });
    if (this.ignored.length > MAX_IGNORED) this.ignored.splice(0, this.ignored.length - MAX_IGNORED);
    this.resultText = null;
    this.lastResult = null;
    this.schedule(0);
  }

  /** Forget the current result (settings changed): analyse again. */
  invalidate(): void {
    this.resultText = null;
    this.lastResult = null;
    this.schedule(0);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.contextTimer);
    this.revision++;
    this.abort.abort();
    this.observer.disconnect();
    this.outerObserver?.disconnect();
    this.mirror?.destroy();
    setMarks(this, []);
    this.ui.destroy();
  }
}
