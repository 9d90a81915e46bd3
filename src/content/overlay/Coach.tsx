/** The coach at a reply box: a badge with the score, a panel with the flags, the pre-post check. */
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CATEGORIES, type Category, type Flag, type Result } from '../../engine/types.js';
import type { T } from '../../shared/i18n.js';

/** Where a box's coaching stands: nothing written, reading, a result, failed (with a retry), or too long to coach. */
export type CoachStatus = 'empty' | 'pending' | 'ready' | 'failed' | 'tooLong';

/** The message a reply answers: found by the site adapter, picked (set) by the person, or not known. */
export interface AnsweringState {
  source: 'found' | 'picked' | 'none';
  text: string;
  author?: string;
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
      {props.panelOpen && (result ? <Panel {...props} result={result} anchor={anchor} /> : <StatusPanel {...props} label={label} anchor={anchor} />)}
      {props.prePost && <PrePost {...props} flags={props.prePost.flags} anchor={anchor} />}
    </Fragment>
  );
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

function Panel(props: CoachProps & { result: Result; anchor: DOMRect }) {
  const { t, result } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    if (props.focusFlag !== null) root.querySelector(`[data-flag="${props.focusFlag}"]`)?.scrollIntoView({ block: 'nearest' });
    if (!props.takeFocus) return;
    const target = props.focusFlag !== null ? root.querySelector<HTMLElement>(`[data-flag="${props.focusFlag}"] button`) : root.querySelector<HTMLElement>('button');
    target?.focus();
  }, [props.focusFlag, props.takeFocus]);
  const groups = new Map<Category, number[]>();
  result.flags.forEach((f, i) => {
    const list = groups.get(f.category) ?? [];
    list.push(i);
    groups.set(f.category, list);
  });
  const pos = place(props.anchor, 360, props.viewport);
  return (
    <div
      ref={ref}
      class="panel"
      role="dialog"
      aria-labelledby="ht-title"
      style={pos}
    >
      <header>
        <h2 id="ht-title">
          {t('panelTitle')} · {t(`verdict_${result.verdict}`)} · {t('score')} {result.score}
        </h2>
        <button type="button" class="close" aria-label={t('close')} onClick={props.onClose}>
          ×
        </button>
      </header>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <Answering {...props} />
      {result.flags.length === 0 && <p class="empty">{t('noFlags')}</p>}
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
      {result.cues.some((c) => c.weight > 0) && (
        <p class="cues">
          {t('inFavour')}: {result.cues.filter((c) => c.weight > 0).map((c) => c.label).join(' · ')}
        </p>
      )}
    </div>
  );
}

/** The panel when there is no result to show: reading, nothing written, failed (with a retry), too long. */
function StatusPanel(props: CoachProps & { label: string; anchor: DOMRect }) {
  const { t, status } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.takeFocus) ref.current?.querySelector<HTMLElement>(status === 'failed' ? 'button.retry' : 'button')?.focus();
  }, [status, props.takeFocus]);
  return (
    <div ref={ref} class="panel" role="dialog" aria-labelledby="ht-title" style={place(props.anchor, 360, props.viewport)}>
      <header>
        <h2 id="ht-title">
          {t('panelTitle')} · {props.label}
        </h2>
        <button type="button" class="close" aria-label={t('close')} onClick={props.onClose}>
          ×
        </button>
      </header>
      {status === 'failed' && (
        <Fragment>
          <p role="status">{t('failedDetail')}</p>
          <div class="row">
            <button type="button" class="retry primary" onClick={props.onRetry}>
              {t('retry')}
            </button>
          </div>
        </Fragment>
      )}
      {status === 'tooLong' && <p role="status">{t('tooLongDetail')}</p>}
      <Answering {...props} />
    </div>
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
  const { t, answering } = props;
  const [editing, setEditing] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (editing) field.current?.focus();
  }, [editing]);
  const edit = (e: Event) => e.isTrusted && setEditing(true);
  const cancel = (e: Event) => e.isTrusted && setEditing(false);
  const save = (e: Event) => {
    if (!e.isTrusted) return;
    setEditing(false);
    props.onAnswering(e, field.current?.value ?? '');
  };
  const clear = (e: Event) => props.onAnswering(e, null);
  const source = answering.source === 'found' ? t('answeringFound') : answering.source === 'picked' ? t('answeringPicked') : '';
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
            defaultValue={answering.text}
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
          {answering.text ? <p class="quote answered" data-text={`“${firstWords(answering.text)}”`} /> : <p class="empty">{t('answeringNone')}</p>}
          <div class="actions">
            <button type="button" class="link" onClick={edit}>
              {answering.text ? t('answeringEdit') : t('answeringAdd')}
            </button>
            {answering.source === 'picked' && (
              <button type="button" class="link" onClick={clear}>
                {t('answeringClear')}
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
      <p class="quote">
        “{flag.text}” <span class="sev">{t(`sev_${flag.severity}`)}</span>
      </p>
      <p class="message">{flag.message}</p>
      <p class="why">
        <span>{t('why')}:</span> {flag.why}
      </p>
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
      <p id="ht-check-intro">{t('checkIntro')}</p>
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
