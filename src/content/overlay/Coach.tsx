/** The coach at a reply box: a badge with the score, a panel with the flags, the pre-post check. */
import { Fragment } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { CATEGORIES, type Category, type Flag, type Result } from '../../engine/types.js';
import type { Repeats } from '../../shared/history.js';
import type { T } from '../../shared/i18n.js';
import { FlagText } from './FlagText.js';

/** Where a box's coaching stands: nothing written, reading, a result, failed (with a retry), or too long to coach. */
export type CoachStatus = 'empty' | 'pending' | 'ready' | 'failed' | 'tooLong';

/** The message a reply answers: found by the site adapter, picked (set) by the person, or not known. */
export interface AnsweringState {
  source: 'found' | 'picked' | 'none';
  text: string;
  author?: string;
  /**
   * A rule taught for this site (the element picker, a team guide): 'found' when the message was found
   * by it, 'missing' when it found nothing here (the panel says so).
   */
  taught?: 'found' | 'missing';
}

/**
 * Every handler gets the DOM event first: the caller (CoachUI) acts only when the browser made it
 * from the person's own input (event.isTrusted).
 */
export interface CoachProps {
  t: T;
  status: CoachStatus;
  /** The result for the text the box holds now (status 'ready'), else null. */
  result: Result | null;
  panelOpen: boolean;
  focusFlag: number | null;
  takeFocus: boolean;
  notice: string | null;
  prePost: { flags: Flag[] } | null;
  answering: AnsweringState;
  /**
   * The "Message you are answering" editor: open or not, and what the person typed so far. Kept by
   * CoachUI, so that a re-render that swaps the panel (a result arriving) loses neither.
   */
  answeringEditor: { editing: boolean; draft: string };
  /** The reply box's place, in the coordinates of the document the coach is drawn in. */
  anchor: DOMRect | null;
  /** That document's window size (the box may be in a frame of it). */
  viewport: { width: number; height: number };
  onBadge(e: Event): void;
  onClose(e: Event): void;
  onApply(e: Event, flagIndex: number, index: number): void;
  onIgnore(e: Event, flagIndex: number): void;
  onRuleOff(e: Event, flagIndex: number): void;
  onRetry(e: Event): void;
  onReview(e: Event): void;
  onPostAnyway(e: Event): void;
  /** Set (a text) or clear (null) the message answered. */
  onAnswering(e: Event, text: string | null): void;
  /** Open or close the editor of the message answered. */
  onAnsweringEditing(e: Event, editing: boolean): void;
  /** Whether "Point at the customer's message" is offered (a supported site or one the person turned on). */
  canPick: boolean;
  /** Start the element picker. */
  onPick(e: Event): void;
}

const VERDICT_COLOR = { human: '#15803d', mixed: '#b45309', scripted: '#b91c1c', unknown: '#6b7280' } as const;

/** What the badge says in each state. */
export function statusLabel(t: T, status: CoachStatus, result: Result | null): string {
  if (status === 'ready' && result) return t(`verdict_${result.verdict}`);
  if (status === 'tooLong') return t('verdict_tooLong');
  if (status === 'failed') return t('verdict_failed');
  return status === 'pending' ? t('verdict_pending') : t('verdict_empty');
}

