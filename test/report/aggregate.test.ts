/** The report's numbers, on replies whose analysis the test decides (so rule changes do not move them). */
import { describe, expect, test } from 'vitest';
import type { AnalyzeOptions, Category, DetectedLang, Flag, Result, Severity, Verdict } from '../../src/engine/types.js';
import { buildReport, ReportBuilder, rowOptions, type ReportData } from '../../src/report/aggregate.js';
import type { ReplyRow } from '../../src/report/parse.js';
import { emptyEngagement } from '../../src/engine/engage.js';

function flag(text: string, span: string, rule: string, severity: Severity = 'warning', message = `msg ${rule}`): Flag {
  const start = text.indexOf(span);
  if (start < 0) throw new Error(`"${span}" not in "${text}"`);
  return { category: rule.split('.')[0] as Category, rule, severity, start, end: start + span.length, text: span, message, why: 'why', suggestions: [`better ${span}`] };
}

function result(score: number, verdict: Verdict, flags: Flag[] = [], lang: DetectedLang = 'en'): Result {
  return { lang, score, verdict, flags, cues: [], engagement: emptyEngagement(), explanation: { base: 75, steps: [], raw: score, features: {}, thresholds: { human: 65, mixed: 40 }, summary: '' } };
}

/** Eight replies with known verdicts, scores and flags. */
function fixture(): { rows: ReplyRow[]; results: Result[] } {
  const t = [
    'We apologize for any inconvenience. Please DM us.',
    'Sorry Sam, I sent the wrong link. Here is the right one. ^JD',
    'Please DM us your account number.',
    'Our team is looking into it. Please DM us.',
    'Wij betreuren het ongemak.',
    'Lo sentimos mucho.',
    'Thanks Ana, the refund lands Friday. ^KM',
    'We apologize for any inconvenience.',
  ];
  const rows: ReplyRow[] = t.map((text, i) => ({ line: i + 2, text, id: `r${i + 1}` }));
  const results = [
    result(20, 'scripted', [flag(t[0]!, 'We apologize for any inconvenience', 'scripted.inconvenience', 'problem', 'A stock apology.'), flag(t[0]!, 'DM us', 'process.dm-us')]),
    result(90, 'human'),
    result(50, 'mixed', [flag(t[2]!, 'DM us', 'process.dm-us'), flag(t[2]!, 'account number', 'process.account-number', 'hint')]),
    result(35, 'scripted', [flag(t[3]!, 'Our team', 'anonymous.team'), flag(t[3]!, 'DM us', 'process.dm-us')]),
    result(45, 'mixed', [flag(t[4]!, 'Wij betreuren het ongemak', 'scripted.inconvenience', 'problem', 'Een standaardexcuus.')], 'nl'),
    result(0, 'unknown', [], 'other'),
    result(85, 'human'),
    result(20, 'scripted', [flag(t[7]!, 'We apologize for any inconvenience', 'scripted.inconvenience', 'problem', 'A stock apology.')]),
  ];
  return { rows, results };
}

function build(opts: Parameters<typeof buildReport>[2] = {}): ReportData {
  const { rows, results } = fixture();
  let i = 0;
  return buildReport(rows, () => results[i++]!, opts);
}

describe('totals', () => {
  test('counts by verdict and language, mean and median over scored replies', () => {
    const d = build({ errors: [{ line: 40, message: 'no text field' }, { line: 12, message: 'not valid JSON (x)' }] });
    expect(d.totals).toEqual({
      replies: 8,
      scored: 7,
      byVerdict: { human: 2, mixed: 2, scripted: 3, unknown: 1 },
      byLang: { en: 6, nl: 1, other: 1 },
      meanScore: 49.3, // (20+90+50+35+45+85+20)/7
      medianScore: 45,
      flagged: 5,
      flags: 8,
      rules: 4,
      errors: 2,
      duplicateClusters: 0,
      duplicateReplies: 0,
    });
    expect(d.errors).toEqual([
      { line: 12, message: 'not valid JSON (x)' },
      { line: 40, message: 'no text field' },
    ]);
    expect(d).not.toHaveProperty('generatedAt');
  });

  test('an empty report', () => {
    const d = new ReportBuilder().finish();
    expect(d.totals.replies).toBe(0);
    expect(d.totals.meanScore).toBeNull();
    expect(d.totals.medianScore).toBeNull();
    expect(d.worst).toEqual([]);
    expect(d.duplicates).toEqual([]);
    expect(d.categories.every((c) => c.replies === 0 && c.share === 0)).toBe(true);
  });
});

