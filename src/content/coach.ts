/**
 * The content script on one page: finds reply boxes as the site renders them (a MutationObserver,
 * no polling), coaches each in its own BoxSession (which drives its own interface), runs the
 * pre-post check, and takes everything down when coaching is switched off or the extension is
 * updated, reloaded or removed under it. Every listener it adds hangs on one AbortSignal.
 */
import type { Result } from '../engine/types.js';
import { extensionAlive, uiLanguage } from '../platform/browser.js';
import { answerPopup, keepLifeline, sendToWorker, type Lifeline } from '../platform/messaging.js';
import { loadSettings, updateSettings } from '../platform/settings.js';
import { loadEffectiveSettings, loadManaged, watchEffectiveSettings, watchGuideChange, whenManagedKnown } from '../platform/managed.js';
import { interfaceLang, translator, type T, type UiLang } from '../shared/i18n.js';
import type { AnalyzeRequest, BoxStatus } from '../shared/messages.js';
import type { Settings } from '../shared/settings.js';
import { clearAllMarks, highlightsSupported, installHighlightStyles, removeHighlightStyles } from './highlight.js';
import { PrePostCheck } from './prepost.js';
import { BoxSession, type SessionHost } from './session.js';
import { adapterFor, SUPPORTED } from './sites/adapters.js';
import { timed } from './perf.js';
import type { ContextRule, SiteAdapter } from './sites/types.js';
import { loadSiteContext, setSiteContext, watchSiteContext } from '../platform/site-context.js';
import type { SiteContext, SiteContextEntry } from '../shared/site-context.js';
import { deriveRule } from './picker/derive.js';
import { Picker } from './picker/picker.js';

const SCAN_DELAY_MS = 150;

/**
 * A textarea a rich-text editor replaced (TinyMCE, CKEditor hide the original with display: none and
 * keep it only to hold the HTML they post): the person never types in it, so it is no reply box.
 */
function replaced(el: HTMLElement): boolean {
  if (!(el instanceof HTMLTextAreaElement)) return false;
  return el.ownerDocument.defaultView?.getComputedStyle(el).display === 'none';
}

/**
 * The address that decides whether this frame is coached: its own, or for an about:blank or srcdoc
 * frame (whose location has no origin: "null") that of the nearest ancestor that has one, which is
 * the page that made the frame: the top page when the person turned coaching on for it.
 */
export function pageAddress(win: Window): { origin: string; hostname: string } {
  const web = (l: Location) => /^https?:$/.test(l.protocol) && l.origin !== 'null';
  if (web(win.location)) return { origin: win.location.origin, hostname: win.location.hostname };
  for (let w: Window = win; w.parent !== w; w = w.parent) {
    try {
      const l = w.parent.location;
      if (web(l)) return { origin: l.origin, hostname: l.hostname };
    } catch {
      break; // another origin's frame: its address is not ours to read
    }
  }
  // Chromium lists the ancestors' origins (nearest first) even across origins.
  const nearest = win.location.ancestorOrigins?.[0];
  if (nearest && nearest !== 'null') {
    try {
      return { origin: nearest, hostname: new URL(nearest).hostname };
    } catch {
      // not a URL
    }
  }
  return { origin: 'null', hostname: '' };
}

/** True for errors that mean this script's extension is gone (updated, reloaded, removed). */
function extensionGone(e: unknown): boolean {
  const message = e instanceof Error ? e.message : String(e);
  return /context invalidated/i.test(message) || !extensionAlive();
}

export class PageCoach implements SessionHost {
  private readonly boxes = new Map<HTMLElement, BoxSession>();
  private readonly abort = new AbortController();
  private observer: MutationObserver | null = null;
  private scanTimer: ReturnType<typeof setTimeout> | undefined;
  private active: BoxSession | null = null;
  private t: T;
  private lang: UiLang;
  private prePost: PrePostCheck | null = null;
  private lifeline: Lifeline | null = null;
  private stopped = false;
  /** The rule taught for this page's origin (element picker or team guide), if any. */
  private siteRule: SiteContextEntry | null;
  private picker: Picker | null = null;
  /** The box the picker runs for. */
  private pickerSession: BoxSession | null = null;

