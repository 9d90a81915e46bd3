/**
 * The team report's numbers. `ReportBuilder` takes one analysed reply at a time (so a worker can go in
 * slices and report progress) and `finish` returns plain JSON data (safe through postMessage). Nothing
 * in it depends on the clock or on how the work was sliced: the same replies in the same order give
 * the same report.
 */
import type { AnalyzeOptions, Category, DetectedLang, Flag, Result, Severity, Verdict } from '../engine/types.js';
import { CATEGORIES } from '../engine/types.js';
import { DuplicateFinder } from './duplicates.js';
import type { LineError, ReplyFormat, ReplyRow } from './parse.js';

export const REPORT_SCHEMA = 1;

/** A flag as the report keeps it: enough to highlight and explain it (offsets index the reply's text). */
export type ReportFlag = Pick<Flag, 'category' | 'rule' | 'severity' | 'start' | 'end' | 'text' | 'message'> & {
  /** The first suggested replacement, if any. */
  suggestion?: string;
};

export interface WorstReply {
  line: number;
  id?: string;
  author?: string;
  date?: string;
  /** The reply (cut at `MAX_TEXT` characters; `truncated` says so). */
  text: string;
  truncated?: boolean;
  context?: string;
  lang: DetectedLang;
  score: number;
  verdict: Verdict;
  flags: ReportFlag[];
}

export interface CategoryCount {
  category: Category;
  /** Replies with at least one flag in the category. */
  replies: number;
  /** Flags in the category, all replies together. */
  flags: number;
  /** `replies` / all replies. */
  share: number;
}

export interface RuleCount {
  rule: string;
  category: Category;
  severity: Severity;
  /** Replies in which the rule fired. */
  count: number;
  /** Times it fired, all replies together. */
  flags: number;
  /** `count` / all replies. */
  share: number;
  /** The rule's message in each language it fired in. */
  message: { en?: string; nl?: string };
  /** The first flagged span, with where it came from. */
  sample: { text: string; line: number; id?: string };
}

export interface DuplicateCluster {
  /** Replies in the cluster. */
  size: number;
  /** Different normal forms in it: 1 means every reply is the same text (up to names, numbers, links, sign-offs). */
  variants: number;
  /** The most frequent wording (cut at `MAX_SNIPPET`). */
  representative: string;
  /** Lines and ids of the replies (the first `MAX_MEMBERS`). */
  lines: number[];
  ids: string[];
  /** Mean score of its replies in English or Dutch (null when none). */
  meanScore: number | null;
  verdicts: Record<Verdict, number>;
}

export interface ReportTotals {
  /** Replies read and analysed (bad lines are not counted here). */
  replies: number;
  /** Replies with a score: in English or Dutch (verdict not `unknown`). */
  scored: number;
  byVerdict: Record<Verdict, number>;
  byLang: Record<DetectedLang, number>;
  /** Over scored replies, one decimal; null when none. */
  meanScore: number | null;
  medianScore: number | null;
  /** Replies with at least one flag, and all flags. */
  flagged: number;
  flags: number;
  /** Different rules that fired. */
  rules: number;
  /** Lines that could not be read (all of them; `errors` lists the first `limits.errors`). */
  errors: number;
  /** Clusters of two or more, and the replies in them (all; `duplicates` lists the first `limits.clusters`). */
  duplicateClusters: number;
  duplicateReplies: number;
}

export interface ReportData {
  schema: typeof REPORT_SCHEMA;
  format?: ReplyFormat;
  totals: ReportTotals;
  /** Every category, most replies first. */
  categories: CategoryCount[];
  /** Most replies first. */
  topRules: RuleCount[];
  /** Lowest score first (scored replies only). */
  worst: WorstReply[];
  /** Biggest first. */
  duplicates: DuplicateCluster[];
  /** In line order. */
  errors: LineError[];
  limits: { worst: number; topRules: number; clusters: number; errors: number; similarity: number };
}

