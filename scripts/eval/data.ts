/**
 * The labelled real brand replies in ../shared/data, read at run time and never copied into the
 * repository (their licences allow evaluation only). See ../shared/data/README.md.
 *
 * Each language's labelled replies are split once, by a hash of the reply's id, into a `tune` part
 * (about two thirds: read its misses, write rules for what they show) and a `check` part (about one
 * third: only its figures are ever printed, so that they say how the engine does on replies nobody
 * tuned on).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const LABELS = ['needs_coaching', 'scripted', 'process', 'anonymous', 'broadcast', 'unempathetic', 'evasive', 'formal'] as const;
export type Label = (typeof LABELS)[number];
export type Split = 'tune' | 'check';

export interface LabelledReply {
  id: string;
  lang: 'en' | 'nl';
  split: Split;
  reply: string;
  customer: string | null;
  /** true / false where both labellers agreed, null where they did not (not scored). */
  labels: Record<Label, boolean | null>;
}

export const DATA_DIR = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

const SETS = {
  en: { labels: 'twcs-dev-labels.jsonl', pairs: 'twcs_pairs.jsonl' },
  nl: { labels: 'orange-nl-dev-labels.jsonl', pairs: 'orange_nl_pairs.jsonl' },
} as const;

export function dataAvailable(dir = DATA_DIR): boolean {
  return Object.values(SETS).every((s) => existsSync(dir + s.labels) && existsSync(dir + s.pairs));
}

/** FNV-1a of the id: a fixed split that does not depend on the order of the files. */
export function splitOf(id: string): Split {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 3 === 0 ? 'check' : 'tune';
}

const readJsonl = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);

export function loadLabelled(lang: 'en' | 'nl', dir = DATA_DIR): LabelledReply[] {
  const set = SETS[lang];
  const pairs = new Map<string, Record<string, unknown>>();
  for (const p of readJsonl(dir + set.pairs)) pairs.set(String(p.tweet_id), p);
  const out: LabelledReply[] = [];
  for (const l of readJsonl(dir + set.labels)) {
    const id = String(l.tweet_id);
    const p = pairs.get(id);
    if (!p || typeof p.reply !== 'string') continue;
    const labels = {} as Record<Label, boolean | null>;
    for (const k of LABELS) labels[k] = typeof l[k] === 'boolean' ? (l[k] as boolean) : null;
    out.push({ id, lang, split: splitOf(id), reply: p.reply, customer: typeof p.customer === 'string' ? p.customer : null, labels });
  }
  return out;
}

/** Unlabelled replies, for finding the formulas teams repeat (never scored). */
export function loadUnlabelled(lang: 'en' | 'nl', dir = DATA_DIR): { reply: string; customer: string | null }[] {
  const files = lang === 'en' ? ['twcs_replies_only_12brands.jsonl', 'twcs_pairs.jsonl'] : ['orange_nl_pairs.jsonl'];
  return files.flatMap((f) =>
    readJsonl(dir + f).map((r) => ({ reply: String(r.reply ?? ''), customer: typeof r.customer === 'string' ? r.customer : null })),
  );
}
