/** Replies sent again and again: normalising, exact and near duplicates, and the work on 10,000 replies. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/engine/index.js';
import type { Result, Verdict } from '../../src/engine/types.js';
import { buildReport, ReportBuilder } from '../../src/report/aggregate.js';
import { BANDS, BUCKET_REPS, DuplicateFinder, jaccard, normalizeWords, shingles } from '../../src/report/duplicates.js';
import { random, syntheticRows } from './synthetic.js';
import { parseReplies, type ReplyRow } from '../../src/report/parse.js';
import { emptyEngagement } from '../../src/engine/engage.js';

const fake = (score: number, verdict: Verdict = score >= 65 ? 'human' : score >= 40 ? 'mixed' : 'scripted'): Result => ({
  lang: 'en',
  score,
  verdict,
  flags: [],
  cues: [],
  engagement: emptyEngagement(),
  explanation: { base: 75, steps: [], raw: score, features: {}, thresholds: { human: 65, mixed: 40 }, summary: '' },
});

function report(texts: string[], scores: number[] = texts.map(() => 50)) {
  const b = new ReportBuilder();
  texts.forEach((text, i) => b.add({ line: i + 1, text, id: `t${i + 1}` }, fake(scores[i]!)));
  return b.finish();
}

describe('normalising', () => {
  test('lowercase; @mentions, links, numbers, sign-offs and punctuation go', () => {
    expect(normalizeWords('@Sam_01 Your order #48213 ships at 10:30!! See https://t.co/abc?x=1 ^JD')).toEqual(['your', 'order', 'ships', 'at', 'see']);
    expect(normalizeWords("We're on it. www.example.com/help -Anna")).toEqual(['were', 'on', 'it']);
    expect(normalizeWords('Sorry about that 🙁 – Jan D.')).toEqual(['sorry', 'about', 'that']);
    expect(normalizeWords('Wij kijken ernaar. ~KM')).toEqual(['wij', 'kijken', 'ernaar']);
    expect(normalizeWords('Échte   fout, ÉCHT.')).toEqual(['échte', 'fout', 'écht']);
    expect(normalizeWords('🎉🎉 !!! 123')).toEqual([]);
  });

  test('shingles and Jaccard', () => {
    const a = shingles('a b c d e'.split(' '));
    const b = shingles('a b c d x'.split(' '));
    expect(a.length).toBe(3);
    expect(jaccard(a, a)).toBe(1);
    expect(jaccard(a, b)).toBeCloseTo(2 / 4);
    expect(shingles(['hi', 'there']).length).toBe(1);
  });
});

const TEMPLATE =
  'We are sorry to hear about the trouble with your order. Please send us a direct message with your full name, your postcode and the order number so that our team can look into this for you as soon as possible.';

describe('clusters', () => {
  test('exact duplicates up to names after @, numbers, links and sign-offs', () => {
    const d = report(
      [
        '@sam Please DM us your order number 1234 and we will check. ^JD',
        'Thanks, that is great to hear!',
        '@ana please DM us your order number 98 and we will check -KM',
        'Please DM us your order number and we will check. https://t.co/x',
      ],
      [30, 90, 40, 50],
    );
    expect(d.duplicates).toHaveLength(1);
    expect(d.duplicates[0]).toEqual({
      size: 3,
      variants: 1,
      representative: '@sam Please DM us your order number 1234 and we will check. ^JD',
      lines: [1, 3, 4],
      ids: ['t1', 't3', 't4'],
      meanScore: 40,
      verdicts: { human: 0, mixed: 2, scripted: 1, unknown: 0 },
    });
    expect(d.totals).toMatchObject({ duplicateClusters: 1, duplicateReplies: 3 });
  });

  test('near duplicates: a template with a name or a word changed', () => {
    const texts = [
      `Hi Sam, ${TEMPLATE}`,
      `Hi Priya, ${TEMPLATE}`,
      `Hi Priya, ${TEMPLATE}`,
      TEMPLATE.replace('postcode', 'zip code'),
      TEMPLATE.replace('as soon as possible', 'today'),
      'Hi Sam, thanks for the photo. I can see the dent; I have sent a new kettle, it arrives on Thursday. ^JD',
    ];
    const d = report(texts);
    expect(d.duplicates).toHaveLength(1);
    const c = d.duplicates[0]!;
    expect(c.size).toBe(5);
    expect(c.variants).toBe(4);
    expect(c.lines).toEqual([1, 2, 3, 4, 5]);
    // The most frequent wording represents the cluster.
    expect(c.representative).toBe(`Hi Priya, ${TEMPLATE}`);
  });

  test('the name of the person answered does not make a template a different text', () => {
    const template = (name: string) => `We apologize for the delay, ${name}. Our team is working hard to resolve the issue quickly.`;
    const b = new ReportBuilder();
    ['Sam', 'Priya', 'Jan'].forEach((name, i) => b.add({ line: i + 1, text: template(name), author: `@${name} Smith` }, fake(30)));
    b.add({ line: 4, text: template('Ana') }, fake(30)); // no author: the name stays, and in mid-sentence it changes 3 of 14 shingles
    const d = b.finish();
    expect(d.duplicates.map((c) => [c.size, c.variants, c.lines])).toEqual([[3, 1, [1, 2, 3]]]);
    expect(normalizeWords('Thanks, Sam! ^JD', 'Sam de Vries')).toEqual(['thanks']);
  });

  test('different texts are not clustered, short ones are never', () => {
    const d = report([
      'Sorry Sam, I sent the wrong link. Here is the right one.',
      'Sorry Sam, the parcel left the depot this morning and should reach you today.',
      'We have refunded the full amount to your card; it shows within five days.',
      'Thanks!',
      'Thanks!',
      'You are welcome',
      'Ok',
    ]);
    expect(d.duplicates).toEqual([]);
  });

  test('sorted by size, then by first appearance; the list is capped but the totals are not', () => {
    const texts = [
      ...Array(2).fill('Please follow us so we can send you a private message.'),
      ...Array(4).fill('Our apologies, the team is working hard to fix this.'),
      ...Array(2).fill('Thank you for your patience while we look into this.'),
      ...Array(3).fill('Could you tell us which store you visited please?'),
    ];
    const b = new ReportBuilder({ clusters: 2 });
    texts.forEach((text, i) => b.add({ line: i + 1, text }, fake(50)));
    const d = b.finish();
    expect(d.duplicates.map((c) => [c.size, c.lines[0]])).toEqual([
      [4, 3],
      [3, 9],
    ]);
    expect(d.totals.duplicateClusters).toBe(4);
    expect(d.totals.duplicateReplies).toBe(11);
  });

  test('the finder links a chain of near duplicates and keeps the older group as the root', () => {
    const f = new DuplicateFinder();
    f.add(TEMPLATE, 0);
    f.add(TEMPLATE.replace('postcode', 'zip code'), 1);
    f.add('Nothing alike here at all, just a different reply about a kettle.', 2);
    const clusters = f.clusters();
    expect(clusters.map((c) => c.map((g) => g.members))).toEqual([[[0], [1]], [[2]]]);
  });
});

/** The duplicate finder over `rows`, as the report runs it: clusters and the candidates it examined. */
function work(rows: ReplyRow[]): { candidates: number; groups: number } {
  const f = new DuplicateFinder();
  rows.forEach((r, i) => f.add(r.text, i, r.author));
  return { candidates: f.candidates, groups: f.groups.length };
}