export interface ReportOptions {
  /** Lines that could not be read (from `parseReplies`); more can come through `addErrors`. */
  errors?: readonly LineError[];
  format?: ReplyFormat;
  /** How many worst replies (20), top rules (20), clusters (50) and errors (500) to list. */
  worst?: number;
  topRules?: number;
  clusters?: number;
  maxErrors?: number;
  /** Near-duplicate threshold: Jaccard similarity of word 3-shingles (0.8). */
  similarity?: number;
  /** Replies shorter than this many words (after normalising) are not clustered (3). */
  minWords?: number;
}

export const MAX_TEXT = 2000;
export const MAX_SNIPPET = 500;
export const MAX_MEMBERS = 100;

const round1 = (n: number) => Math.round(n * 10) / 10;
const round4 = (n: number) => Math.round(n * 10000) / 10000;
const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n) + '…' : s);
const emptyVerdicts = (): Record<Verdict, number> => ({ human: 0, mixed: 0, scripted: 0, unknown: 0 });

interface Member {
  line: number;
  id?: string;
  score: number | null;
  verdict: Verdict;
  text: string;
}

interface RuleAcc {
  rule: string;
  category: Category;
  severity: Severity;
  count: number;
  flags: number;
  message: { en?: string; nl?: string };
  sample: { text: string; line: number; id?: string };
}

/** Worst first: lowest score, then earliest line, then the order added. */
function worse(a: { score: number; line: number; seq: number }, b: { score: number; line: number; seq: number }): number {
  return a.score - b.score || a.line - b.line || a.seq - b.seq;
}

export class ReportBuilder {
  private readonly opts: Required<Omit<ReportOptions, 'errors' | 'format'>>;
  private readonly format: ReplyFormat | undefined;
  private readonly errorList: LineError[] = [];
  private errorCount = 0;
  private n = 0;
  private readonly byVerdict = emptyVerdicts();
  private readonly byLang: Record<DetectedLang, number> = { en: 0, nl: 0, other: 0 };
  private readonly scores: number[] = [];
  private flagged = 0;
  private flagCount = 0;
  private readonly cats = new Map<Category, { replies: number; flags: number }>(CATEGORIES.map((c) => [c, { replies: 0, flags: 0 }]));
  private readonly rules = new Map<string, RuleAcc>();
  private worstList: (WorstReply & { seq: number })[] = [];
  private readonly dups: DuplicateFinder;
  /** Per clustered reply, what a cluster shows about it (indexed by the member number the finder keeps). */
  private readonly members: Member[] = [];

  constructor(options: ReportOptions = {}) {
    this.opts = {
      worst: options.worst ?? 20,
      topRules: options.topRules ?? 20,
      clusters: options.clusters ?? 50,
      maxErrors: options.maxErrors ?? 500,
      similarity: options.similarity ?? 0.8,
      minWords: options.minWords ?? 3,
    };
    this.format = options.format;
    this.dups = new DuplicateFinder({ similarity: this.opts.similarity, minWords: this.opts.minWords });
    if (options.errors) this.addErrors(options.errors);
  }

  /** Replies added so far (for progress). */
  get count(): number {
    return this.n;
  }

  addErrors(errors: readonly LineError[]): void {
    for (const e of errors) {
      this.errorCount++;
      if (this.errorList.length < this.opts.maxErrors) this.errorList.push({ line: e.line, message: e.message });
    }
  }

