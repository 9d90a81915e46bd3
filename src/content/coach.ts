/**
 * The content script on one page: finds reply boxes as the site renders them (a MutationObserver,
 * no polling), coaches each in a BoxSession, runs the pre-post check, and takes everything down when
 * coaching is switched off or the extension is updated under it.
 */
import type { Flag, Result } from '../engine/types.js';
import { ext, extensionAlive, uiLanguage } from '../platform/browser.js';
import { translator, uiLangFrom, type T } from '../shared/i18n.js';
import { PopupToContent, parseMessage, type AnalyzeRequest, type BoxStatus, type WorkerReply } from '../shared/messages.js';
import { readSettings, SETTINGS_KEY, type Settings } from '../shared/settings.js';
import { clearAllMarks, highlightsSupported, installHighlightStyles, removeHighlightStyles } from './highlight.js';
import { CoachUI } from './overlay/ui.js';
import { BoxSession, type SessionHost } from './session.js';
import { adapterFor } from './sites/adapters.js';
import { timed } from './perf.js';
import type { SiteAdapter } from './sites/types.js';

const SCAN_DELAY_MS = 150;

interface Box {
  session: BoxSession;
  ui: CoachUI;
}

export class PageCoach implements SessionHost {
  private readonly boxes = new Map<HTMLElement, Box>();
  private readonly abort = new AbortController();
  private observer: MutationObserver | null = null;
  private scanTimer: ReturnType<typeof setTimeout> | undefined;
  private active: BoxSession | null = null;
  /** Texts the pre-post check already stopped once: they are never stopped again. */
  private readonly stoppedOnce = new Set<string>();
  /** Set while "Post anyway" re-posts, so the check lets it through. */
  private bypass = false;
  private readonly t: T;
  private stopped = false;

  constructor(
    private readonly doc: Document,
    private readonly adapter: SiteAdapter,
    private settings: Settings,
  ) {
    this.t = translator(uiLangFrom(uiLanguage()));
  }

  get siteEnabled(): boolean {
    return this.settings.enabled && this.settings.sites[this.adapter.id] !== false;
  }

