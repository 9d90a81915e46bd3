/** Analyse one reply: highlights, score and verdict, flags with why and suggestions, cues, the score picture. */
import { useMemo, useState } from 'preact/hooks';
import { analyze, applySuggestion } from '../../engine/index.js';
import { CueList, EngagementView, FlagList, Verdict } from '../components/Flags.js';
import { Highlighted } from '../components/Highlighted.js';
import { MessageFields } from '../components/MessageFields.js';
import { ScorePicture } from '../components/ScorePicture.js';
import type { ST } from '../i18n.js';
import { CaseTools } from './CaseTools.js';

export interface CaseState {
  reply: string;
  context: string;
  author: string;
}

export function optionsOf(c: Pick<CaseState, 'context' | 'author'>) {
  return { context: c.context.trim() || undefined, author: c.author.trim() || undefined };
}

export function Analyse({ t, value, onChange }: { t: ST; value: CaseState; onChange(next: CaseState): void }) {
  const result = useMemo(() => analyze(value.reply, optionsOf(value)), [value.reply, value.context, value.author]);
  const [moved, setMoved] = useState<{ from: number; to: number } | null>(null);

  const apply = (flag: number, index: number) => {
    const next = applySuggestion(value.reply, result.flags[flag]!, index);
    const after = analyze(next, optionsOf(value));
    setMoved({ from: result.score, to: after.score });
    onChange({ ...value, reply: next });
  };

  return (
    <section class="analyse" aria-label={t('tabAnalyse')}>
      <div class="inputs">
        <MessageFields t={t} value={value} onChange={onChange} rows={3} />
        <label>
          {t('reply')}
          <textarea
            rows={5}
            value={value.reply}
            placeholder={t('replyPlaceholder')}
            onInput={(e) => {
              setMoved(null);
              onChange({ ...value, reply: (e.target as HTMLTextAreaElement).value });
            }}
          />
        </label>
      </div>
      {value.reply.trim() && (
        <div class="result" aria-live="polite">
          <div class="result-head">
            <Verdict result={result} t={t} />
            {moved && (
              <p class={`moved ${moved.to >= moved.from ? 'up' : 'down'}`} role="status">
                {t('scoreMoved', { from: moved.from, to: moved.to })}
              </p>
            )}
          </div>
          {value.context.trim() && <blockquote class="context">{value.context}</blockquote>}
          <Highlighted text={value.reply} flags={result.flags} />
          <EngagementView result={result} t={t} />
          <FlagList result={result} t={t} onApply={apply} />
          <CueList result={result} t={t} />
          <ScorePicture result={result} t={t} />
          <CaseTools t={t} shared={{ kind: 'case', reply: value.reply, ...optionsOf(value) }} pictures={[{ title: t('tabAnalyse'), text: value.reply, context: value.context, result }]} />
        </div>
      )}
    </section>
  );
}
