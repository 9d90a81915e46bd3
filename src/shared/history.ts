/**
 * What the extension remembers of the replies the person posts through a coached box, on this
 * device only: a fingerprint of each reply for 30 days (the canned-o-meter: "you have sent almost
 * this reply 14 times this week"), and per day the number of replies, their scores and their flags'
 * categories (personal progress). No text: fingerprints (src/report/fingerprint.ts) and numbers.
 * Team templates are registered by name and fingerprint; their text is not kept either.
 *
 * Everything here is pure: days are numbers the caller computes from its clock (`dayOf`), so the
 * tests never read one.
 */
import * as v from 'valibot';
import { CATEGORIES, type Category, type Verdict } from '../engine/types.js';
import { FINGERPRINT_RE, SAME_REPLY, similarity } from '../report/fingerprint.js';

export const HISTORY_KEY = 'history';
/** Fingerprints are kept this many days. */
export const PRINT_DAYS = 30;
/** Daily progress is kept this many days. */
export const PROGRESS_DAYS = 366;
/** At most this many fingerprints are kept (the oldest go first): a very busy month stays small. */
export const MAX_PRINTS = 20_000;
export const MAX_TEMPLATES = 200;

const Day = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(200_000));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Fingerprint = v.pipe(v.string(), v.regex(FINGERPRINT_RE));

const DayProgress = v.object({
  /** Replies posted. */
  n: Count,
  /** Sum of their scores (0-100 each). */
  score: v.pipe(v.number(), v.minValue(0)),
  human: v.optional(Count, 0),
  mixed: v.optional(Count, 0),
  scripted: v.optional(Count, 0),
  /** Replies posted with at least one flag of the category. */
  flags: v.optional(v.record(v.picklist(CATEGORIES), Count), {}),
  /** Replies that were almost the same as one posted earlier. */
  repeats: v.optional(Count, 0),
});
export type DayProgress = v.InferOutput<typeof DayProgress>;

export const HistorySchema = v.object({
  /** Drawn once per install; salts the fingerprints. */
  salt: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffffffff)),
  prints: v.optional(v.array(v.object({ d: Day, fp: Fingerprint })), []),
  templates: v.optional(v.array(v.object({ name: v.pipe(v.string(), v.minLength(1), v.maxLength(80)), fp: Fingerprint })), []),
  /** Day number (as a string key) to that day's figures. */
  days: v.optional(v.record(v.pipe(v.string(), v.regex(/^\d{1,6}$/)), DayProgress), {}),
});
export type History = v.InferOutput<typeof HistorySchema>;

/** A new, empty history with its salt. */
export function emptyHistory(salt: number): History {
  return { salt: salt >>> 0, prints: [], templates: [], days: {} };
}

/** Reads what is stored; a broken store starts again (keeping its salt when that is readable). */
export function readHistory(stored: unknown, newSalt: () => number): History {
  const res = v.safeParse(HistorySchema, stored);
  if (res.success) return res.output;
  const salt = stored && typeof stored === 'object' ? (stored as { salt?: unknown }).salt : undefined;
  return emptyHistory(typeof salt === 'number' && Number.isInteger(salt) && salt >= 0 && salt <= 0xffffffff ? salt : newSalt());
}

/** The day a moment falls on in the person's own time zone (days since 1970-01-01, local). */
export function dayOf(date: Date): number {
  return Math.floor((date.getTime() - date.getTimezoneOffset() * 60_000) / 86_400_000);
}

