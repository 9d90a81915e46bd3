/**
 * npm run eval: how the engine does on the labelled real brand replies in ../shared/data.
 *   npx tsx scripts/eval/main.ts [--lang en|nl] [--misses [LABEL]] [--limit N]
 * Prints precision, recall and F1 per label and language, for the tune part and the check part.
 * --misses lists the tune part's misses for a label (default needs_coaching) with the evidence the
 * engine used; the check part's replies are never printed, so that nobody tunes on them.
 */
import { dataAvailable, LABELS, loadLabelled, type Label } from './data.js';
import { scoreAll, type Figures, type Scored } from './score.js';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] && !args[i + 1]!.startsWith('--') ? args[i + 1]! : '') : undefined;
};
if (!dataAvailable()) {
  console.error('eval: ../shared/data is missing (the labelled real replies are read from there at run time); nothing to score.');
  process.exit(0);
}
const langs = (opt('lang') || 'en,nl').split(',') as ('en' | 'nl')[];
const missLabel = opt('misses');
const limit = Number(opt('limit') || 40);

const pct = (x: number) => x.toFixed(2);
const line = (k: string, f: Figures) =>
  `  ${k.padEnd(15)} P ${pct(f.p)}  R ${pct(f.r)}  F1 ${pct(f.f1)}   (n ${String(f.n).padStart(3)}: tp ${f.counts.tp}, fp ${f.counts.fp}, fn ${f.counts.fn})`;

function evidence(s: Scored): string {
  const r = s.result;
  const out = [
    `  reply:    ${JSON.stringify(s.item.reply)}`,
    s.item.customer ? `  customer: ${JSON.stringify(s.item.customer)}` : '  customer: (unknown)',
    `  engine:   ${r.lang} ${r.verdict} ${r.score}  labels: ${LABELS.filter((k) => s.item.labels[k]).join(',') || '-'}`,
    ...r.flags.map((f) => `    - ${f.rule} (${f.severity}) ${JSON.stringify(f.text)}`),
  ];
  if (r.cues.length) out.push(`    + ${r.cues.map((c) => `${c.cue} ${c.weight}`).join(', ')}`);
  const e = r.engagement;
  const words = (spans: { start: number; end: number }[]) => spans.map((x) => s.item.reply.slice(x.start, x.end)).join(' ');
  out.push(
    `    engagement: ${e.level}; substance [${words(e.substance)}]; echoes [${e.echoes.map((x) => x.text).join(' ')}]` +
      `${e.cause ? '; cause' : ''}${e.question ? '; own question' : ''}${e.nextStep ? '; next step' : ''}${e.push ? `; push (${e.beyondPush} beyond)` : ''}${e.heat ? `; heat "${e.heat}"` : ''}`,
  );
  out.push(`    steps: ${r.explanation.steps.map((x) => `${x.id} ${x.delta > 0 && x.kind !== 'base' ? '+' : ''}${x.delta}`).join(', ')}`);
  return out.join('\n');
}

for (const lang of langs) {
  const all = loadLabelled(lang);
  for (const split of ['tune', 'check'] as const) {
    const items = all.filter((i) => i.split === split);
    const { byLabel, scored } = scoreAll(items);
    console.log(`\n${lang} ${split} (${items.length} replies)`);
    for (const k of LABELS) console.log(line(k, byLabel[k]));
    if (split === 'tune' && missLabel !== undefined) {
      const label = (missLabel || 'needs_coaching') as Label;
      const fns = scored.filter((s) => s.item.labels[label] === true && !s.pred[label]);
      const fps = scored.filter((s) => s.item.labels[label] === false && s.pred[label]);
      console.log(`\n  ${label}: missed (labelled true, engine false): ${fns.length}`);
      for (const s of fns.slice(0, limit)) console.log(evidence(s));
      console.log(`\n  ${label}: false alarms (labelled false, engine true): ${fps.length}`);
      for (const s of fps.slice(0, limit)) console.log(evidence(s));
    }
  }
}
