/**
 * The settings page's part on what Human Tone remembers of the replies posted through it: the switch,
 * the canned-o-meter's fingerprints and registered templates (their text is not kept), and personal
 * progress per day as a small chart, a table, and a CSV export. All of it on this device only.
 */
import { useEffect, useState } from 'preact/hooks';
import { clearHistory, loadHistory, saveHistory, watchHistory } from '../platform/history.js';
import { fingerprint } from '../report/fingerprint.js';
import { addTemplate, dayOf, progressCsv, progressRows, type History as Stored, type ProgressRow } from '../shared/history.js';
import type { Settings } from '../shared/settings.js';
import type { OptionsT } from './i18n.js';

export function HistorySection(props: {
  t: OptionsT;
  settings: Settings;
  /** Set when an organisation locked the switch: who set it. */
  locked: string | null;
  update: (patch: Partial<Settings>) => void;
  fail: (e: unknown) => void;
}) {
  const { t, settings, update, fail } = props;
  const [history, setHistory] = useState<Stored | null>(null);
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [note, setNote] = useState('');

  useEffect(() => {
    const abort = new AbortController();
    loadHistory().then(setHistory, fail);
    watchHistory(abort.signal, setHistory);
    return () => abort.abort();
  }, []);

  const today = dayOf(new Date());
  const rows = history ? progressRows(history, today, 30) : [];
  const prints = history ? history.prints.filter((p) => p.d > today - 30).length : 0;

  const register = async (e: Event) => {
    e.preventDefault();
    const current = await loadHistory();
    const fp = fingerprint(text, current.salt);
    if (!name.trim() || !fp) {
      setNote(t('templateTooShort'));
      return;
    }
    await saveHistory(addTemplate(current, name.trim().slice(0, 80), fp));
    setNote(t('templateSaved', { name: name.trim() }));
    setName('');
    setText('');
  };
  const removeTemplate = async (which: string) => {
    const current = await loadHistory();
    await saveHistory({ ...current, templates: current.templates.filter((x) => x.name !== which) });
  };
  const exportCsv = () => {
    if (!history) return;
    const url = URL.createObjectURL(new Blob([progressCsv(history)], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'human-tone-progress.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('historyTitle')}</h2>
      <p class="muted">{t('historyIntro')}</p>
      <label>
        <input type="checkbox" name="remember" checked={settings.remember} disabled={props.locked !== null} onChange={(e) => update({ remember: (e.target as HTMLInputElement).checked })} />
        {t('remember')}
        {props.locked !== null && <span class="locked"> ({props.locked})</span>}
      </label>

      <h3>{t('cannedTitle')}</h3>
      <p data-prints={prints}>{t('cannedCount', { count: prints })}</p>
      <button type="button" onClick={() => void clearHistory({ prints: true }).then(setHistory, fail)}>
        {t('cannedClear')}
      </button>

      <h3>{t('templatesTitle')}</h3>
      <p class="muted">{t('templatesIntro')}</p>
      {history && history.templates.length > 0 && (
        <ul class="templates">
          {history.templates.map((x) => (
            <li key={x.name}>
              {x.name}{' '}
              <button type="button" class="link" onClick={() => void removeTemplate(x.name).catch(fail)}>
                {t('templateRemove', { name: x.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void register(e).catch(fail)}>
        <label class="block">
          {t('templateName')}
          <input type="text" name="templateName" maxLength={80} value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        </label>
        <label class="block">
          {t('templateText')}
          <textarea name="templateText" rows={3} maxLength={5000} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
        </label>
        <button type="submit">{t('templateAdd')}</button>
        <span role="status" aria-live="polite" class="muted">
          {' '}
          {note}
        </span>
      </form>

      <h3>{t('progressTitle')}</h3>
      <Chart t={t} rows={rows} />
      <details>
        <summary>{t('progressTable')}</summary>
        <table class="progress">
          <thead>
            <tr>
              <th scope="col">{t('colDate')}</th>
              <th scope="col">{t('colReplies')}</th>
              <th scope="col">{t('colScore')}</th>
              <th scope="col">{t('colRepeats')}</th>
              <th scope="col">{t('colFlags')}</th>
            </tr>
          </thead>
          <tbody>
            {rows
              .filter((r) => r.replies > 0)
              .map((r) => (
                <tr key={r.day}>
                  <td>{r.date}</td>
                  <td>{r.replies}</td>
                  <td>{r.averageScore}</td>
                  <td>{r.repeats}</td>
                  <td>{r.topFlags.slice(0, 3).map(([c, n]) => `${t(`cat_${c}`)} ${n}`).join(', ')}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
      <p>
        <button type="button" onClick={exportCsv} disabled={!history}>
          {t('progressExport')}
        </button>{' '}
        <button type="button" onClick={() => void clearHistory({ progress: true }).then(setHistory, fail)}>
          {t('progressClear')}
        </button>
      </p>
    </section>
  );
}

/** Replies per day (bars) and their average score (dots), the last 30 days; the table above says the same in words. */
function Chart(props: { t: OptionsT; rows: ProgressRow[] }) {
  const { t, rows } = props;
  const total = rows.reduce((a, r) => a + r.replies, 0);
  if (total === 0) return <p class="muted">{t('progressNone')}</p>;
  const max = Math.max(...rows.map((r) => r.replies));
  const w = 12;
  const h = 80;
  const withReplies = rows.filter((r) => r.replies > 0);
  const average = Math.round(withReplies.reduce((a, r) => a + r.averageScore * r.replies, 0) / total);
  return (
    <figure class="chart">
      <svg width={rows.length * w} height={h + 4} viewBox={`0 0 ${rows.length * w} ${h + 4}`} role="img" aria-label={t('progressSummary', { count: total, score: average })}>
        {rows.map((r, i) => (
          <g key={r.day}>
            <rect x={i * w + 1} y={h - (r.replies / max) * h + 2} width={w - 2} height={(r.replies / max) * h} fill="#93c5fd">
              <title>{`${r.date}: ${r.replies}`}</title>
            </rect>
            {r.replies > 0 && <circle cx={i * w + w / 2} cy={h - (r.averageScore / 100) * h + 2} r={2.5} fill="#1e3a8a" />}
          </g>
        ))}
      </svg>
      <figcaption class="muted">{t('progressSummary', { count: total, score: average })}</figcaption>
    </figure>
  );
}
