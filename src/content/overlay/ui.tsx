/**
 * The coach's interface beside one reply box. The page can neither drive nor read it:
 *
 * - The host element `<human-tone-coach>` is public (automation reads its data-human-tone-verdict
 *   and data-human-tone-score) and carries nothing else. Inside it, a plain <div> holds a CLOSED
 *   shadow root with the badge, the panel and the pre-post check. A <div> cannot be a custom
 *   element, so even a page that defines <human-tone-coach> itself cannot reach the root through
 *   ElementInternals; and a closed root is not reachable through `.shadowRoot`.
 * - Every action (open, apply, ignore, turn a rule off, retry, review, post anyway, Escape, closing
 *   on a click elsewhere, "Point at the customer's message") acts only on trusted input, that is events the browser made from the
 *   person's own mouse, keyboard or touch (`event.isTrusted`), never on events a script dispatched.
 * - Text that may carry the person's own data (the suggestions, which include their sign-off) is
 *   drawn as generated content from an attribute inside the closed root, so that the page's
 *   window.find() cannot probe for it either; screen readers get it from the button's label.
 */
import { render } from 'preact';
import type { Flag, Result } from '../../engine/types.js';
import type { T } from '../../shared/i18n.js';
import { Coach, type AnsweringState, type CoachStatus } from './Coach.js';
import { OVERLAY_CSS } from './styles.js';

export interface UiActions {
  apply(flagIndex: number, index: number): Promise<boolean>;
  ignore(flagIndex: number): void;
  ruleOff(flagIndex: number): Promise<void>;
  retry(): void;
  review(): void;
  postAnyway(): void;
  /** The person set the message they are answering (null or empty: clear it). */
  setAnswering(text: string | null): void;
  /** "Point at the customer's message": start the element picker. */
  pick(): void;
}

export interface UiState {
  status: CoachStatus;
  /** The result for exactly the text the box holds; null unless status is 'ready'. */
  result: Result | null;
  /** The message the reply answers, and where it came from. */
  answering?: AnsweringState;
  /** Whether the element picker is offered here. */
  canPick?: boolean;
}

/** Public verdict values of the host's data-human-tone-verdict (see SECURITY.md and the README). */
export function verdictAttribute(state: UiState): string {
  switch (state.status) {
    case 'ready':
      return state.result?.verdict ?? 'empty';
    case 'tooLong':
      return 'too-long';
    default:
      return state.status;
  }
}

/**
 * Where the coach is drawn for a box: in the box's own document, or, for a box inside frames of the
 * same origin (an editor's iframe, about:blank and srcdoc frames included), in the outermost document
 * this script can reach, over the frame, so that the panel is not squeezed into a small frame.
 * `frames` are the frame elements from the box's document outwards.
 */
interface Layer {
  doc: Document;
  win: Window;
  frames: Element[];
}

function layerFor(box: HTMLElement): Layer {
  let win = box.ownerDocument.defaultView!;
  const frames: Element[] = [];
  for (;;) {
    let frame: Element | null = null;
    try {
      // null when the parent is another origin's (or this is the top frame)
      frame = win.frameElement;
    } catch {
      frame = null;
    }
    if (!frame || !frame.ownerDocument.defaultView) break;
    frames.push(frame);
    win = frame.ownerDocument.defaultView;
  }
  return { doc: win.document, win, frames };
}

function intersect(r: { left: number; top: number; right: number; bottom: number }, w: number, h: number) {
  return { left: Math.max(0, r.left), top: Math.max(0, r.top), right: Math.min(w, r.right), bottom: Math.min(h, r.bottom) };
}

