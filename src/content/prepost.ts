/**
 * The pre-post check: when the person clicks the site's post button or presses its post key and the
 * reply sounds scripted (as configured), a gentle check lists the main issues with "Review" and
 * "Post anyway". It acts only on the person's own input (trusted events): a page script clicking
 * the post button is not the person posting, and the check's own re-post (a script click) passes.
 * "Post anyway" posts exactly what was typed, and the same text is never stopped twice.
 */
import type { Flag, Result } from '../engine/types.js';
import type { Settings } from '../shared/settings.js';
import type { BoxSession } from './session.js';
import type { SiteAdapter } from './sites/types.js';

export interface PrePostBoxes {
  /** The session of the box that holds `target`, if any. */
  sessionFor(target: EventTarget | null): BoxSession | null;
  /** Sessions with their box elements, to find the box a post button belongs to. */
  sessions(): Iterable<BoxSession>;
  /** The box the person used last. */
  readonly active: BoxSession | null;
  /** The person posted this text from this box (their own click or key, not stopped, or "Post anyway"). */
  posted(session: BoxSession, text: string): void;
}

export class PrePostCheck {
  /** Texts the check already stopped once: they are never stopped again. */
  private readonly stoppedOnce = new Set<string>();
  private pending: { session: BoxSession; repost: () => void } | null = null;

  constructor(
    doc: Document,
    private readonly adapter: SiteAdapter,
    private readonly boxes: PrePostBoxes,
    private readonly mode: () => Settings['prePost'],
    signal: AbortSignal,
  ) {
    const win = doc.defaultView!;
    win.addEventListener('click', (e) => this.onClick(e), { capture: true, signal });
    win.addEventListener('keydown', (e) => this.onKeyDown(e), { capture: true, signal });
    // In a frame (an editor's iframe), the post button is often outside it, in the page around the
    // frame: listen for clicks in the same-origin documents the frame sits in too.
    for (let w = win, frame = frameOf(w); frame; frame = frameOf(w)) {
      w = frame.ownerDocument.defaultView!;
      w.addEventListener('click', (e) => this.onClick(e), { capture: true, signal });
    }
  }

  private isPostButton(target: EventTarget | null): HTMLElement | null {
    // Not `instanceof`: a click in the page around this frame comes from another realm.
    if (!target || (target as Node).nodeType !== Node.ELEMENT_NODE) return null;
    return (target as Element).closest<HTMLElement>(this.adapter.postButtons.join(','));
  }

  /** The box a post button belongs to: the one sharing the closest container, else the last one used. */
  private sessionForButton(button: HTMLElement): BoxSession | null {
    let best: BoxSession | null = null;
    let bestDepth = Infinity;
    for (const session of this.boxes.sessions()) {
      let depth = 0;
      let node: Element | null = session.el;
      while (node && !node.contains(button)) {
        // Up through the document, then on from the frame it is in.
        node = node.parentElement ?? frameOf(node.ownerDocument.defaultView);
        depth++;
      }
      if (node && depth < bestDepth) {
        best = session;
        bestDepth = depth;
      }
    }
    return best ?? this.boxes.active;
  }

  private onClick(e: MouseEvent): void {
    if (!e.isTrusted) return;
    const button = this.isPostButton(e.target);
    if (!button) return;
    const session = this.sessionForButton(button);
    if (!session) return;
    if (this.mode() === 'off') this.boxes.posted(session, session.surface.getText());
    else this.guard(e, session, () => button.click());
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (!e.isTrusted || e.key !== 'Enter' || e.isComposing) return;
    const session = this.boxes.sessionFor(e.target);
    if (!session) return;
    const mod = e.ctrlKey || e.metaKey;
    const keys = this.adapter.submitKeys;
    const posts = (mod && keys.includes('mod-enter')) || (!mod && !e.shiftKey && !e.altKey && keys.includes('enter'));
    if (!posts) return;
    if (this.mode() === 'off') return this.boxes.posted(session, session.surface.getText());
    const init = { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, ctrlKey: e.ctrlKey, metaKey: e.metaKey, bubbles: true, cancelable: true, composed: true } as KeyboardEventInit;
    this.guard(e, session, () => {
      session.el.focus();
      session.el.dispatchEvent(new KeyboardEvent('keydown', init));
    });
  }

  private bad(result: Result): boolean {
    // Personal data in a public reply is stopped at any level but off: it cannot be taken back once posted.
    if (result.verdict === 'scripted' || result.flags.some((f) => f.category === 'privacy')) return true;
    return this.mode() === 'mixed' && result.verdict === 'mixed';
  }

  /** Decides whether to let a post through; stops it (once per text) when the reply sounds scripted. */
  private guard(e: Event, session: BoxSession, repost: () => void): void {
    const text = session.surface.getText();
    if (!text.trim()) return;
    const passes = () => this.boxes.posted(session, text);
    if (this.stoppedOnce.has(text)) return passes();
    const known = session.status === 'ready' && session.result && session.resultText === text ? session.result : null;
    if (known && !this.bad(known)) return passes();
    // Too long to coach, or the analysis failed: nothing to say, so nothing to stop.
    if (!known && (session.status === 'tooLong' || session.status === 'failed')) return passes();
    e.preventDefault();
    e.stopImmediatePropagation();
    const decide = (result: Result | null) => {
      if (!result || !this.bad(result)) {
        passes();
        repost();
        return;
      }
      this.stoppedOnce.add(text);
      this.pending = { session, repost };
      session.ui.showPrePost(mainIssues(result.flags));
    };
    if (known) decide(known);
    // Not analysed yet (posted right after typing): ask now, then post or stop.
    else void session.current().then(decide, () => repost());
  }

  /** "Review": keep the reply, open the coach. */
  review(session: BoxSession): void {
    session.ui.hidePrePost();
    this.pending = null;
    session.el.focus();
    session.ui.openPanel();
  }

  /** "Post anyway": post exactly what was typed. */
  postAnyway(session: BoxSession): void {
    session.ui.hidePrePost();
    const pending = this.pending;
    this.pending = null;
    if (pending && pending.session === session) {
      this.boxes.posted(session, session.surface.getText());
      pending.repost();
    }
  }

  /** A box left the page. */
  forget(session: BoxSession): void {
    if (this.pending?.session === session) this.pending = null;
  }
}

/** The frame element a window is in, when its parent is of the same origin (else null). */
function frameOf(win: Window | null): Element | null {
  try {
    return win?.frameElement ?? null;
  } catch {
    return null;
  }
}

/** The flags worth naming in the pre-post check: personal data first, then the most severe. */
export function mainIssues(flags: Flag[]): Flag[] {
  const rank = { problem: 0, warning: 1, hint: 2 } as const;
  const privacy = (f: Flag) => (f.category === 'privacy' ? 0 : 1);
  return [...flags].sort((a, b) => privacy(a) - privacy(b) || rank[a.severity] - rank[b.severity] || a.start - b.start);
}
