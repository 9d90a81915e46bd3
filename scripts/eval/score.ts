/** Scores the engine on labelled real replies: precision, recall and F1 per label. */
import { analyze, type Category, type Result } from '../../src/engine/index.js';
import { LABELS, type Label, type LabelledReply } from './data.js';

export interface Counts { tp: number; fp: number; fn: number; tn: number }
export interface Figures { n: number; p: number; r: number; f1: number; counts: Counts }

export function figures(c: Counts): Figures {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { n: c.tp + c.fp + c.fn + c.tn, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, counts: c };
}

export function analyzeLabelled(item: LabelledReply): Result {
  return analyze(item.reply, { context: item.customer ?? undefined });
}

/** What the engine says for each label: needs_coaching is a verdict of mixed or scripted; a category is any flag of it. */
export function predicted(result: Result): Record<Label, boolean> {
  const cats = new Set<Category>(result.flags.map((f) => f.category));
  const out = {} as Record<Label, boolean>;
  for (const k of LABELS) out[k] = k === 'needs_coaching' ? result.verdict === 'mixed' || result.verdict === 'scripted' : cats.has(k as Category);
  return out;
}

export interface Scored { item: LabelledReply; result: Result; pred: Record<Label, boolean> }

export function scoreAll(items: LabelledReply[]): { scored: Scored[]; byLabel: Record<Label, Figures> } {
  const counts = Object.fromEntries(LABELS.map((k) => [k, { tp: 0, fp: 0, fn: 0, tn: 0 }])) as Record<Label, Counts>;
  const scored: Scored[] = [];
  for (const item of items) {
    const result = analyzeLabelled(item);
    const pred = predicted(result);
    scored.push({ item, result, pred });
    for (const k of LABELS) {
      const truth = item.labels[k];
      if (truth === null) continue;
      const c = counts[k];
      if (truth && pred[k]) c.tp++;
      else if (truth) c.fn++;
      else if (pred[k]) c.fp++;
      else c.tn++;
    }
  }
  const byLabel = Object.fromEntries(LABELS.map((k) => [k, figures(counts[k])])) as Record<Label, Figures>;
  return { scored, byLabel };
}
