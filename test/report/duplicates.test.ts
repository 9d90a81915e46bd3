/** Replies sent again and again: normalising, exact and near duplicates, and speed on 10,000 replies. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/engine/index.js';
import type { Result, Verdict } from '../../src/engine/types.js';
import { buildReport, ReportBuilder } from '../../src/report/aggregate.js';
import { DuplicateFinder, jaccard, normalizeWords, shingles } from '../../src/report/duplicates.js';
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

/** A small deterministic random source (mulberry32). */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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

/** 10,000 replies like a month of a webcare team: templates with names and numbers, and free replies. */
function syntheticRows(n: number, seed = 1): ReplyRow[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const names = ['Sam', 'Priya', 'Ana', 'Jan', 'Els', 'Mark', 'Kim', 'Noor', 'Bas', 'Lee', 'Dee', 'Tom'];
  const signs = ['^JD', '^KM', '-Anna', '- Bas', '~TJ', ''];
  const templates = [
    'Hi {name}, we are sorry to hear that. Please send us a DM with your order number {n} and postcode so we can look into this for you. {sign}',
    'We apologize for any inconvenience caused, {name}. Our team is working hard to resolve the issue as quickly as possible. {sign}',
    'Thanks for reaching out, {name}! Please follow us so we can send you a private message with further instructions. {sign}',
    'Hoi {name}, vervelend om te horen. Stuur ons een DM met je ordernummer {n} en postcode, dan zoeken we het voor je uit. {sign}',
    'Wij betreuren het ongemak, {name}. Ons team werkt er hard aan om de storing zo snel mogelijk op te lossen. {sign}',
    '{name}, your feedback is important to us and has been passed on to the relevant department for review. {sign}',
  ];
  const vocab = (
    'parcel refund kettle train delay router invoice order store manager phone screen battery charger coupon seat ' +
    'ticket platform driver window kitchen heater meter bill account password login app update photo receipt ' +
    'today tomorrow morning evening friday monday week soon later now already again still just really quite ' +
    'sent checked fixed booked cancelled moved called asked found changed added opened closed paid swapped ' +
    'i you we it they he she this that the a an your my our their his her its with for from into on at by'
  ).split(' ');
  const rows: ReplyRow[] = [];
  for (let i = 0; i < n; i++) {
    const author = pick(names);
    let text: string;
    if (rnd() < 0.45) {
      text = pick(templates)
        .replace('{name}', author)
        .replace('{n}', String(Math.floor(rnd() * 1e6)))
        .replace('{sign}', pick(signs));
    } else {
      const len = 10 + Math.floor(rnd() * 25);
      text = Array.from({ length: len }, () => pick(vocab)).join(' ') + '.';
    }
    rows.push({ line: i + 1, text, id: `m${i}`, author });
  }
  return rows;
}

function timeBuild(rows: ReplyRow[]): { ms: number; clusters: number } {
  const rnd = random(7);
  const t0 = performance.now();
  const d = buildReport(rows, () => fake(Math.floor(rnd() * 101)));
  return { ms: performance.now() - t0, clusters: d.totals.duplicateClusters };
}

describe('speed', () => {
  test('10,000 replies: report built quickly, the templates found, growth not quadratic', () => {
    const rows = syntheticRows(10_000);
    timeBuild(syntheticRows(500, 3)); // warm up
    const t10 = timeBuild(rows);
    const d = buildReport(rows, () => fake(50));
    const templated = d.duplicates.slice(0, 6);
    // Each template is one cluster of many replies (different names, numbers and sign-offs).
    expect(templated.every((c) => c.size > 500)).toBe(true);
    expect(templated.reduce((a, c) => a + c.size, 0)).toBeGreaterThan(0.4 * rows.length);
    const t5 = timeBuild(rows.slice(0, 5_000));
    const t20 = timeBuild([...rows, ...syntheticRows(10_000, 2).map((r) => ({ ...r, line: r.line + 10_000 }))]);
    console.log(
      `report over synthetic replies (analysis excluded): 5k ${t5.ms.toFixed(0)} ms, 10k ${t10.ms.toFixed(0)} ms, 20k ${t20.ms.toFixed(0)} ms; ${t10.clusters} clusters in 10k`,
    );
    expect(t10.ms).toBeLessThan(3000);
    // Quadratic work would make 20k take 16 times as long as 5k; linear, 4 times.
    expect(t20.ms).toBeLessThan(10 * t5.ms + 300);
  });

  test('10,000 copies of one template with different names: one cluster, still fast', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `Name${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + ((i / 26) % 26 | 0))}${String.fromCharCode(97 + ((i / 676) % 26 | 0))}`);
    const rows = names.map((name, i) => ({ line: i + 1, text: `Hi ${name}, ${TEMPLATE}` }));
    const t0 = performance.now();
    const d = buildReport(rows, () => fake(40));
    const ms = performance.now() - t0;
    console.log(`10k near-identical replies: ${ms.toFixed(0)} ms, ${d.totals.duplicateClusters} cluster(s), ${d.duplicates[0]?.variants} variants`);
    expect(d.duplicates).toHaveLength(1);
    expect(d.duplicates[0]!.size).toBe(10_000);
    expect(d.duplicates[0]!.lines).toHaveLength(100);
    expect(ms).toBeLessThan(3000);
  });

  const real = new URL('../../../shared/data/twcs_replies_only_12brands.jsonl', import.meta.url);
  test.skipIf(!existsSync(real))('the real brand replies in ../shared/data (read at run time, never copied)', () => {
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
    expect(d.totals.replies).toBe(parsed.rows.length);
    expect(d.totals.duplicateClusters).toBeGreaterThan(0);
    expect(t3 - t2).toBeLessThan(5000);
  });
});