export function Coach(props: CoachProps) {
  const { t, result, anchor, status } = props;
  const { width: vw, height: vh } = props.viewport;
  if (!anchor || anchor.width === 0) return null;
  const verdict = result?.verdict ?? 'unknown';
  const label = statusLabel(t, status, result);
  const score = result && verdict !== 'unknown' ? String(result.score) : status === 'pending' ? '…' : status === 'failed' ? '!' : '–';
  const wide = status === 'tooLong';
  // Beside the box's bottom-right corner, so it never covers the text; inside the corner when there is no room.
  // The wide "too long" badge sits under the box, its right edge on the box's. A box taller than the
  // window keeps its badge at the bottom of the window, where the person can reach it.
  const visibleBottom = Math.min(anchor.bottom, vh - 4);
  const badgeTop = wide
    ? Math.max(anchor.top, Math.min(anchor.bottom + 4, vh - 30))
    : Math.max(4, Math.max(anchor.top, visibleBottom - 26));
  const outside = anchor.right + 6 + 56 <= vw;
  const place = wide
    ? { top: `${badgeTop}px`, right: `${Math.max(4, vw - anchor.right)}px` }
    : { top: `${badgeTop}px`, left: `${outside ? anchor.right + 6 : Math.max(4, anchor.right - 56)}px` };
  const color = status === 'failed' ? VERDICT_COLOR.scripted : VERDICT_COLOR[verdict];
  return (
    <Fragment>
      <button
        type="button"
        class={`badge ${status === 'ready' ? verdict : status}`}
        style={{ ...place, borderColor: color }}
        aria-label={status === 'ready' ? t('badgeLabel', { verdict: label, score }) : t('badgeNote', { verdict: label })}
        aria-haspopup="dialog"
        aria-expanded={props.panelOpen}
        title={label}
        onClick={props.onBadge}
      >
        <span class="dot" style={{ background: color }} />
        <span class="score">{wide ? label : score}</span>
      </button>
      {props.panelOpen && <Panel {...props} label={label} anchor={anchor} />}
      {props.prePost && <PrePost {...props} flags={props.prePost.flags} anchor={anchor} />}
    </Fragment>
  );
}

/**
 * Whether focus is already inside this panel (the panel was drawn again, e.g. when a result arrived,
 * and the person is in one of its fields): then it stays where it is.
 */
function focusInside(root: HTMLElement): boolean {
  const active = (root.getRootNode() as ShadowRoot | Document).activeElement;
  return !!active && root.contains(active);
}

/** Where a panel goes: below the box, or above it, or (a box as tall as the window) over its lower part. */
function place(anchor: DOMRect, width: number, viewport: { width: number; height: number }): { top: string; left: string; maxHeight: string } {
  const vw = viewport.width;
  const vh = viewport.height;
  const left = Math.min(Math.max(8, anchor.right - width), vw - width - 8);
  const top = Math.max(0, anchor.top);
  const bottom = Math.min(vh, anchor.bottom);
  const below = vh - bottom;
  const above = top;
  if (below >= 260 || (below >= above && below >= 180)) return { top: `${bottom + 6}px`, left: `${left}px`, maxHeight: `${below - 20}px` };
  if (above >= 180) {
    const height = Math.min(480, above - 16);
    return { top: `${Math.max(8, above - height - 6)}px`, left: `${left}px`, maxHeight: `${height}px` };
  }
  const height = Math.min(480, vh - 16);
  return { top: `${Math.max(8, vh - height - 8)}px`, left: `${left}px`, maxHeight: `${height}px` };
}

/**
 * The panel: with a result, its flags; without one (reading, nothing written, failed with a retry, too
 * long), what the coach is doing. One element either way, with "Message you are answering" at the same
 * place, so that a result arriving or going while the panel is open keeps the person's place in it.
 */
function Panel(props: CoachProps & { label: string; anchor: DOMRect }) {
  const { t, result, status } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    if (result && props.focusFlag !== null) root.querySelector(`[data-flag="${props.focusFlag}"]`)?.scrollIntoView({ block: 'nearest' });
    if (!props.takeFocus || focusInside(root)) return;
    const target =
      result && props.focusFlag !== null
        ? root.querySelector<HTMLElement>(`[data-flag="${props.focusFlag}"] button`)
        : root.querySelector<HTMLElement>(!result && status === 'failed' ? 'button.retry' : 'button');
    target?.focus();
  }, [props.focusFlag, props.takeFocus, status, !!result]);
  const groups = new Map<Category, number[]>();
  result?.flags.forEach((f, i) => {
    const list = groups.get(f.category) ?? [];
    list.push(i);
    groups.set(f.category, list);
  });
  return (
    <div ref={ref} class="panel" role="dialog" aria-labelledby="ht-title" style={place(props.anchor, 360, props.viewport)}>
      <header>
        <h2 id="ht-title">
          {result ? `${t('panelTitle')} · ${t(`verdict_${result.verdict}`)} · ${t('score')} ${result.score}` : `${t('panelTitle')} · ${props.label}`}
        </h2>
        <button type="button" class="close" aria-label={t('close')} onClick={props.onClose}>
          ×
        </button>
      </header>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {!result && status === 'failed' ? (
        <Fragment>
          <p role="status">{t('failedDetail')}</p>
          <div class="row">
            <button type="button" class="retry primary" onClick={props.onRetry}>
              {t('retry')}
            </button>
          </div>
        </Fragment>
      ) : null}
      {!result && status === 'tooLong' ? <p role="status">{t('tooLongDetail')}</p> : null}
      <Answering {...props} />
      {result ? <ResultBody {...props} result={result} groups={groups} /> : null}
    </div>
  );
}