/** A day number as YYYY-MM-DD. */
export function dayLabel(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export interface Repeats {
  /** Earlier replies almost the same as this one, in the last 7 days (today included) and in the last 30. */
  week: number;
  month: number;
  /** The registered template it is most like, when at least SAME_REPLY alike. */
  template?: { name: string; similarity: number };
}

/** How often a reply with this fingerprint was posted before, and the template it is closest to. */
export function repeatsOf(history: History, fp: string, today: number): Repeats {
  let week = 0;
  let month = 0;
  for (const p of history.prints) {
    if (p.d <= today - PRINT_DAYS || p.d > today) continue;
    if (similarity(p.fp, fp) < SAME_REPLY) continue;
    month++;
    if (p.d > today - 7) week++;
  }
  let template: Repeats['template'];
  for (const t of history.templates) {
    const s = similarity(t.fp, fp);
    if (s >= SAME_REPLY && (!template || s > template.similarity)) template = { name: t.name, similarity: s };
  }
  return template ? { week, month, template } : { week, month };
}

export interface Posted {
  /** The reply's fingerprint; null when it is too short to have one (it still counts in progress). */
  fp: string | null;
  score: number;
  verdict: Verdict;
  categories: readonly Category[];
}

/** Records one posted reply (a new history; the old one is not changed), and forgets what is too old. */
export function recordPost(history: History, posted: Posted, today: number): History {
  const prints = history.prints.filter((p) => p.d > today - PRINT_DAYS && p.d <= today);
  const repeated = posted.fp ? repeatsOf(history, posted.fp, today).month > 0 : false;
  if (posted.fp) prints.push({ d: today, fp: posted.fp });
  if (prints.length > MAX_PRINTS) prints.splice(0, prints.length - MAX_PRINTS);
  const days: History['days'] = {};
  for (const [k, d] of Object.entries(history.days)) if (Number(k) > today - PROGRESS_DAYS && Number(k) <= today) days[k] = d;
  const key = String(today);
  const was = days[key] ?? { n: 0, score: 0, human: 0, mixed: 0, scripted: 0, flags: {}, repeats: 0 };
  const flags = { ...was.flags };
  for (const c of new Set(posted.categories)) flags[c] = (flags[c] ?? 0) + 1;
  days[key] = {
    n: was.n + 1,
    score: was.score + Math.max(0, Math.min(100, posted.score)),
    human: was.human + (posted.verdict === 'human' ? 1 : 0),
    mixed: was.mixed + (posted.verdict === 'mixed' ? 1 : 0),
    scripted: was.scripted + (posted.verdict === 'scripted' ? 1 : 0),
    flags,
    repeats: was.repeats + (repeated ? 1 : 0),
  };
  return { ...history, prints, days };
}

/** Registers (or replaces, by name) a team template by its fingerprint. */
export function addTemplate(history: History, name: string, fp: string): History {
  const templates = history.templates.filter((t) => t.name !== name);
  templates.push({ name, fp });
  return { ...history, templates: templates.slice(-MAX_TEMPLATES) };
}

export interface ProgressRow {
  day: number;
  date: string;
  replies: number;
  averageScore: number;
  human: number;
  mixed: number;
  scripted: number;
  repeats: number;
  /** Categories by how many replies they were flagged in, most first. */
  topFlags: [Category, number][];
}

/** The last `count` days up to `today`, oldest first; days without replies are included with zeros. */
export function progressRows(history: History, today: number, count = 30): ProgressRow[] {
  const rows: ProgressRow[] = [];
  for (let day = today - count + 1; day <= today; day++) {
    const d = history.days[String(day)];
    const topFlags = Object.entries(d?.flags ?? {})
      .filter(([, n]) => (n ?? 0) > 0)
      .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0) || a[0].localeCompare(b[0])) as [Category, number][];
    rows.push({
      day,
      date: dayLabel(day),
      replies: d?.n ?? 0,
      averageScore: d && d.n > 0 ? Math.round(d.score / d.n) : 0,
      human: d?.human ?? 0,
      mixed: d?.mixed ?? 0,
      scripted: d?.scripted ?? 0,
      repeats: d?.repeats ?? 0,
      topFlags,
    });
  }
  return rows;
}

/** Every recorded day as CSV (a header, then one line per day with replies, oldest first). */
export function progressCsv(history: History): string {
  const days = Object.keys(history.days).map(Number).sort((a, b) => a - b);
  const head = ['date', 'replies', 'average_score', 'human', 'mixed', 'scripted', 'near_repeats', ...CATEGORIES.map((c) => `flagged_${c}`)];
  const lines = [head.join(',')];
  for (const day of days) {
    const d = history.days[String(day)]!;
    if (d.n === 0) continue;
    lines.push([dayLabel(day), d.n, Math.round(d.score / d.n), d.human, d.mixed, d.scripted, d.repeats, ...CATEGORIES.map((c) => d.flags[c] ?? 0)].join(','));
  }
  return lines.join('\n') + '\n';
}
