/**
 * The coach's host element: a shadow root next to (never inside) the editor. The host carries
 * data-human-tone-verdict and data-human-tone-score for automation.
 */
import { render } from 'preact';
import type { Flag } from '../../engine/types.js';
import type { T } from '../../shared/i18n.js';
import { Coach } from './Coach.js';
import { OVERLAY_CSS } from './styles.js';

export interface UiActions {
  apply(flagIndex: number, index: number): Promise<boolean>;
  ignore(flagIndex: number): void;
  ruleOff(flagIndex: number): Promise<void>;
  review(): void;
  postAnyway(): void;
}

export interface UiState {
  result: import('../../engine/types.js').Result | null;
  pending: boolean;
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
  private state: UiState = { result: null, pending: true };

  constructor(
    private readonly box: HTMLElement,
    private readonly t: T,
    private readonly actions: UiActions,
  ) {
    const doc = box.ownerDocument;
    this.host = doc.createElement('human-tone-coach');
    this.host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;';
    const root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = OVERLAY_CSS;
    this.mount = doc.createElement('div');
    root.append(style, this.mount);
    doc.body.append(this.host);
    const signal = this.abort.signal;
    const win = doc.defaultView!;
    const reposition = () => this.schedule();
    win.addEventListener('scroll', reposition, { signal, passive: true, capture: true });
    win.addEventListener('resize', reposition, { signal, passive: true });
    this.resize = new ResizeObserver(reposition);
    this.resize.observe(box);
    // Escape closes the panel (or answers the check with "Review") wherever focus is in the coach.
    this.host.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Escape') return;
        if (this.prePost) this.actions.review();
        else if (this.panelOpen) this.closePanel();
        else return;
        e.stopPropagation();
        e.preventDefault();
      },
      { signal },
    );
    // Close the panel when the person clicks elsewhere on the page.
    doc.addEventListener(
      'pointerdown',
      (e) => {
        if (this.panelOpen && !e.composedPath().includes(this.host)) {
          this.panelOpen = false;
          this.draw();
        }
      },
      { signal, capture: true },
    );
    this.draw();
  }

  update(state: UiState): void {
    this.state = state;
    const r = state.result;
    this.host.setAttribute('data-human-tone-verdict', r ? r.verdict : state.pending ? 'pending' : 'empty');
    this.host.setAttribute('data-human-tone-score', r ? String(r.score) : '');
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
    this.draw();
    if (focusEditor) this.box.focus();
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
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const anchor = this.box.isConnected ? this.box.getBoundingClientRect() : null;
    render(
      <Coach
        t={this.t}
        result={this.state.result}
        pending={this.state.pending}
        panelOpen={this.panelOpen}
        focusFlag={this.focusFlag}
        takeFocus={this.takeFocus}
        notice={this.notice}
        prePost={this.prePost}
        anchor={anchor}
        onBadge={() => (this.panelOpen ? this.closePanel() : this.openPanel())}
        onClose={() => this.closePanel()}
        onApply={(f, i) =>
          void this.actions.apply(f, i).then((ok) => {
            this.notice = ok ? null : this.t('applyFailed');
            if (ok) this.focusFlag = null;
            this.draw();
          })
        }
        onIgnore={(f) => this.actions.ignore(f)}
        onRuleOff={(f) =>
          void this.actions.ruleOff(f).then(() => {
            this.notice = this.t('ruleOffDone');
            this.draw();
          })
        }
        onReview={() => this.actions.review()}
        onPostAnyway={() => this.actions.postAnyway()}
      />,
      this.mount,
    );
  }

  destroy(): void {
    this.abort.abort();
    this.resize.disconnect();
    cancelAnimationFrame(this.frame);
    render(null, this.mount);
    this.host.remove();
  }
}