/** The box's visible part, in the layer document's coordinates (each frame clips what it shows). */
function anchorIn(box: HTMLElement, layer: Layer): DOMRect | null {
  if (!box.isConnected) return null;
  const boxWin = box.ownerDocument.defaultView!;
  let r = { left: 0, top: 0, right: 0, bottom: 0, ...box.getBoundingClientRect().toJSON() } as { left: number; top: number; right: number; bottom: number };
  if (!layer.frames.length) return box.getBoundingClientRect();
  let inner: Window = boxWin;
  for (const frame of layer.frames) {
    r = intersect(r, inner.innerWidth, inner.innerHeight);
    const f = frame.getBoundingClientRect();
    const style = frame.ownerDocument.defaultView!.getComputedStyle(frame);
    const dx = f.left + frame.clientLeft + (parseFloat(style.paddingLeft) || 0);
    const dy = f.top + frame.clientTop + (parseFloat(style.paddingTop) || 0);
    r = { left: r.left + dx, top: r.top + dy, right: r.right + dx, bottom: r.bottom + dy };
    inner = frame.ownerDocument.defaultView!;
  }
  r = intersect(r, layer.win.innerWidth, layer.win.innerHeight);
  if (r.right <= r.left || r.bottom <= r.top) return null;
  return new DOMRect(r.left, r.top, r.right - r.left, r.bottom - r.top);
}

export class CoachUI {
  readonly host: HTMLElement;
  private readonly mount: HTMLDivElement;
  private readonly abort = new AbortController();
  private readonly resize: ResizeObserver;
  private frame = 0;
  private panelOpen = false;
  private focusFlag: number | null = null;
  /** Whether opening the panel moves focus into it: yes from the badge, never from a click in the text. */
  private takeFocus = true;
  private notice: string | null = null;
  private prePost: { flags: Flag[] } | null = null;
  private state: UiState = { status: 'pending', result: null, answering: { source: 'none', text: '' } };
  private destroyed = false;
  private readonly layer: Layer;
  /** The "Message you are answering" editor, kept here so that re-renders keep it open with what was typed. */
  private readonly answeringEditor = { editing: false, draft: '' };

  constructor(
    private readonly box: HTMLElement,
    private readonly t: T,
    private readonly actions: UiActions,
  ) {
    this.layer = layerFor(box);
    const doc = this.layer.doc;
    this.host = doc.createElement('human-tone-coach');
    this.host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;';
    const holder = doc.createElement('div');
    holder.style.cssText = 'all: initial;';
    const root = holder.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = OVERLAY_CSS;
    this.mount = doc.createElement('div');
    root.append(style, this.mount);
    this.host.append(holder);
    // Never inside an editor: TinyMCE's editable is its frame's <body>.
    if (doc.body && !doc.body.isContentEditable) doc.body.append(this.host);
    else doc.documentElement.append(this.host);
    const signal = this.abort.signal;
    const reposition = () => this.schedule();
    const windows = [box.ownerDocument.defaultView!, ...this.layer.frames.map((f) => f.ownerDocument.defaultView!)];
    for (const win of windows) {
      win.addEventListener('scroll', reposition, { signal, passive: true, capture: true });
      win.addEventListener('resize', reposition, { signal, passive: true });
    }
    this.resize = new ResizeObserver(reposition);
    this.resize.observe(box);
    for (const frame of this.layer.frames) this.resize.observe(frame);
    // Escape closes the panel (or answers the check with "Review") wherever focus is in the coach.
    // Listened for inside the closed root: events the page dispatches at the host never get here.
    this.mount.addEventListener(
      'keydown',
      (e) => {
        if (!e.isTrusted || e.key !== 'Escape') return;
        if (this.prePost) this.actions.review();
        else if (this.panelOpen) this.closePanel();
        else return;
        e.stopPropagation();
        e.preventDefault();
      },
      { signal },
    );
    // Close the panel when the person clicks elsewhere on the page (or in the box's frame).
    for (const d of new Set([doc, box.ownerDocument])) {
      d.addEventListener(
        'pointerdown',
        (e) => {
          if (e.isTrusted && this.panelOpen && !e.composedPath().includes(this.host)) {
            this.panelOpen = false;
            this.draw();
          }
        },
        { signal, capture: true },
      );
    }
    this.draw();
  }

  update(state: UiState): void {
    if (this.destroyed) return;
    this.state = state;
    const r = state.status === 'ready' ? state.result : null;
    this.host.setAttribute('data-human-tone-verdict', verdictAttribute(state));
    this.host.setAttribute('data-human-tone-score', r ? String(r.score) : '');
    // Public: whether the coach knows the message answered (found by the site adapter, picked by the person), not the message.
    this.host.setAttribute('data-human-tone-context', state.answering?.source ?? 'none');
    if (this.focusFlag !== null && (!r || this.focusFlag >= r.flags.length)) this.focusFlag = null;
    this.draw();
  }