  add(row: ReplyRow, result: Result): void {
    const seq = this.n++;
    this.byVerdict[result.verdict]++;
    this.byLang[result.lang] = (this.byLang[result.lang] ?? 0) + 1;
    const scored = result.verdict !== 'unknown';
    if (scored) this.scores.push(result.score);
    if (result.flags.length > 0) this.flagged++;
    this.flagCount += result.flags.length;

    const seenCats = new Set<Category>();
    const seenRules = new Set<string>();
    for (const f of result.flags) {
      const c = this.cats.get(f.category);
      if (c) {
        c.flags++;
        if (!seenCats.has(f.category)) c.replies++;
      }
      seenCats.add(f.category);
      let r = this.rules.get(f.rule);
      if (!r) {
        r = { rule: f.rule, category: f.category, severity: f.severity, count: 0, flags: 0, message: {}, sample: { text: cut(f.text, 200), line: row.line } };
        if (row.id !== undefined) r.sample.id = row.id;
        this.rules.set(f.rule, r);
      }
      r.flags++;
      if (!seenRules.has(f.rule)) r.count++;
      seenRules.add(f.rule);
      if ((result.lang === 'en' || result.lang === 'nl') && r.message[result.lang] === undefined) r.message[result.lang] = f.message;
    }

    if (scored) this.considerWorst(row, result, seq);

    const member = this.members.length;
    if (this.dups.add(row.text, member, row.author)) {
      const m: Member = { line: row.line, score: scored ? result.score : null, verdict: result.verdict, text: row.text.length > MAX_SNIPPET ? cut(row.text, MAX_SNIPPET) : row.text };
      if (row.id !== undefined) m.id = row.id;
      this.members.push(m);
    }
  }

  private considerWorst(row: ReplyRow, result: Result, seq: number) {
    const max = this.opts.worst;
    if (max <= 0) return;
    const key = { score: result.score, line: row.line, seq };
    const list = this.worstList;
    if (list.length >= max && worse(key, list[list.length - 1]!) >= 0) return;
    const truncated = row.text.length > MAX_TEXT;
    const w: WorstReply & { seq: number } = {
      seq,
      line: row.line,
      text: truncated ? row.text.slice(0, MAX_TEXT) : row.text,
      lang: result.lang,
      score: result.score,
      verdict: result.verdict,
      flags: result.flags
        .filter((f) => f.end <= MAX_TEXT)
        .map((f) => {
          const rf: ReportFlag = { category: f.category, rule: f.rule, severity: f.severity, start: f.start, end: f.end, text: f.text, message: f.message };
          if (f.suggestions[0] !== undefined) rf.suggestion = f.suggestions[0];
          return rf;
        }),
    };
    if (truncated) w.truncated = true;
    if (row.id !== undefined) w.id = row.id;
    if (row.author !== undefined) w.author = row.author;
    if (row.date !== undefined) w.date = row.date;
    if (row.context !== undefined) w.context = cut(row.context, MAX_SNIPPET);
    let i = list.length;
    while (i > 0 && worse(key, list[i - 1]!) < 0) i--;
    list.splice(i, 0, w);
    if (list.length > max) list.pop();
  }

  finish(): ReportData {
    const replies = this.n;
    const share = (k: number) => (replies === 0 ? 0 : round4(k / replies));
    const sorted = Float64Array.from(this.scores).sort();
    const median =
      sorted.length === 0 ? null : sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : round1((sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2);
    const mean = sorted.length === 0 ? null : round1(this.scores.reduce((a, b) => a + b, 0) / sorted.length);

    const categories: CategoryCount[] = CATEGORIES.map((category) => {
      const c = this.cats.get(category)!;
      return { category, replies: c.replies, flags: c.flags, share: share(c.replies) };
    }).sort((a, b) => b.replies - a.replies || b.flags - a.flags || CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category));

    const topRules: RuleCount[] = [...this.rules.values()]
      .sort((a, b) => b.count - a.count || b.flags - a.flags || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0))
      .slice(0, this.opts.topRules)
      .map((r) => ({ rule: r.rule, category: r.category, severity: r.severity, count: r.count, flags: r.flags, share: share(r.count), message: { ...r.message }, sample: { ...r.sample } }));

    const { clusters, clusterCount, clusterReplies } = this.clusters();