  start(): void {
    if (highlightsSupported()) installHighlightStyles(this.doc);
    const signal = this.abort.signal;
    this.observer = new MutationObserver((records) =>
      timed('keystroke', () => {
        // Typing inside a coached box is the session's business, not a reason to rescan the page.
        for (const r of records) {
          if (!this.insideBox(r.target)) {
            this.scheduleScan();
            return;
          }
        }
      }),
    );
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true });
    const win = this.doc.defaultView!;
    win.addEventListener('click', (e) => this.onClick(e), { capture: true, signal });
    win.addEventListener('keydown', (e) => this.onKeyDown(e), { capture: true, signal });
    this.scan();
  }

  private insideBox(node: Node): boolean {
    for (const el of this.boxes.keys()) if (el === node || el.contains(node)) return true;
    return false;
  }

  private scheduleScan(): void {
    if (this.scanTimer !== undefined) return;
    this.scanTimer = setTimeout(() => {
      this.scanTimer = undefined;
      this.scan();
    }, SCAN_DELAY_MS);
  }

  /** Starts coaching boxes that appeared and releases the ones that left the page. */
  private scan(): void {
    if (this.stopped) return;
    for (const [el, box] of this.boxes) {
      if (!el.isConnected) this.release(el, box);
    }
    if (!this.siteEnabled) return;
    const found = this.doc.querySelectorAll<HTMLElement>(this.adapter.boxes.join(','));
    for (const el of found) {
      if (this.boxes.has(el)) continue;
      // A box inside another box (nested contenteditable) is the same box.
      if ([...this.boxes.keys()].some((b) => b.contains(el) || el.contains(b))) continue;
      if (el.closest('human-tone-coach, human-tone-mirror')) continue;
      this.attach(el);
    }
  }

  private attach(el: HTMLElement): void {
    const session = new BoxSession(el, this.adapter, this);
    const ui = new CoachUI(el, this.t, {
      apply: async (f, i) => (await session.apply(f, i)).ok,
      ignore: (f) => session.ignore(f),
      ruleOff: (f) => this.ruleOff(session, f),
      review: () => this.review(session),
      postAnyway: () => this.postAnyway(session),
    });
    this.boxes.set(el, { session, ui });
  }

  private release(el: HTMLElement, box: Box): void {
    box.session.stop();
    box.ui.destroy();
    this.boxes.delete(el);
    if (this.active === box.session) this.active = null;
  }

  // ---- SessionHost -------------------------------------------------------------------------

  async analyze(request: AnalyzeRequest): Promise<Result> {
    // The worker may have been stopped by the browser mid-request: the next message restarts it.
    for (let attempt = 0; ; attempt++) {
      if (!extensionAlive()) {
        this.stop();
        throw new Error('extension context invalidated');
      }
      try {
        const reply = (await ext.runtime.sendMessage(request)) as WorkerReply<Result> | undefined;
        if (reply?.ok) return reply.value;
        throw new Error(reply?.error ?? 'no reply');
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (/context invalidated/i.test(message) || !extensionAlive()) {
          this.stop();
          throw e;
        }
        if (attempt >= 2) throw e;
        await new Promise((r) => setTimeout(r, 30 * (attempt + 1)));
      }
    }
  }

  changed(session: BoxSession): void {
    const box = this.boxes.get(session.el);
    box?.ui.update({ result: session.result, pending: session.pending });
  }

  activated(session: BoxSession): void {
    this.active = session;
  }

  flagClicked(session: BoxSession, flagIndex: number): void {
    this.boxes.get(session.el)?.ui.openPanel(flagIndex, false);
  }

  private async ruleOff(session: BoxSession, flagIndex: number): Promise<void> {
    const flag = session.result?.flags[flagIndex];
    if (!flag) return;
    const stored = readSettings((await ext.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
    if (!stored.disabledRules.includes(flag.rule)) stored.disabledRules.push(flag.rule);
    await ext.storage.local.set({ [SETTINGS_KEY]: stored });
  }

  // ---- pre-post check ----------------------------------------------------------------------

  private sessionFor(target: EventTarget | null): BoxSession | null {
    if (!(target instanceof Node)) return null;
    for (const [el, box] of this.boxes) if (el === target || el.contains(target)) return box.session;
    return null;
  }

  private isPostButton(target: EventTarget | null): HTMLElement | null {
    if (!(target instanceof Element)) return null;
    return target.closest<HTMLElement>(this.adapter.postButtons.join(','));
  }

  /** The box a post button belongs to: the one sharing the closest container, else the last one used. */
  private sessionForButton(button: HTMLElement): BoxSession | null {
    let best: BoxSession | null = null;
    let bestDepth = -1;
    for (const [el, box] of this.boxes) {
      let depth = 0;
      let node: Element | null = el;
      while (node && !node.contains(button)) {
        node = node.parentElement;
        depth++;
      }
      if (!node) continue;
      const score = 1000 - depth;
      if (score > bestDepth) {
        best = box.session;
        bestDepth = score;
      }
    }
    return best ?? this.active;
  }

  private onClick(e: MouseEvent): void {
    if (this.bypass || this.settings.prePost === 'off') return;
    const button = this.isPostButton(e.target);
    if (!button) return;
    const session = this.sessionForButton(button);
    if (session) this.guard(e, session, () => button.click());
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.bypass || e.key !== 'Enter' || e.isComposing || this.settings.prePost === 'off') return;
    const session = this.sessionFor(e.target);
    if (!session) return;
    const mod = e.ctrlKey || e.metaKey;
    const keys = this.adapter.submitKeys;
    const posts = (mod && keys.includes('mod-enter')) || (!mod && !e.shiftKey && !e.altKey && keys.includes('enter'));
    if (!posts) return;
    const init: KeyboardEventInit = { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, ctrlKey: e.ctrlKey, metaKey: e.metaKey, bubbles: true, cancelable: true, composed: true } as KeyboardEventInit;
    this.guard(e, session, () => {
      session.el.focus();
      session.el.dispatchEvent(new KeyboardEvent('keydown', init));
    });
  }

  private bad(result: Result): boolean {
    if (result.verdict === 'scripted') return true;
    return this.settings.prePost === 'mixed' && result.verdict === 'mixed';
  }

  /** Decides whether to let a post through; stops it (once per text) when the reply sounds scripted. */
  private guard(e: Event, session: BoxSession, repost: () => void): void {
    const text = session.surface.getText();
    if (!text.trim() || this.stoppedOnce.has(text)) return;
    const known = session.result && session.resultText === text ? session.result : null;
    if (known && !this.bad(known)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const decide = (result: Result | null) => {
      if (!result || !this.bad(result)) {
        this.repost(repost);
        return;
      }
      this.stoppedOnce.add(text);
      this.pendingRepost = { session, repost };
      this.boxes.get(session.el)?.ui.showPrePost(mainIssues(result.flags));
    };
    if (known) decide(known);
    // Not analysed yet (posted right after typing): ask now, then post or stop.
    else void session.current().then(decide, () => this.repost(repost));
  }

  private pendingRepost: { session: BoxSession; repost: () => void } | null = null;

  private repost(fn: () => void): void {
    this.bypass = true;
    try {
      fn();
    } finally {
      this.bypass = false;
    }
  }

  private review(session: BoxSession): void {
    const box = this.boxes.get(session.el);
    box?.ui.hidePrePost();
    this.pendingRepost = null;
    session.el.focus();
    box?.ui.openPanel();
  }

  private postAnyway(session: BoxSession): void {
    const box = this.boxes.get(session.el);
    box?.ui.hidePrePost();
    const pending = this.pendingRepost;
    this.pendingRepost = null;
    if (pending && pending.session === session) this.repost(pending.repost);
  }

  // ---- settings and status -----------------------------------------------------------------

  applySettings(next: Settings): void {
    this.settings = next;
    if (!this.siteEnabled) {
      for (const [el, box] of this.boxes) this.release(el, box);
      return;
    }
    for (const { session } of this.boxes.values()) session.invalidate();
    this.scan();
  }

  status(): BoxStatus {
    const s = this.active ?? [...this.boxes.values()][0]?.session ?? null;
    const r = s?.result;
    return {
      site: this.adapter.id,
      boxes: this.boxes.size,
      active: r ? { verdict: r.verdict, score: r.score, flags: r.flags.length, lang: r.lang } : null,
    };
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.abort.abort();
    this.observer?.disconnect();
    clearTimeout(this.scanTimer);
    for (const [el, box] of this.boxes) this.release(el, box);
    clearAllMarks();
    removeHighlightStyles(this.doc);
  }
}

/** The flags worth naming in the pre-post check: the most severe first. */
function mainIssues(flags: Flag[]): Flag[] {
  const rank = { problem: 0, warning: 1, hint: 2 } as const;
  return [...flags].sort((a, b) => rank[a.severity] - rank[b.severity] || a.start - b.start);
}

/** Entry: picks the adapter for this page and starts (or waits for settings that allow it). */
export async function startCoach(doc: Document = document): Promise<PageCoach | null> {
  const settings = readSettings((await ext.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  const origin = doc.location.origin;
  const adapter = adapterFor(doc.location.hostname, doc, settings.extraOrigins.includes(origin));
  if (!adapter) return null;
  const coach = new PageCoach(doc, adapter, settings);
  coach.start();
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !changes[SETTINGS_KEY]) return;
    if (!extensionAlive()) return coach.stop();
    coach.applySettings(readSettings(changes[SETTINGS_KEY].newValue));
  };
  ext.storage.onChanged.addListener(onStorage);
  const onMessage = (message: unknown) => {
    if (!parseMessage(PopupToContent, message)) return undefined;
    return Promise.resolve(coach.status());
  };
  ext.runtime.onMessage.addListener(onMessage);
  return coach;
}
