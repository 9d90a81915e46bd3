/**
 * "Check the tone of this text": the result for a selection on any page, in a small panel at the
 * top right of the window (the selection may not be editable, so nothing is applied to the page):
 * score, verdict, each flag with its why and suggestions to choose, and a button that copies the
 * text with the chosen suggestions. The worker runs the engine and calls `showCheck` in the frame the
 * text was selected in (see src/background/check.ts); like the coach, the panel is in a closed shadow
 * root, acts only on the person's own input, and shows page text only as text.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { replaceSpan, type Edit } from '../engine/apply.js';
import type { Result } from '../engine/types.js';
import { uiLanguage } from '../platform/browser.js';
import { interfaceLang, translator, type T } from '../shared/i18n.js';
import { FlagText } from './overlay/FlagText.js';
import { OVERLAY_CSS } from './overlay/styles.js';

export interface CheckPayload {
  text: string;
  /** null: the text is too long to check. */
  result: Result | null;
  /** The interface language chosen in the settings ('auto': the browser's). */
  ui?: 'auto' | 'en' | 'nl';
}

const EXTRA_CSS = `
.check { top: 16px; right: 16px; max-height: calc(100vh - 32px); }
.suggestion[aria-pressed="true"] { background: #15803d; color: #fff; }
.copy-row { display: flex; gap: 8px; align-items: center; margin-top: 10px; }
.copy-row button { border-radius: 6px; padding: 5px 12px; border: 1px solid #1d4ed8; background: #1d4ed8; color: #fff; }
`;

/** The text with the chosen edits (right to left; an edit overlapping one already made is skipped). */
export function withChosen(text: string, edits: Edit[]): string {
  let out = text;
  let limit = Infinity;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    if (e.end > limit) continue;
    out = out.slice(0, e.start) + e.insert + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

function CheckPanel(props: { t: T; payload: CheckPayload; onClose(): void }) {
  const { t, payload } = props;
  const { result, text } = payload;
  const [chosen, setChosen] = useState<Record<number, number>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button')?.focus();
  }, []);
  const trusted =
    <A extends unknown[]>(run: (...args: A) => void) =>
    (e: Event, ...args: A) => {
      if (e.isTrusted) run(...args);
    };
  const choose = trusted((flag: number, index: number) => {
    setNotice(null);
    setChosen((c) => {
      const next = { ...c };
      if (next[flag] === index) delete next[flag];
      else next[flag] = index;
      return next;
    });
  });
  const copy = trusted(() => {
    const edits = Object.entries(chosen).map(([f, i]) => {
      const flag = result!.flags[Number(f)]!;
      return replaceSpan(text, flag.start, flag.end, flag.suggestions[i] ?? '');
    });
    navigator.clipboard.writeText(withChosen(text, edits)).then(
      () => setNotice(t('copied')),
      () => setNotice(t('copyFailed')),
    );
  });
  const close = trusted(() => props.onClose());
  const title = result ? `${t('selectionTitle')} · ${t(`verdict_${result.verdict}`)} · ${t('score')} ${result.score}` : `${t('selectionTitle')} · ${t('verdict_tooLong')}`;
  return (
    <div
      ref={ref}
      class="panel check"
      role="dialog"
      aria-labelledby="ht-check-title"
      onKeyDown={(e) => {
        if (e.isTrusted && e.key === 'Escape') {
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <header>
        <h2 id="ht-check-title">{title}</h2>
        <button type="button" class="close" aria-label={t('close')} onClick={close}>
          ×
        </button>
      </header>
      {result && result.flags.length === 0 && <p class="empty">{t('noFlags')}</p>}
      {result && result.flags.length > 0 && (
        <ul>
          {result.flags.map((flag, f) => (
            <li key={`${f}-${flag.start}`} class={flag.severity}>
              <FlagText flag={flag} t={t} />
              <div class="suggestions">
                {flag.suggestions.map((s, k) =>
                  s.trim() ? (
                    <button type="button" class="suggestion" key={k} data-text={s} aria-pressed={chosen[f] === k} aria-label={t('chooseLabel', { text: s })} onClick={(e) => choose(e, f, k)} />
                  ) : (
                    <button type="button" class="suggestion" key={k} aria-pressed={chosen[f] === k} aria-label={t('removeLabel', { text: flag.text })} onClick={(e) => choose(e, f, k)}>
                      {t('remove')}
                    </button>
                  ),
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {result && (
        <div class="copy-row">
          <button type="button" onClick={copy}>
            {t('copyChosen')}
          </button>
          {notice && <span role="status">{notice}</span>}
        </div>
      )}
    </div>
  );
}

let open: { host: HTMLElement; mount: HTMLElement; abort: AbortController } | null = null;

/** Shows (or replaces) the panel for one checked selection in this frame. */
export function showCheck(payload: CheckPayload, doc: Document = document): void {
  closeCheck();
  const t = translator(interfaceLang(payload.ui, uiLanguage()));
  const host = doc.createElement('human-tone-check');
  host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;';
  const holder = doc.createElement('div');
  holder.style.cssText = 'all: initial;';
  const root = holder.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = OVERLAY_CSS + EXTRA_CSS;
  const mount = doc.createElement('div');
  root.append(style, mount);
  host.append(holder);
  (doc.body && !doc.body.isContentEditable ? doc.body : doc.documentElement).append(host);
  const abort = new AbortController();
  open = { host, mount, abort };
  render(<CheckPanel t={t} payload={payload} onClose={closeCheck} />, mount);
  // Closed by Escape (in the panel), the close button, or a click elsewhere on the page.
  doc.addEventListener(
    'pointerdown',
    (e) => {
      if (e.isTrusted && !e.composedPath().includes(host)) closeCheck();
    },
    { capture: true, signal: abort.signal },
  );
}

export function closeCheck(): void {
  if (!open) return;
  const { host, mount, abort } = open;
  open = null;
  abort.abort();
  render(null, mount);
  host.remove();
}