describe('categories and rules', () => {
  test('replies with a flag in the category and the flags, every category listed, most first', () => {
    const d = build();
    expect(d.categories).toHaveLength(8);
    expect(d.categories.slice(0, 3)).toEqual([
      { category: 'process', replies: 3, flags: 4, share: 0.375 },
      { category: 'scripted', replies: 3, flags: 3, share: 0.375 },
      { category: 'anonymous', replies: 1, flags: 1, share: 0.125 },
    ]);
    expect(d.categories.slice(3).map((c) => c.replies)).toEqual([0, 0, 0, 0, 0]);
  });

  test('top rules: replies they fire in, share, a sample and the message in each language', () => {
    const d = build();
    expect(d.topRules.map((r) => [r.rule, r.count, r.flags, r.share])).toEqual([
      ['process.dm-us', 3, 3, 0.375],
      ['scripted.inconvenience', 3, 3, 0.375],
      ['anonymous.team', 1, 1, 0.125],
      ['process.account-number', 1, 1, 0.125],
    ]);
    const inc = d.topRules[1]!;
    expect(inc).toMatchObject({ category: 'scripted', severity: 'problem', sample: { text: 'We apologize for any inconvenience', line: 2, id: 'r1' } });
    expect(inc.message).toEqual({ en: 'A stock apology.', nl: 'Een standaardexcuus.' });
    expect(build({ topRules: 2 }).topRules).toHaveLength(2);
  });

  test('a rule that fires twice in one reply counts one reply and two flags', () => {
    const text = 'DM us. Or DM us again.';
    const b = new ReportBuilder();
    const f1 = flag(text, 'DM us', 'process.dm-us');
    const f2 = { ...f1, start: 10, end: 15 };
    b.add({ line: 1, text }, result(30, 'scripted', [f1, f2]));
    const d = b.finish();
    expect(d.topRules[0]).toMatchObject({ count: 1, flags: 2, share: 1 });
    expect(d.categories[0]).toMatchObject({ category: 'process', replies: 1, flags: 2 });
  });
});

describe('worst replies', () => {
  test('lowest score first, ties in line order, unknown language left out, with flag spans', () => {
    const d = build();
    expect(d.worst.map((w) => [w.line, w.score])).toEqual([
      [2, 20],
      [9, 20],
      [5, 35],
      [6, 45],
      [4, 50],
      [8, 85],
      [3, 90],
    ]);
    const w = d.worst[0]!;
    expect(w).toMatchObject({ id: 'r1', verdict: 'scripted', lang: 'en' });
    for (const f of w.flags) expect(w.text.slice(f.start, f.end)).toBe(f.text);
    expect(w.flags[0]).toMatchObject({ rule: 'scripted.inconvenience', severity: 'problem', message: 'A stock apology.', suggestion: 'better We apologize for any inconvenience' });
  });

  test('only the N worst are kept', () => {
    expect(build({ worst: 3 }).worst.map((w) => w.line)).toEqual([2, 9, 5]);
  });

  test('a very long reply is cut, with the flags inside the cut', () => {
    const text = 'We apologize. ' + 'x'.repeat(5000) + ' DM us';
    const b = new ReportBuilder();
    b.add({ line: 1, text }, result(10, 'scripted', [flag(text, 'We apologize', 'scripted.apology'), flag(text, 'DM us', 'process.dm-us')]));
    const w = b.finish().worst[0]!;
    expect(w.truncated).toBe(true);
    expect(w.text.length).toBe(2000);
    expect(w.flags.map((f) => f.rule)).toEqual(['scripted.apology']);
  });
});

describe('determinism and transport', () => {
  test('the same replies give the same report, whether built at once or added in slices', () => {
    const a = build();
    const b = build();
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const { rows, results } = fixture();
    const builder = new ReportBuilder();
    for (let i = 0; i < rows.length; i += 3) for (let j = i; j < Math.min(rows.length, i + 3); j++) builder.add(rows[j]!, results[j]!);
    expect(JSON.stringify(builder.finish())).toBe(JSON.stringify(a));
  });

  test('plain JSON: survives structuredClone (postMessage) and JSON round trips unchanged', () => {
    const d = build();
    expect(structuredClone(d)).toEqual(d);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  test('finish() can be called again and the data does not share state with the builder', () => {
    const { rows, results } = fixture();
    const b = new ReportBuilder();
    rows.forEach((r, i) => b.add(r, results[i]!));
    const first = b.finish();
    first.worst[0]!.flags.length = 0;
    first.topRules[0]!.message.en = 'changed';
    expect(b.finish().worst[0]!.flags.length).toBeGreaterThan(0);
    expect(b.finish().topRules[0]!.message.en).not.toBe('changed');
  });

  test('buildReport passes each row\'s context, author and language to the analyser, with the base options', () => {
    const seen: AnalyzeOptions[] = [];
    const progress: number[] = [];
    buildReport(
      [
        { line: 1, text: 'a', context: 'ctx', author: 'Sam', lang: 'nl' },
        { line: 2, text: 'b' },
      ],
      (_text, o) => {
        seen.push(o);
        return result(70, 'human');
      },
      { analyze: { strictness: 'strict' }, onProgress: (done) => progress.push(done), progressEvery: 1 },
    );
    expect(seen).toEqual([{ strictness: 'strict', context: 'ctx', author: 'Sam', lang: 'nl' }, { strictness: 'strict' }]);
    expect(progress.at(-1)).toBe(2);
    expect(rowOptions({ line: 1, text: 'x' })).toEqual({});
  });
});
