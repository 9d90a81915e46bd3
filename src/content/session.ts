/**
 * One reply box being coached: reads its text after the person pauses (debounced), asks the worker,
 * drops results that a newer edit made stale, and draws the underlines. Typing itself only restarts
 * a timer; nothing on the keystroke path reads the DOM.
 */
import type { Flag, Result } from '../engine/types.js';
import type { AnalyzeRequest } from '../shared/messages.js';
import { applyReplacement, type ApplyOutcome } from './editors/apply.js';
import { surfaceFor, type Surface, type TextMap } from './editors/surface.js';
import { setMarks, type Mark } from './highlight.js';
import { Mirror } from './mirror.js';
import type { SiteAdapter } from './sites/types.js';
import { findContext } from './context.js';
import { now, span, timed } from './perf.js';

export const DEBOUNCE_MS = 300;

export interface SessionHost {
  analyze(request: AnalyzeRequest): Promise<Result>;
  /** Called after every new result or status change, to redraw the interface. */
  changed(session: BoxSession): void;
  activated(session: BoxSession): void;
  /** The person clicked inside a flagged span. */
  flagClicked(session: BoxSession, flagIndex: number): void;
}

export class BoxSession {
  readonly surface: Surface;
  result: Result | null = null;
  /** The text the current result belongs to. */
  resultText: string | null = null;
  pending = false;
  failed = false;
  ignored: { rule: string; text: string }[] = [];
  private revision = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly abort = new AbortController();
  private readonly observer: MutationObserver;
  private mirror: Mirror | null = null;
  private lastMap: TextMap | null = null;

  constructor(
    readonly el: HTMLElement,
    readonly adapter: SiteAdapter,
    private readonly host: SessionHost,
  ) {
    this.surface = surfaceFor(el);
    const signal = this.abort.signal;
    // The keystroke path: only restart the pause timer (timed for the benchmark).
    const onEdit = () => timed('keystroke', () => this.schedule());
    el.addEventListener('input', onEdit, { signal });
    el.addEventListener('focus', () => this.host.activated(this), { signal });
    el.addEventListener('click', () => this.clicked(), { signal });
    if (this.surface.kind === 'textarea') {
      this.mirror = new Mirror(el as HTMLTextAreaElement);
    }
    // Editors that re-render without an input event (undo, paste handlers, site scripts).
    this.observer = new MutationObserver(onEdit);
    if (this.surface.kind !== 'textarea') this.observer.observe(el, { childList: true, subtree: true, characterData: true });
    this.schedule(0);
  }

  /** Restarts the pause timer: the analysis runs when the person stops typing. */
  schedule(delay = DEBOUNCE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  /** The flags of the current result that are still valid for what the box holds. */
  get flags(): Flag[] {
    return this.result?.flags ?? [];
  }

  private async refresh(): Promise<void> {
    const map = this.surface.read();
    if (map.text.trim() === '') {
      // Nothing written yet: nothing to ask the worker, nothing to underline.
      this.revision++;
      this.result = null;
      this.resultText = map.text;
      this.pending = false;
      if (this.mirror) this.mirror.render('', []);
      else setMarks(this, []);
      this.host.changed(this);
      return;
    }
    if (map.text === this.resultText && this.result) {
      // Same text, perhaps re-rendered by the editor: only the ranges need redrawing.
      this.lastMap = map;
      this.draw();
      return;
    }
    await this.request(map.text);
  }

  /** Analyses `text` now; resolves with the result, or null when a newer edit overtook it. */
  async request(text: string): Promise<Result | null> {
    const mine = ++this.revision;
    const requestedAt = now();
    this.pending = true;
    this.host.changed(this);
    const context = findContext(this.el, this.adapter);
    const req: AnalyzeRequest = { type: 'analyze', text };
    if (context.text) req.context = context.text;
    if (context.author) req.author = context.author;
    if (this.ignored.length) req.ignore = this.ignored;
    let result: Result;
    try {
      result = await this.host.analyze(req);
    } catch {
      if (mine === this.revision) {
        this.pending = false;
        this.failed = true;
        this.host.changed(this);
      }
      return null;
    }
    if (mine !== this.revision) return null;
    this.pending = false;
    this.failed = false;
    const map = this.surface.read();
    if (map.text !== text) {
      // The person typed on while we waited: the next pause brings a fresh result.
      this.schedule();
      return null;
    }
    this.result = result;
    this.resultText = text;
    this.lastMap = map;
    this.draw();
    this.host.changed(this);
    span('analysis-to-highlights', requestedAt);
    return result;
  }

  /** The result for exactly what the box holds now, asking the worker if needed. */
  async current(): Promise<Result | null> {
    const text = this.surface.getText();
    if (this.result && this.resultText === text) return this.result;
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

  private clicked(): void {
    if (!this.result || this.resultText === null) return;
    let offset: number | null = null;
    if (this.surface.kind === 'textarea') offset = (this.el as HTMLTextAreaElement).selectionStart;
    else {
      const sel = this.el.ownerDocument.getSelection();
      if (!sel || !sel.focusNode || !this.el.contains(sel.focusNode)) return;
      const map = this.surface.read();
      if (map.text !== this.resultText) return;
      offset = this.surface.offsetOf(map, sel.focusNode, sel.focusOffset);
    }
    if (offset === null) return;
    const index = this.result.flags.findIndex((f) => offset! >= f.start && offset! <= f.end);
    if (index >= 0) this.host.flagClicked(this, index);
  }

  /** Applies suggestion `index` of flag `flagIndex` through the editor; re-analyses afterwards. */
  async apply(flagIndex: number, index: number): Promise<ApplyOutcome> {
    const flag = this.result?.flags[flagIndex];
    if (!flag || this.resultText === null) return { ok: false, text: this.surface.getText() };
    const outcome = await applyReplacement(this.surface, this.resultText, flag.start, flag.end, flag.suggestions[index] ?? '');
    this.schedule(0);
    return outcome;
  }

  ignore(flagIndex: number): void {
    const flag = this.result?.flags[flagIndex];
    if (!flag) return;
    this.ignored.push({ rule: flag.rule, text: flag.text });
    this.resultText = null;
    this.schedule(0);
  }

  /** Forget the current result (settings changed): analyse again. */
  invalidate(): void {
    this.resultText = null;
    this.schedule(0);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.revision++;
    this.abort.abort();
    this.observer.disconnect();
    this.mirror?.destroy();
    setMarks(this, []);
  }
}
