/** The coach at a reply box: a badge with the score, a panel with the flags, the pre-post check. */
import { Fragment } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { CATEGORIES, type Category, type Flag, type Result } from '../../engine/types.js';
import type { T } from '../../shared/i18n.js';

export interface CoachProps {
  t: T;
  result: Result | null;
  pending: boolean;
  panelOpen: boolean;
  focusFlag: number | null;
  takeFocus: boolean;
  notice: string | null;
  prePost: { flags: Flag[] } | null;
  anchor: DOMRect | null;
  onBadge(): void;
  onClose(): void;
  onApply(flagIndex: number, index: number): void;
  onIgnore(flagIndex: number): void;
  onRuleOff(flagIndex: number): void;
  onReview(): void;
  onPostAnyway(): void;
}

const VERDICT_COLOR = { human: '#15803d', mixed: '#b45309', scripted: '#b91c1c', unknown: '#6b7280' } as const;

export function Coach(props: CoachProps) {
  const { t, result, anchor } = props;
  if (!anchor || anchor.width === 0) return null;
  const verdict = result?.verdict ?? 'unknown';
  const label = result ? t(`verdict_${verdict}`) : props.pending ? t('verdict_pending') : t('verdict_empty');
  const score = result && verdict !== 'unknown' ? String(result.score) : '–';
  // Beside the box's bottom-right corner, so it never covers the text; inside the corner when there is no room.
  const badgeTop = Math.max(4, anchor.bottom - 26);
  const outside = anchor.right + 6 + 56 <= window.innerWidth;
  const badgeLeft = outside ? anchor.right + 6 : Math.max(4, anchor.right - 56);
  return (
    <Fragment>
      <button
        type="button"
        class={`badge ${verdict}`}
        style={{ top: `${badgeTop}px`, left: `${badgeLeft}px`, borderColor: VERDICT_COLOR[verdict] }}
        aria-label={t('badgeLabel', { verdict: label, score })}
        aria-haspopup="dialog"
        aria-expanded={props.panelOpen}
        title={label}
        onClick={props.onBadge}
      >
        <span class="dot" style={{ background: VERDICT_COLOR[verdict] }} />
        <span class="score">{score}</span>
      </button>
      {props.panelOpen && result && <Panel {...props} result={result} anchor={anchor} />}
      {props.prePost && <PrePost {...props} flags={props.prePost.flags} anchor={anchor} />}
    </Fragment>
  );
}

function place(anchor: DOMRect, width: number): { top: string; left: string; maxHeight: string } {
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const left = Math.min(Math.max(8, anchor.right - width), vw - width - 8);
  const below = vh - anchor.bottom;
  if (below > 260 || below > anchor.top) return { top: `${anchor.bottom + 6}px`, left: `${left}px`, maxHeight: `${Math.max(160, below - 20)}px` };
  return { top: `${Math.max(8, anchor.top - Math.min(480, anchor.top - 16) - 6)}px`, left: `${left}px`, maxHeight: `${Math.min(480, anchor.top - 16)}px` };
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
  const pos = place(props.anchor, 360);
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
      {result.cues.length > 0 && (
        <p class="cues">
          {t('inFavour')}: {result.cues.map((c) => c.label).join(' · ')}
        </p>
      )}
    </div>
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
        {flag.suggestions.map((s, k) => (
          <button
            type="button"
            class="suggestion"
            key={k}
            aria-label={s.trim() ? t('useLabel', { text: s }) : t('removeLabel', { text: flag.text })}
            onClick={() => props.onApply(index, k)}
          >
            {s.trim() ? s : t('remove')}
          </button>
        ))}
      </div>
      <div class="actions">
        <button type="button" class="link" onClick={() => props.onIgnore(index)}>
          {t('ignoreHere')}
        </button>
        <button type="button" class="link" onClick={() => props.onRuleOff(index)}>
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
  const pos = place(props.anchor, 360);
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