/** The canned-o-meter's line: how often almost this reply went out before, and the template it resembles. */
export function repeatsLines(t: T, repeats: Repeats | undefined): string[] {
  if (!repeats) return [];
  const lines: string[] = [];
  if (repeats.week === 1) lines.push(t('repeatsWeekOne'));
  else if (repeats.week > 1) lines.push(t('repeatsWeek', { count: repeats.week }));
  else if (repeats.month > 0) lines.push(t('repeatsMonth', { count: repeats.month }));
  if (repeats.template) lines.push(t('repeatsTemplate', { percent: Math.round(repeats.template.similarity * 100), name: repeats.template.name }));
  if (lines.length) lines.push(t('repeatsHint'));
  return lines;
}

function ResultBody(props: CoachProps & { result: Result; groups: Map<Category, number[]> }) {
  const { t, result, groups } = props;
  const repeats = repeatsLines(t, (result as Result & { repeats?: Repeats }).repeats);
  return (
    <Fragment>
      {repeats.length > 0 && (
        <p class="repeats" role="note">
          {repeats.join(' ')}
        </p>
      )}
      {result.flags.length === 0 && <p class="empty">{t('noFlags')}</p>}
      {CATEGORIES.filter((c) => groups.has(c)).map((c) => (
        <section key={c} class={`group ${c}`} aria-label={t(`cat_${c}`)}>
          <h3>{t(`cat_${c}`)}</h3>
          <ul>
            {groups.get(c)!.map((i) => (
              <FlagItem key={`${i}-${result.flags[i]!.start}`} {...props} flag={result.flags[i]!} index={i} />
            ))}
          </ul>
        </section>
      ))}
      {result.engagement?.pointers.length > 0 && (
        <section class="left-out" aria-label={t('leftOut')}>
          <h3>{t('leftOut')}</h3>
          <ul>
            {result.engagement.pointers.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>
      )}
      {result.cues.some((c) => c.weight > 0) && (
        <p class="cues">
          {t('inFavour')}: {result.cues.filter((c) => c.weight > 0).map((c) => c.label).join(' · ')}
        </p>
      )}
    </Fragment>
  );
}

/** The first words of a message, for a one-line summary. */
export function firstWords(text: string, words = 12): string {
  const all = text.split(/\s+/).filter(Boolean);
  return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ')}…`;
}

/**
 * "Message you are answering": what the coach reads the reply against, shown as its first words with
 * where it came from; the person can paste or edit it (overriding what the page gave) and clear it.
 * Opening the editor and cancelling change nothing; using and clearing act only on trusted input.
 */
function Answering(props: CoachProps) {
  const { t, answering, answeringEditor: ed } = props;
  const editing = ed.editing;
  const field = useRef<HTMLTextAreaElement>(null);
  // At once, in the same task as the click that opened it: keys typed right after the click must land
  // in the field, not on the page (the button that was clicked is gone).
  useLayoutEffect(() => {
    const f = field.current;
    if (!editing || !f) return;
    f.focus();
    f.setSelectionRange(f.value.length, f.value.length);
  }, [editing]);
  const edit = (e: Event) => props.onAnsweringEditing(e, true);
  const cancel = (e: Event) => props.onAnsweringEditing(e, false);
  const save = (e: Event) => props.onAnswering(e, field.current?.value ?? '');
  const clear = (e: Event) => props.onAnswering(e, null);
  const source =
    answering.source === 'found' ? t(answering.taught === 'found' ? 'answeringTaught' : 'answeringFound') : answering.source === 'picked' ? t('answeringPicked') : '';
  return (
    <section class="answering" aria-label={t('answering')}>
      <h3>
        {t('answering')}
        {source && <span class="source"> · {source}</span>}
      </h3>
      {editing ? (
        <Fragment>
          {/* Keys typed here stay in the coach: the site's own shortcuts must not fire while the person writes. */}
          <textarea
            ref={field}
            rows={4}
            aria-label={t('answering')}
            maxLength={5000}
            defaultValue={ed.draft}
            onInput={(e) => {
              ed.draft = e.currentTarget.value;
            }}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'Escape') cancel(e);
              else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save(e);
            }}
            onKeyUp={(e) => e.stopPropagation()}
            onKeyPress={(e) => e.stopPropagation()}
          />
          <div class="row">
            <button type="button" class="primary" onClick={save}>
              {t('answeringSave')}
            </button>
            <button type="button" class="link" onClick={cancel}>
              {t('answeringCancel')}
            </button>
          </div>
        </Fragment>
      ) : (
        <Fragment>
          {/* Drawn from an attribute, as the suggestions are: a message the person pasted is no text node the page could find. */}
          {answering.text ? (
            <p class="quote answered" data-text={`“${firstWords(answering.text)}”`} />
          ) : answering.taught === 'missing' ? (
            <p class="missing" role="status">
              {t('taughtMissing')}
            </p>
          ) : (
            <p class="empty">{t('answeringNone')}</p>
          )}
          <div class="actions">
            <button type="button" class="link" onClick={edit}>
              {answering.text ? t('answeringEdit') : t('answeringAdd')}
            </button>
            {answering.source === 'picked' && (
              <button type="button" class="link" onClick={clear}>
                {t('answeringClear')}
              </button>
            )}
            {props.canPick && (
              <button type="button" class="link pick" onClick={props.onPick}>
                {t('pickStart')}
              </button>
            )}
          </div>
        </Fragment>
      )}
    </section>
  );
}

