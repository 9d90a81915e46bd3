/** Two replies side by side (before and after), each analysed, with the difference and what changed. */
import { useMemo } from 'preact/hooks';
import { analyze, type Result } from '../../engine/index.js';
import { CueList, FlagList, Verdict } from '../components/Flags.js';
import { Highlighted } from '../components/Highlighted.js';
import { MessageFields } from '../components/MessageFields.js';
import { ScorePicture } from '../components/ScorePicture.js';
import { wordDiff } from '../diff.js';
import type { ST } from '../i18n.js';
import { optionsOf } from './Analyse.js';
import { CaseTools } from './CaseTools.js';

export interface CompareState {
  before: string;
  after: string;
  context: string;
  author: string;
}

function changes(a: Result, b: Result) {
  const rulesA = new Map(a.flags.map((f) => [f.rule, f]));
  const rulesB = new Map(b.flags.map((f) => [f.rule, f]));
  const cuesA = new Set(a.cues.map((c) => c.cue));
  const cuesB = new Set(b.cues.map((c) => c.cue));
  return {
    fixed: [...rulesA.values()].filter((f) => !rulesB.has(f.rule)),
    added: [...rulesB.values()].filter((f) => !rulesA.has(f.rule)),
    cuesGained: b.cues.filter((c) => !cuesA.has(c.cue)),
    cuesLost: a.cues.filter((c) => !cuesB.has(c.cue)),
  };
}

export function Compare({ t, value, onChange }: { t: ST; value: CompareState; onChange(next: CompareState): void }) {
  const opts = optionsOf(value);
  const a = useMemo(() => analyze(value.before, opts), [value.before, value.context, value.author]);
  const b = useMemo(() => analyze(value.after, opts), [value.after, value.context, value.author]);
  const delta = b.score - a.score;
  const ch = changes(a, b);
  const diff = useMemo(() => wordDiff(value.before, value.after), [value.before, value.after]);
  const side = (key: 'before' | 'after', r: Result) => (
    <div class={`side ${key}`} aria-label={t(key)}>
      <label>
        {t(key)}
        <textarea rows={5} value={value[key]} onInput={(e) => onChange({ ...value, [key]: (e.target as HTMLTextAreaElement).value })} />
      </label>
      {value[key].trim() && (
        <div class="result">
          <Verdict result={r} t={t} />
          <Highlighted text={value[key]} flags={r.flags} />
          <FlagList result={r} t={t} />
          <CueList result={r} t={t} />
          <ScorePicture result={r} t={t} />
        </div>
      )}
    </div>
  );
  return (
    <section class="compare" aria-label={t('tabCompare')}>
      <div class="inputs">
        <MessageFields t={t} value={value} onChange={onChange} rows={2} />
        <button type="button" onClick={() => onChange({ ...value, before: value.after, after: value.before })}>
          {t('swap')}
        </button>
      </div>
      {value.before.trim() && value.after.trim() && (
        <div class="difference" aria-live="polite">
          <p class={`delta ${delta >= 0 ? 'up' : 'down'}`} data-delta={delta}>
            {t('difference')}: {a.score} → {b.score} ({delta >= 0 ? '+' : ''}
            {delta})
          </p>
          <div class="change-lists">
            <ChangeList title={t('fixed')} items={ch.fixed.map((f) => `${f.message} (“${f.text}”)`)} cls="fixed" />
            <ChangeList title={t('newFlags')} items={ch.added.map((f) => `${f.message} (“${f.text}”)`)} cls="new" />
            <ChangeList title={t('cuesGained')} items={ch.cuesGained.map((c) => c.label)} cls="gained" />
            <ChangeList title={t('cuesLost')} items={ch.cuesLost.map((c) => c.label)} cls="lost" />
          </div>
          <h4>{t('textChanges')}</h4>
          <p class="diff">
            {diff.map((d, i) => (d.kind === 'same' ? d.text : d.kind === 'added' ? <ins key={i}>{d.text}</ins> : <del key={i}>{d.text}</del>))}
          </p>
        </div>
      )}
      <div class="sides">
        {side('before', a)}
        {side('after', b)}
      </div>
      {value.before.trim() && value.after.trim() && (
        <CaseTools
          t={t}
          shared={{ kind: 'compare', before: value.before, after: value.after, ...opts }}
          pictures={[
            { title: t('before'), text: value.before, context: value.context, result: a },
            { title: t('after'), text: value.after, context: '', result: b },
          ]}
        />
      )}
    </section>
  );
}

function ChangeList({ title, items, cls }: { title: string; items: string[]; cls: string }) {
  if (!items.length) return null;
  return (
    <div class={`change ${cls}`}>
      <h5>{title}</h5>
      <ul>
        {items.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ul>
    </div>
  );
}
