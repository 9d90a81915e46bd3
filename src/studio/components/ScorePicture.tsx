/**
 * How the score was reached, as a picture: a waterfall from the starting point, one bar per flag (down)
 * and cue (up), the cap if one applied, ending at the score, against the verdict bands.
 */
import type { Result } from '../../engine/types.js';
import type { ST } from '../i18n.js';

const W = 560;
const ROW = 22;
const LABEL = 230;

export function ScorePicture({ result, t }: { result: Result; t: ST }) {
  const { steps, thresholds } = result.explanation;
  if (result.verdict === 'unknown') return null;
  const x = (score: number) => LABEL + ((W - LABEL - 40) * Math.max(0, Math.min(100, score))) / 100;
  let running = 0;
  const rows = steps.map((s) => {
    const from = s.kind === 'base' ? 0 : running;
    running = s.kind === 'base' ? s.delta : running + s.delta;
    return { ...s, from, to: running };
  });
  rows.push({ kind: 'base', id: 'final', label: t('final'), delta: result.score, from: 0, to: result.score });
  const height = rows.length * ROW + 28;
  const summary = rows.map((r) => `${r.label}: ${r.kind === 'base' ? r.to : (r.delta > 0 ? '+' : '') + r.delta}`).join('; ');
  return (
    <figure class="score-picture">
      <figcaption>{t('howScore')}</figcaption>
      <svg viewBox={`0 0 ${W} ${height}`} width="100%" role="img" aria-label={summary}>
        <rect x={x(0)} y={0} width={x(thresholds.mixed) - x(0)} height={height - 20} class="band scripted" />
        <rect x={x(thresholds.mixed)} y={0} width={x(thresholds.human) - x(thresholds.mixed)} height={height - 20} class="band mixed" />
        <rect x={x(thresholds.human)} y={0} width={x(100) - x(thresholds.human)} height={height - 20} class="band human" />
        {rows.map((r, i) => {
          const y = i * ROW + 4;
          const lo = Math.min(r.from, r.to);
          const hi = Math.max(r.from, r.to);
          const cls = r.id === 'final' ? `bar final ${result.verdict}` : r.kind === 'base' ? 'bar base' : r.delta < 0 ? 'bar down' : 'bar up';
          return (
            <g key={i}>
              <text x={LABEL - 8} y={y + 14} text-anchor="end" class="label">
                {r.label.length > 34 ? r.label.slice(0, 33) + '…' : r.label}
              </text>
              <rect x={x(lo)} y={y + 2} width={Math.max(2, x(hi) - x(lo))} height={ROW - 6} class={cls} />
              <text x={x(hi) + 4} y={y + 14} class="value">
                {r.kind === 'base' || r.id === 'final' ? r.to : `${r.delta > 0 ? '+' : ''}${r.delta}`}
              </text>
            </g>
          );
        })}
        {[0, thresholds.mixed, thresholds.human, 100].map((v) => (
          <text key={v} x={x(v)} y={height - 6} text-anchor="middle" class="tick">
            {v}
          </text>
        ))}
      </svg>
    </figure>
  );
}