  constructor(
    private readonly doc: Document,
    private readonly adapter: SiteAdapter,
    private settings: Settings,
    /** The address that decides coaching here (see pageAddress): the key of the site's taught rule. */
    private readonly origin: string = 'null',
    siteContext: SiteContext = {},
  ) {
    this.lang = interfaceLang(settings.interfaceLanguage, uiLanguage());
    this.t = translator(this.lang);
    this.siteRule = siteContext[origin] ?? null;
  }

  /** Aborts when the coach stops: everything the coach and its boxes add hangs on it. */
  get signal(): AbortSignal {
    return this.abort.signal;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  get siteEnabled(): boolean {
    return this.settings.enabled && this.settings.sites[this.adapter.id] !== false;
  }

  start(): void {
    if (highlightsSupported()) installHighlightStyles(this.doc);
    const signal = this.abort.signal;
    // The extension may go away (update, reload, removal) while the page stays open.
    this.lifeline = keepLifeline(signal, () => this.stop());
    // The settings in force (with what an organisation locked), and the team guide: both apply at once.
    watchEffectiveSettings(signal, (next) => this.applySettings(next));
    watchGuideChange(signal, () => this.applySettings(this.settings));
    if (this.origin !== 'null') watchSiteContext(signal, (next) => this.applySiteContext(next));
    answerPopup(signal, (request) => (request.type === 'answering' ? this.answering(request.text) : this.statusAnswer()));
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
    const coach = this;
    const boxes = {
      sessionFor: (target: EventTarget | null) => this.sessionFor(target),
      sessions: () => this.boxes.values(),
      get active() {
        return coach.active;
      },
      posted: (session: BoxSession, text: string) => this.posted(session, text),
    };
    this.prePost = new PrePostCheck(this.doc, this.adapter, boxes, () => this.settings.prePost, signal);
    this.scan();
  }

  private insideBox(node: Node): boolean {
    for (const el of this.boxes.keys()) if (el === node || el.contains(node)) return true;
    return false;
  }

  private sessionFor(target: EventTarget | null): BoxSession | null {
    if (!(target instanceof Node)) return null;
    for (const [el, session] of this.boxes) if (el === target || el.contains(target)) return session;
    return null;
  }

  private scheduleScan(): void {
    if (this.scanTimer !== undefined || this.stopped) return;
    this.scanTimer = setTimeout(() => {
      this.scanTimer = undefined;
      this.scan();
    }, SCAN_DELAY_MS);
  }

  /** Starts coaching boxes that appeared and releases the ones that left the page. */
  private scan(): void {
    if (this.stopped) return;
    for (const [el, session] of this.boxes) {
      if (!el.isConnected || replaced(el)) this.release(el, session);
    }
    if (!this.siteEnabled) return;
    // The page changed outside the boxes: with a taught rule, the message answered may have come or gone.
    if (this.siteRule) for (const session of this.boxes.values()) session.refreshContext();
    const found = this.doc.querySelectorAll<HTMLElement>(this.adapter.boxes.join(','));
    for (const el of found) {
      if (this.boxes.has(el) || replaced(el)) continue;
      // A box inside another box (nested contenteditable) is the same box.
      if ([...this.boxes.keys()].some((b) => b.contains(el) || el.contains(b))) continue;
      if (el.closest('human-tone-coach, human-tone-mirror')) continue;
      this.boxes.set(el, new BoxSession(el, this.adapter, this, this.t));
    }
  }

  private release(el: HTMLElement, session: BoxSession): void {
    // A box that leaves the page while the person points for it: the picker goes with it.
    if (this.pickerSession === session) this.stopPicker();
    session.stop();
    this.boxes.delete(el);
    this.prePost?.forget(session);
    if (this.active === session) this.active = null;
  }

  // ---- SessionHost -------------------------------------------------------------------------

  async analyze(request: AnalyzeRequest): Promise<Result> {
    // The worker may have been stopped by the browser mid-request: the next message restarts it.
    for (let attempt = 0; ; attempt++) {
      if (this.stopped) throw new Error('coaching stopped');
      if (!extensionAlive()) {
        this.stop();
        throw new Error('extension context invalidated');
      }
      try {
        const reply = await sendToWorker(request);
        if (!reply.ok) throw new Error(reply.error);
        // The worker answered, so it is running: make sure the lifeline is open again.
        this.lifeline?.reconnect();
        return reply.value;
      } catch (e) {
        if (extensionGone(e)) {
          this.stop();
          throw e;
        }
        if (attempt >= 2) throw e;
        await new Promise((r) => setTimeout(r, 30 * (attempt + 1)));
      }
    }
  }

  /** The person posted from a box: the worker records it (when they let it remember). Never blocks the post. */
  private posted(session: BoxSession, text: string): void {
    if (this.stopped || !this.settings.remember) return;
    const request = session.postedRequest(text);
    if (!request) return;
    sendToWorker(request).catch((e: unknown) => {
      if (extensionGone(e)) this.stop();
    });
  }

  activated(session: BoxSession): void {
    this.active = session;
  }

  /** "Turn this rule off": kept in the settings, so it applies in every tab (only from the person's click, see CoachUI). */
  async ruleOff(session: BoxSession, flagIndex: number): Promise<void> {
    const flag = session.status === 'ready' ? session.result?.flags[flagIndex] : undefined;
    if (!flag || this.stopped) return;
    try {
      // The organisation set which rules are off: this one cannot be turned off here (the panel says so).
      if ((await loadManaged()).locked.disabledRules !== undefined) throw Object.assign(new Error('set by the organisation'), { name: 'Locked' });
      await updateSettings((s) => (s.disabledRules.includes(flag.rule) ? s : { ...s, disabledRules: [...s.disabledRules, flag.rule] }));
    } catch (e) {
      if (extensionGone(e)) this.stop();
      throw e;
    }
  }

  /**
   * The taught rule's place among the adapter's. On a supported site the adapter's rules come first:
   * they are written for the site's several layouts and tested against its markup, while a rule taught
   * on one page may be narrower; the taught rule then fills in where they find nothing (a layout the
   * adapter does not know yet, or a redesign that broke it). On a site the person turned on (a console,
   * Mastodon) the person's (or their team's) rule comes first: they taught it because the generic
   * adapter finds nothing there (its context is empty) or not what they answer.
   */
  taught(): { rule: ContextRule | null; order: 'adapter-first' | 'taught-first' } {
    return { rule: this.siteRule?.rule ?? null, order: SUPPORTED.includes(this.adapter) ? 'adapter-first' : 'taught-first' };
  }

  /** "Point at the customer's message" is offered on supported sites and on the sites the person turned on. */
  get canPick(): boolean {
    return this.origin !== 'null' && (SUPPORTED.includes(this.adapter) || this.settings.extraOrigins.includes(this.origin));
  }

  /** Starts the element picker for a box (from the person's click in its panel; CoachUI checks it was trusted). */
  pick(session: BoxSession): void {
    if (this.stopped || !this.canPick) return;
    this.stopPicker();
    session.ui.picking();
    this.picker = new Picker(session.el, this.t, {
      choose: (el) => void this.chosen(session, el),
      cancel: () => {
        this.picker = null;
        this.pickerSession = null;
        session.ui.openWithNotice(this.t('pickCancelled'));
      },
    });
    this.pickerSession = session;
  }

  private stopPicker(): void {
    this.picker?.stop();
    this.picker = null;
    this.pickerSession = null;
  }

  /** The person chose an element: derive a rule, check it finds that message, and keep it for this site. */
  private async chosen(session: BoxSession, el: Element): Promise<void> {
    this.picker = null;
    this.pickerSession = null;
    const derived = deriveRule(session.el, el);
    if (!derived.ok) {
      session.ui.openWithNotice(this.t(`pickFailed_${derived.reason}`));
      return;
    }
    const entry: SiteContextEntry = { rule: derived.rule, from: 'picked' };
    try {
      await setSiteContext(this.origin, entry);
    } catch (e) {
      if (extensionGone(e)) return this.stop();
      session.ui.openWithNotice(this.t('pickFailed_save'));
      return;
    }
    if (this.stopped) return;
    this.siteRule = entry;
    session.taughtHere();
    for (const s of this.boxes.values()) if (s !== session) s.refreshContext();
    session.ui.openWithNotice(this.t('pickSaved'));
  }

  /** The taught rules changed (the picker in another tab, the settings page, a team guide imported). */
  private applySiteContext(next: SiteContext): void {
    if (this.stopped) return;
    if (!extensionAlive()) return this.stop();
    const entry = next[this.origin] ?? null;
    if (JSON.stringify(entry) === JSON.stringify(this.siteRule)) return;
    this.siteRule = entry;
    for (const session of this.boxes.values()) session.refreshContext();
  }

  review(session: BoxSession): void {
    this.prePost?.review(session);
  }

  postAnyway(session: BoxSession): void {
    this.prePost?.postAnyway(session);
  }

  // ---- settings and status -----------------------------------------------------------------

  applySettings(next: Settings): void {
    if (this.stopped) return;
    if (!extensionAlive()) return this.stop();
    this.settings = next;
    const lang = interfaceLang(next.interfaceLanguage, uiLanguage());
    if (!this.siteEnabled || lang !== this.lang) {
      // Off here, or the interface changed language: the boxes' coaches go (and come back in it).
      for (const [el, session] of this.boxes) this.release(el, session);
      this.lang = lang;
      this.t = translator(lang);
      if (!this.siteEnabled) return;
    }
    for (const session of this.boxes.values()) session.invalidate();
    this.scan();
  }

  /**
   * The popup's question goes to every frame of the tab and the first answer counts: a frame holding
   * the box typed in last answers at once; a frame with no box says nothing (the top frame answers, a
   * moment later, when no other frame did: the popup then shows what it can).
   */
  private statusAnswer(): Promise<BoxStatus> | BoxStatus | undefined {
    const status = this.status();
    if (status.active) return status;
    if (this.doc.defaultView !== this.doc.defaultView?.top) return status.boxes ? new Promise((r) => setTimeout(() => r(status), 50)) : undefined;
    return new Promise((r) => setTimeout(() => r(status), 100));
  }

  /**
   * "Human Tone: I'm answering this" (context menu or keyboard command, from the worker): the selected
   * text becomes the message the reply box answers, the box typed in last (or the only one in this
   * frame). A frame with no such box does not answer.
   */
  private answering(text: string): { applied: boolean } | undefined {
    const session = this.active ?? (this.boxes.size === 1 ? [...this.boxes.values()][0]! : null);
    if (!session || this.stopped) return undefined;
    session.setAnswering(text);
    session.ui.openPanel(null, false);
    return { applied: true };
  }

  status(): BoxStatus {
    const s = this.active ?? [...this.boxes.values()][0] ?? null;
    const r = s?.status === 'ready' ? s.result : null;
    return {
      site: this.adapter.id,
      boxes: this.boxes.size,
      active: r ? { verdict: r.verdict, score: r.score, flags: r.flags.length, lang: r.lang } : null,
    };
  }

  /** Takes everything down: interface, underlines, styles, observers and every listener. Never throws. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    try {
      this.abort.abort();
    } catch {
      // a listener's removal failed in a dead context: it is dead too
    }
    this.observer?.disconnect();
    clearTimeout(this.scanTimer);
    this.stopPicker();
    for (const [el, session] of this.boxes) this.release(el, session);
    clearAllMarks();
    removeHighlightStyles(this.doc);
  }
}

/** Entry: picks the adapter for this page and starts (or waits for settings that allow it). */
export async function startCoach(doc: Document = document): Promise<PageCoach | null> {
  // The person's settings at once; what an organisation locked follows (right after the browser starts,
  // the first read of the policy waits for the browser's policy service, about 3 s).
  const settings = await loadSettings();
  const { origin, hostname } = pageAddress(doc.defaultView ?? window);
  const adapter = adapterFor(hostname, doc, origin !== 'null' && settings.extraOrigins.includes(origin));
  if (!adapter) return null;
  // Read before the first boxes are coached, so that a taught rule finds their message at once.
  const siteContext = origin !== 'null' ? await loadSiteContext().catch(() => ({})) : {};
  const coach = new PageCoach(doc, adapter, settings, origin, siteContext);
  coach.start();
  void whenManagedKnown().then((m) => {
    if (Object.keys(m.locked).length) return loadEffectiveSettings().then((s) => coach.applySettings(s));
  }, () => undefined);
  return coach;
}
