/**
 * npm run bench: the engine's speed on the real brand replies in ../shared/data, beside alex and
 * write-good on the same texts in the same process, and the CLI's JSON Lines throughput.
 * Figures are machine-dependent; the ratios are what to compare.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/engine/index.js';
import { ADVERSARIAL, ADVERSARIAL_SIZE } from '../test/engine/adversarial.js';

const DATA = new URL('../../shared/data/', import.meta.url);
const pairsFile = new URL('twcs_pairs.jsonl', DATA);
const repliesFile = new URL('twcs_replies_only_12brands.jsonl', DATA);
if (!existsSync(pairsFile) || !existsSync(repliesFile)) {
  console.error('bench: ../shared/data is missing; the benchmark reads the real replies from there.');
  process.exit(1);
}

interface Row { reply: string; customer?: string | null }
const readRows = (file: URL) => readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row);
const pairs = readRows(pairsFile);
const replies = readRows(repliesFile);
const texts = replies.map((r) => r.reply);

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: q(0.5), p99: q(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

/**
 * Per-call times in µs over `list`, in steady state: after `warm` full passes over the same texts,
 * so that every tool is measured with its code compiled and its caches warm (the CLI figure below
 * is the cold, end-to-end one).
 */
function timeEach(fn: (t: string) => unknown, list: string[], warm = 1): number[] {
  for (let w = 0; w < warm; w++) for (const t of list) fn(t);
  const out: number[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const t0 = process.hrtime.bigint();
    fn(list[i]!);
    out[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  return out;
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

async function main() {
  console.log(`Human Tone benchmark on ${texts.length} real replies (${pairs.length} pairs with context), node ${process.version}\n`);

  const ours = stats(timeEach((t) => analyze(t), texts, 2));
  const t0 = process.hrtime.bigint();
  for (const t of texts) analyze(t);
  const oursRate = texts.length / (Number(process.hrtime.bigint() - t0) / 1e9);
  const ctxTimes: number[] = [];
  for (let w = 0; w < 2; w++) for (const p of pairs) analyze(p.reply, { context: p.customer ?? undefined });
  for (const p of pairs) {
    const s = process.hrtime.bigint();
    analyze(p.reply, { context: p.customer ?? undefined });
    ctxTimes.push(Number(process.hrtime.bigint() - s) / 1000);
  }
  const ctx = stats(ctxTimes);

  // Peers, same texts, same process.
  const writeGood = (await import('write-good')).default as (t: string) => unknown;
  const wg = stats(timeEach((t) => writeGood(t), texts, 2));
  const { text: alexText } = (await import('alex')) as { text: (t: string) => unknown };
  const alexSample = texts.slice(0, 2000);
  const alex = stats(timeEach((t) => alexText(t), alexSample, 1));

  const row = (name: string, s: ReturnType<typeof stats>, n: number) =>
    `${name.padEnd(26)} median ${fmt(s.median).padStart(7)} µs   p99 ${fmt(s.p99).padStart(7)} µs   ${fmt(1e6 / s.mean).padStart(8)} replies/s  (n=${n})`;
  console.log(row('human-tone analyze()', ours, texts.length));
  console.log(row('human-tone with context', ctx, pairs.length));
  console.log(row('write-good', wg, texts.length));
  console.log(row('alex', alex, alexSample.length));
  console.log(`\nmedian ratio: alex / human-tone = ${(alex.median / ours.median).toFixed(0)}x (target >= 100x), write-good / human-tone = ${(wg.median / ours.median).toFixed(1)}x (target >= 5x)`);
  console.log(`throughput in one loop: ${fmt(oursRate)} replies/s; median target <= 20 µs: ${ours.median <= 20 ? 'met' : 'NOT met'}`);

  // The CLI over the 12k-reply file, end to end (node start-up included).
  const dir = mkdtempSync(join(tmpdir(), 'human-tone-bench-'));
  const input = join(dir, 'replies.jsonl');
  writeFileSync(input, replies.map((r) => JSON.stringify({ text: r.reply })).join('\n') + '\n');
  const cli = new URL('../bin/human-tone.js', import.meta.url).pathname;
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = process.hrtime.bigint();
    const res = spawnSync(process.execPath, [cli, 'check', '--jsonl', input], { maxBuffer: 1 << 30 });
    if (res.status !== 0) throw new Error(`CLI failed: ${res.stderr}`);
    runs.push(Number(process.hrtime.bigint() - s) / 1e9);
  }
  runs.sort((a, b) => a - b);
  const best = runs[0]!;
  const med = runs[2]!;
  console.log(`\nhuman-tone check --jsonl over ${replies.length} replies: median ${med.toFixed(2)} s = ${fmt(replies.length / med)} replies/s (best ${fmt(replies.length / best)}/s; target >= 20000/s)`);
  // The floor: a bare Node script that only parses each line and writes a small result (bench/bare-jsonl.mjs).
  const bare = new URL('./bare-jsonl.mjs', import.meta.url).pathname;
  const bareRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = process.hrtime.bigint();
    const res = spawnSync(process.execPath, [bare, input], { maxBuffer: 1 << 30 });
    if (res.status !== 0) throw new Error(`bare script failed: ${res.stderr}`);
    bareRuns.push(Number(process.hrtime.bigint() - s) / 1e9);
  }
  bareRuns.sort((a, b) => a - b);
  const bareMed = bareRuns[2]!;
  console.log(`bare Node parse-and-write over the same file: median ${bareMed.toFixed(2)} s; the CLI takes ${(med / bareMed).toFixed(1)}x that (target <= 4x)`);
  void execFileSync;

  // Adversarial 100 KB inputs (the ReDoS test counts their work; here is their time).
  console.log(`\nadversarial ${ADVERSARIAL_SIZE / 1000} KB inputs, best of 3, with the first 2,000 characters as context (goal: under 50 ms each):`);
  let worst = 0;
  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    const text = make(ADVERSARIAL_SIZE);
    const ms: number[] = [];
    for (const lang of ['en', 'nl'] as const) {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const s = process.hrtime.bigint();
        analyze(text, { lang, context: text.slice(0, 2000) });
        best = Math.min(best, Number(process.hrtime.bigint() - s) / 1e6);
      }
      ms.push(best);
      worst = Math.max(worst, best);
    }
    console.log(`  ${name.padEnd(36)} en ${ms[0]!.toFixed(1).padStart(6)} ms   nl ${ms[1]!.toFixed(1).padStart(6)} ms`);
  }
  console.log(`  slowest: ${worst.toFixed(1)} ms (${worst < 50 ? 'met' : 'NOT met'})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