  /** Opens the panel; from a click in the editor it shows the flag without taking the caret away. */
  openPanel(flagIndex: number | null = null, takeFocus = true): void {
    this.panelOpen = true;
    this.focusFlag = flagIndex;
    this.takeFocus = takeFocus;
    this.notice = null;
    this.draw();
  }

  closePanel(focusEditor = true): void {
    this.panelOpen = false;
    this.answeringEditor.editing = false;
    this.draw();
    if (focusEditor) this.box.focus();
  }

  /** The picker takes over the page: the panel steps aside until it is done. */
  picking(): void {
    this.panelOpen = false;
    this.answeringEditor.editing = false;
    this.draw();
  }

  /** The panel again, with a note (what the picker did), focus in it. */
  openWithNotice(notice: string): void {
    this.openPanel(null, true);
    this.notice = notice;
    this.draw();
  }

  showPrePost(flags: Flag[]): void {
    this.prePost = { flags };
    this.panelOpen = false;
    this.draw();
  }

  hidePrePost(): void {
    this.prePost = null;
    this.draw();
  }

  private schedule(): void {
    if (this.frame || this.destroyed) return;
    this.frame = this.layer.win.requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Wraps an action so that it runs only for input the browser made from the person's own hand. */
  private trusted<A extends unknown[]>(run: (...args: A) => void): (e: Event, ...args: A) => void {
    return (e, ...args) => {
      if (!e.isTrusted || this.destroyed) return;
      run(...args);
    };
  }

  private readonly handlers = {
    onBadge: this.trusted(() => (this.panelOpen ? this.closePanel() : this.openPanel())),
    onClose: this.trusted(() => this.closePanel()),
    onApply: this.trusted((f: number, i: number) =>
      void this.actions.apply(f, i).then((ok) => {
        this.notice = ok ? null : this.t('applyFailed');
        if (ok) this.focusFlag = null;
        this.draw();
      }),
    ),
    onIgnore: this.trusted((f: number) => this.actions.ignore(f)),
    onRuleOff: this.trusted((f: number) =>
      void this.actions.ruleOff(f).then(
        () => {
          this.notice = this.t('ruleOffDone');
          this.draw();
        },
        (e: unknown) => {
          if (!(e instanceof Error && e.name === 'Locked')) return;
          this.notice = this.t('locked');
          this.draw();
        },
      ),
    ),
    onRetry: this.trusted(() => this.actions.retry()),
    onReview: this.trusted(() => this.actions.review()),
    onPostAnyway: this.trusted(() => this.actions.postAnyway()),
    onAnswering: this.trusted((text: string | null) => {
      this.answeringEditor.editing = false;
      this.answeringEditor.draft = '';
      this.actions.setAnswering(text);
    }),
    onPick: this.trusted(() => {
      this.notice = null;
      this.actions.pick();
    }),
    onAnsweringEditing: this.trusted((editing: boolean) => {
      this.answeringEditor.editing = editing;
      this.answeringEditor.draft = editing ? (this.state.answering?.text ?? '') : '';
      this.draw();
    }),
  };

  private draw(): void {
    if (this.destroyed) return;
    const anchor = anchorIn(this.box, this.layer);
    render(
      <Coach
        t={this.t}
        status={this.state.status}
        result={this.state.status === 'ready' ? this.state.result : null}
        panelOpen={this.panelOpen}
        focusFlag={this.focusFlag}
        takeFocus={this.takeFocus}
        notice={this.notice}
        answering={this.state.answering ?? { source: 'none', text: '' }}
        answeringEditor={this.answeringEditor}
        canPick={!!this.state.canPick}
        prePost={this.prePost}
        anchor={anchor}
        viewport={{ width: this.layer.win.innerWidth, height: this.layer.win.innerHeight }}
        {...this.handlers}
      />,
      this.mount,
    );
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.abort.abort();
    this.resize.disconnect();
    this.layer.win.cancelAnimationFrame(this.frame);
    render(null, this.mount);
    this.host.remove();
  }
}