// Speed is measured by `npm run bench` (bench/report.bench.ts); here the work is counted, so these
// tests give the same answer on any machine, however busy.
describe('work grows linearly', () => {
  test('10,000 replies: the templates found; candidates bounded per reply', () => {
    const rows = syntheticRows(10_000);
    const d = buildReport(rows, () => fake(50));
    const templated = d.duplicates.slice(0, 6);
    // Each template is one cluster of many replies (different names, numbers and sign-offs).
    expect(templated.every((c) => c.size > 500)).toBe(true);
    expect(templated.reduce((a, c) => a + c.size, 0)).toBeGreaterThan(0.4 * rows.length);
    const w10 = work(rows);
    expect(w10.candidates).toBeLessThanOrEqual(w10.groups * BANDS * BUCKET_REPS);
  });

  test('near duplicates that all share buckets: candidates bounded per reply, and linear in the input', () => {
    // Every reply is the same template with two of its words changed: no two are equal, all are alike,
    // so every band's bucket is crowded. Uncapped buckets would make the work quadratic.
    const rnd = random(5);
    const words = TEMPLATE.split(' ');
    const vocab = 'parcel refund kettle train delay router invoice store manager phone screen battery charger coupon seat'.split(' ');
    const near = (n: number): ReplyRow[] =>
      Array.from({ length: n }, (_, i) => {
        const w = [...words];
        for (let k = 0; k < 2; k++) w[Math.floor(rnd() * w.length)] = vocab[Math.floor(rnd() * vocab.length)]! + Math.floor(rnd() * 1000).toString(36).replace(/\d/g, 'x');
        return { line: i + 1, text: w.join(' ') };
      });
    const w5 = work(near(5_000));
    const w20 = work(near(20_000));
    for (const w of [w5, w20]) expect(w.candidates).toBeLessThanOrEqual(w.groups * BANDS * BUCKET_REPS);
    expect(w5.candidates).toBeGreaterThan(w5.groups * BANDS);
    // Quadratic work would make 20k cost 16 times 5k; linear, 4 times.
    expect(w20.candidates).toBeLessThan(5 * w5.candidates);
  });

  test('10,000 copies of one template with different names: one cluster, bounded work', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `Name${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + ((i / 26) % 26 | 0))}${String.fromCharCode(97 + ((i / 676) % 26 | 0))}`);
    const rows = names.map((name, i) => ({ line: i + 1, text: `Hi ${name}, ${TEMPLATE}` }));
    const d = buildReport(rows, () => fake(40));
    expect(d.duplicates).toHaveLength(1);
    expect(d.duplicates[0]!.size).toBe(10_000);
    expect(d.duplicates[0]!.lines).toHaveLength(100);
    const w = work(rows);
    expect(w.candidates).toBeLessThanOrEqual(w.groups * BANDS * BUCKET_REPS);
  });

  const real = new URL('../../../shared/data/twcs_replies_only_12brands.jsonl', import.meta.url);
  test.skipIf(!existsSync(real))('the real brand replies in ../shared/data (read at run time, never copied)', () => {
    const parsed = parseReplies(readFileSync(real, 'utf8'), 'replies.jsonl');
    const results = parsed.rows.map((r) => analyze(r.text, { context: r.context }));
    let i = 0;
    const d = buildReport(parsed.rows, () => results[i++]!, { errors: parsed.errors });
    expect(d.totals.replies).toBe(parsed.rows.length);
    expect(d.totals.duplicateClusters).toBeGreaterThan(0);
    const w = work(parsed.rows);
    expect(w.candidates).toBeLessThanOrEqual(w.groups * BANDS * BUCKET_REPS);
  });
});
