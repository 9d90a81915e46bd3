/** The flags of an analysis, grouped by category, each with why and its suggestions; and the cues. */
import { categoryInfo, CATEGORIES, type Category, type Result } from '../../engine/index.js';
import type { ST } from '../i18n.js';

export function FlagList({ result, t, onApply, current }: { result: Result; t: ST; onApply?: (flag: number, index: number) => void; current?: number | null }) {
  if (result.verdict === 'unknown') return null;
  if (result.flags.length === 0) return <p class="none">{t('noFlags')}</p>;
  const lang = result.lang === 'nl' ? 'nl' : 'en';
  const groups = new Map<Category, number[]>();
  result.flags.forEach((f, i) => groups.set(f.category, [...(groups.get(f.category) ?? []), i]));
  return (
    <div class="flags">
      {CATEGORIES.filter((c) => groups.has(c)).map((c) => {
        const info = categoryInfo(c, lang);
        return (
          <section key={c} class={`group ${c}`}>
            <h4 title={info.explanation}>
              <span class={`swatch ${c}`} /> {info.name}
            </h4>
            <ul>
              {groups.get(c)!.map((i) => {
                const f = result.flags[i]!;
                return (
                  <li key={i} class={`${f.severity}${current === i ? ' current' : ''}`} data-flag={i}>
                    <p>
                      <q>{f.text}</q> <span class="sev">{f.severity}</span> — {f.message}
                    </p>
                    <p class="why">
                      <strong>{t('why')}:</strong> {f.why}
                    </p>
                    {onApply && (
                      <div class="suggestions">
                        {f.suggestions.map((s, k) => (
                          <button key={k} type="button" class="suggestion" aria-label={s.trim() ? t('useLabel', { text: s }) : t('removeLabel', { text: f.text })} onClick={() => onApply(i, k)}>
                            {s.trim() ? s : t('remove')}
                          </button>
                        ))}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

/** What the reply does with the message: its level, the customer's words it takes up, and what it left out. */
export function EngagementView({ result, t }: { result: Result; t: ST }) {
  if (result.verdict === 'unknown') return null;
  const e = result.engagement;
  return (
    <div class="engagement">
      <h4>{t('engagement')}</h4>
      <p>
        {t(e.level === 'engaged' ? 'levelEngaged' : e.level === 'thin' ? 'levelThin' : 'levelNone')}
        {e.echoes.length > 0 && ` ${t('echoes', { words: e.echoes.map((x) => `“${x.text}”`).join(', ') })}`}
        {!e.compared && ` ${t('notCompared')}`}
      </p>
      {e.pointers.length > 0 && (
        <>
          <h5>{t('leftOut')}</h5>
          <ul class="pointers">
            {e.pointers.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function CueList({ result, t }: { result: Result; t: ST }) {
  if (result.verdict === 'unknown') return null;
  const cues = result.cues.filter((c) => c.weight > 0);
  return (
    <div class="cues">
      <h4>{t('cues')}</h4>
      {cues.length ? (
        <ul>
          {cues.map((c) => (
            <li key={c.cue}>
              {c.label} <span class="plus">+{c.weight}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="none">{t('noCues')}</p>
      )}
    </div>
  );
}

export function Verdict({ result, t }: { result: Result; t: ST }) {
  return (
    <div class={`verdict ${result.verdict}`} data-verdict={result.verdict} data-score={result.score}>
      <span class="big">{result.verdict === 'unknown' ? '–' : result.score}</span>
      <span>{t(`verdict_${result.verdict}`)}</span>
    </div>
  );
}