    const errors = [...this.errorList].sort((a, b) => a.line - b.line);
    const data: ReportData = {
      schema: REPORT_SCHEMA,
      totals: {
        replies,
        scored: sorted.length,
        byVerdict: { ...this.byVerdict },
        byLang: { ...this.byLang },
        meanScore: mean,
        medianScore: median,
        flagged: this.flagged,
        flags: this.flagCount,
        rules: this.rules.size,
        errors: this.errorCount,
        duplicateClusters: clusterCount,
        duplicateReplies: clusterReplies,
      },
      categories,
      topRules,
      worst: this.worstList.map(({ seq: _seq, ...w }) => ({ ...w, flags: w.flags.map((f) => ({ ...f })) })),
      duplicates: clusters,
      errors,
      limits: { worst: this.opts.worst, topRules: this.opts.topRules, clusters: this.opts.clusters, errors: this.opts.maxErrors, similarity: this.opts.similarity },
    };
    if (this.format) data.format = this.format;
    return data;
  }

  private clusters(): { clusters: DuplicateCluster[]; clusterCount: number; clusterReplies: number } {
    const all: { size: number; first: number; groups: { members: number[] }[] }[] = [];
    let clusterReplies = 0;
    for (const groups of this.dups.clusters()) {
      let size = 0;
      let first = Infinity;
      for (const g of groups) {
        size += g.members.length;
        first = Math.min(first, g.members[0]!);
      }
      if (size < 2) continue;
      clusterReplies += size;
      all.push({ size, first, groups });
    }
    all.sort((a, b) => b.size - a.size || a.first - b.first);
    const clusters = all.slice(0, this.opts.clusters).map(({ size, groups }): DuplicateCluster => {
      let best = groups[0]!;
      for (const g of groups) if (g.members.length > best.members.length) best = g;
      const members = groups.flatMap((g) => g.members).sort((a, b) => a - b);
      const verdicts = emptyVerdicts();
      let sum = 0;
      let scored = 0;
      const lines: number[] = [];
      const ids: string[] = [];
      for (const i of members) {
        const m = this.members[i]!;
        verdicts[m.verdict]++;
        if (m.score !== null) {
          sum += m.score;
          scored++;
        }
        if (lines.length < MAX_MEMBERS) lines.push(m.line);
        if (m.id !== undefined && ids.length < MAX_MEMBERS) ids.push(m.id);
      }
      return {
        size,
        variants: groups.length,
        representative: this.members[best.members[0]!]!.text,
        lines,
        ids,
        meanScore: scored === 0 ? null : round1(sum / scored),
        verdicts,
      };
    });
    return { clusters, clusterCount: all.length, clusterReplies };
  }
}

/** The function that analyses one reply: `analyze` from the engine fits. */
export type AnalyzeFn = (text: string, options: AnalyzeOptions) => Result;

export interface BuildOptions extends ReportOptions {
  /** Options for every reply (strictness, disabled rules...); each row adds its context, author and lang. */
  analyze?: AnalyzeOptions;
  /** Called every `progressEvery` replies (250) and at the end. */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

/** The analysis options for one row: the base options plus its context, author and language. */
export function rowOptions(row: ReplyRow, base: AnalyzeOptions = {}): AnalyzeOptions {
  const opts: AnalyzeOptions = { ...base };
  if (row.context !== undefined) opts.context = row.context;
  if (row.author !== undefined) opts.author = row.author;
  if (row.lang !== undefined) opts.lang = row.lang;
  return opts;
}

/** Analyses every row and builds the report in one go. */
export function buildReport(rows: readonly ReplyRow[], analyzeFn: AnalyzeFn, options: BuildOptions = {}): ReportData {
  const builder = new ReportBuilder(options);
  const every = options.progressEvery ?? 250;
  rows.forEach((row, i) => {
    builder.add(row, analyzeFn(row.text, rowOptions(row, options.analyze)));
    if (options.onProgress && (i + 1) % every === 0) options.onProgress(i + 1, rows.length);
  });
  options.onProgress?.(rows.length, rows.length);
  return builder.finish();
}
