/**
 * The team report's speed (the tests count its work instead): building the report over 5,000, 10,000
 * and 20,000 synthetic replies (analysis excluded), 10,000 copies of one template, and the real brand
 * replies in ../shared/data when they are there. Run with `npm run bench` or `npx tsx bench/report.bench.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { analyze } from '../src/engine/index.js';
import type { Result } from '../src/engine/types.js';
import { buildReport } from '../src/report/aggregate.js';
import { parseReplies, type ReplyRow } from '../src/report/parse.js';
import { syntheticRows } from '../test/report/synthetic.js';
import { emptyEngagement } from '../src/engine/engage.js';

const fake = (score: number): Result => ({
  lang: 'en',
  score,
  verdict: score >= 65 ? 'human' : score >= 40 ? 'mixed' : 'scripted',
  flags: [],
  cues: [],
  engagement: emptyEngagement(),
  explanation: { base: 75, steps: [], raw: score, features: {}, thresholds: { human: 65, mixed: 40 }, summary: '' },
});

function timeBuild(rows: ReplyRow[]): { ms: number; clusters: number } {
  let i = 0;
  const t0 = performance.now();
  const d = buildReport(rows, () => fake(i++ % 101));
  return { ms: performance.now() - t0, clusters: d.totals.duplicateClusters };
}

timeBuild(syntheticRows(500, 3)); // warm up
const rows = syntheticRows(10_000);
const t5 = timeBuild(rows.slice(0, 5_000));
const t10 = timeBuild(rows);
const t20 = timeBuild([...rows, ...syntheticRows(10_000, 2).map((r) => ({ ...r, line: r.line + 10_000 }))]);
console.log(
  `report over synthetic replies (analysis excluded): 5k ${t5.ms.toFixed(0)} ms, 10k ${t10.ms.toFixed(0)} ms, 20k ${t20.ms.toFixed(0)} ms ` +
    `(20k/5k ${(t20.ms / t5.ms).toFixed(1)}x; linear 4x); ${t10.clusters} clusters in 10k`,
);

const TEMPLATE = 'we are sorry to hear about the trouble with your order. Please send us a DM with your postcode and order number so we can look into this for you.';
const same = Array.from({ length: 10_000 }, (_, i) => ({ line: i + 1, text: `Hi Name${i.toString(36)}, ${TEMPLATE}` }));
const t = timeBuild(same);
console.log(`10k copies of one template with different names: ${t.ms.toFixed(0)} ms, ${t.clusters} cluster(s)`);

const real = new URL('../../shared/data/twcs_replies_only_12brands.jsonl', import.meta.url);
if (existsSync(real)) {
  const t0 = performance.now();
  const parsed = parseReplies(readFileSync(real, 'utf8'), 'replies.jsonl');
  const t1 = performance.now();
  const results = parsed.rows.map((r) => analyze(r.text, { context: r.context }));
  const t2 = performance.now();
  let i = 0;
  const d = buildReport(parsed.rows, () => results[i++]!, { errors: parsed.errors });
  const t3 = performance.now();
  console.log(
    `${parsed.rows.length} real replies: parse ${(t1 - t0).toFixed(0)} ms, analyze ${(t2 - t1).toFixed(0)} ms, report ${(t3 - t2).toFixed(0)} ms; ` +
      `${d.totals.duplicateClusters} duplicate clusters (${d.totals.duplicateReplies} replies)`,
  );
}