function FlagItem(props: CoachProps & { flag: Flag; index: number }) {
  const { t, flag, index } = props;
  return (
    <li data-flag={index} class={`${flag.severity}${props.focusFlag === index ? ' current' : ''}`}>
      <FlagText flag={flag} t={t} />
      <div class="suggestions">
        {flag.suggestions.map((s, k) =>
          s.trim() ? (
            // The suggestion may carry the person's sign-off: drawn from data-text (see .suggestion::before),
            // so that it is no text node the page could find with window.find().
            <button type="button" class="suggestion" key={k} data-text={s} aria-label={t('useLabel', { text: s })} onClick={(e) => props.onApply(e, index, k)} />
          ) : (
            <button type="button" class="suggestion" key={k} aria-label={t('removeLabel', { text: flag.text })} onClick={(e) => props.onApply(e, index, k)}>
              {t('remove')}
            </button>
          ),
        )}
      </div>
      <div class="actions">
        <button type="button" class="link" onClick={(e) => props.onIgnore(e, index)}>
          {t('ignoreHere')}
        </button>
        <button type="button" class="link" onClick={(e) => props.onRuleOff(e, index)}>
          {t('ruleOff')}
        </button>
      </div>
    </li>
  );
}

function PrePost(props: CoachProps & { flags: Flag[]; anchor: DOMRect }) {
  const { t, flags } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button.review')?.focus();
  }, []);
  const pos = place(props.anchor, 360, props.viewport);
  return (
    <div
      ref={ref}
      class="panel prepost"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="ht-check-title"
      aria-describedby="ht-check-intro"
      style={pos}
    >
      <h2 id="ht-check-title">{t('checkTitle')}</h2>
      <p id="ht-check-intro">{flags.some((f) => f.category === 'privacy') ? t('checkIntroPrivacy') : t('checkIntro')}</p>
      <ul class="issues">
        {flags.slice(0, 3).map((f, i) => (
          <li key={i}>
            <strong>{t(`cat_${f.category}`)}</strong>: “{f.text}”, {f.message}
          </li>
        ))}
      </ul>
      <div class="row">
        <button type="button" class="review primary" onClick={props.onReview}>
          {t('review')}
        </button>
        <button type="button" class="anyway" onClick={props.onPostAnyway}>
          {t('postAnyway')}
        </button>
      </div>
    </div>
  );
}
