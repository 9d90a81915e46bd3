/** The report view and the static HTML file: hostile text stays text, charts are accessible, both languages. */
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, test } from 'vitest';
import type { Flag, Result } from '../../src/engine/types.js';
import { ReportBuilder, type ReportData } from '../../src/report/aggregate.js';
import { REPORT_CSP, renderReportHtml } from '../../src/report/html.js';
import { REPORT_CSS, REPORT_STRINGS, ReportView, segments } from '../../src/report/ReportView.js';
import { emptyEngagement } from '../../src/engine/engage.js';

const HOSTILE = '<img src=x onerror=alert(1)> We apologize for any inconvenience </textarea><script>alert(2)</script>';
const SPAN = 'We apologize for any inconvenience';

function hostileReport(): ReportData {
  const start = HOSTILE.indexOf(SPAN);
  const f: Flag = {
    category: 'scripted',
    rule: 'scripted.inconvenience',
    severity: 'problem',
    start,
    end: start + SPAN.length,
    text: SPAN,
    message: 'A stock apology <b>bold</b>.',
    why: '',
    suggestions: ['"><svg onload=alert(3)>'],
  };
  const img: Flag = { ...f, rule: 'broadcast.<img>', category: 'broadcast', severity: 'hint', start: 0, end: 4, text: '<img', message: 'x' };
  const r = (score: number, flags: Flag[]): Result => ({
    lang: 'en',
    score,
    verdict: score < 40 ? 'scripted' : 'human',
    flags,
    cues: [],
    engagement: emptyEngagement(),
    explanation: { base: 75, steps: [], raw: score, features: {}, thresholds: { human: 65, mixed: 40 }, summary: '' },
  });
  const b = new ReportBuilder({ errors: [{ line: 3, message: 'not valid JSON (<img src=x onerror=alert(4)>)' }], format: 'jsonl' });
  b.add({ line: 1, text: HOSTILE, id: '<img id>', author: '<img author>', context: '<img src=y onerror=alert(5)>', date: '"><img date>' }, r(10, [img, f]));
  b.add({ line: 2, text: HOSTILE, id: 'b' }, r(12, [f]));
  b.add({ line: 4, text: 'Thanks Sam, I sorted it myself. ^JD' }, r(90, []));
  return b.finish();
}

describe('static HTML', () => {
  const html = renderReportHtml(hostileReport(), { lang: 'en', title: '<img title>', source: '<img src=source>.csv' });

  test('hostile text is escaped everywhere: reply, context, ids, rule sample, cluster, errors, title, source', () => {
    expect(html).toContain('&lt;img');
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<svg onload/i);
    expect(html).not.toMatch(/<b>/);
    expect(html).not.toContain('</textarea>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
  });

  test('a complete, self-contained document: charset, CSP, inline CSS, no script, nothing external', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).toContain(`<style>${REPORT_CSS}</style>`);
    expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|\bsrc="|\bhref="|url\(|@import/i);
    // The only URLs are SVG's namespace, if any.
    expect([...html.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('http://www.w3.org/'))).toEqual([]);
    expect(html).toContain('<title>&lt;img title&gt;: &lt;img src=source&gt;.csv</title>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  test('flagged spans are <mark> elements around the exact text', () => {
    expect(html).toMatch(new RegExp(`<mark class="ht-mark ht-c-scripted ht-s-problem" title="[^"]*">${SPAN}</mark>`));
    expect(html).toMatch(/<mark class="ht-mark ht-c-broadcast ht-s-hint" title="[^"]*">&lt;img<\/mark>/);
  });

  test('charts are images with the numbers in their label and as text', () => {
    const svgs = [...html.matchAll(/<svg[^>]*>/g)].map((m) => m[0]);
    expect(svgs).toHaveLength(2);
    for (const s of svgs) expect(s).toContain('role="img"');
    expect(html).toContain('aria-label="Verdicts of 3 replies: Human 1 (33.3%), Mixed 0 (0%), Scripted 2 (66.7%).');
    expect(html).toMatch(/aria-label="Replies flagged per category, of 3: Scripted 2 \(66\.7%\), Broadcast 1 \(33\.3%\)/);
    expect(html).toMatch(/<text[^>]*class="ht-bar-value">2 \(66\.7%\)<\/text>/);
  });

  test('tables and lists: top rules, worst replies, duplicates, errors', () => {
    expect(html).toContain('<code>scripted.inconvenience</code>');
    expect(html).toContain('line 3: not valid JSON (&lt;img src=x onerror=alert(4)>)');
    // The cluster: sent 2 times, in 2 variants (line 1's author "<img author>" takes "img" out of its normal form).
    expect(html).toMatch(/<tr><td class="ht-num">2<\/td><td class="ht-num">2<\/td><td><span class="ht-rep" dir="auto">&lt;img src=x/);
    expect(html).toContain('score 10');
  });

  test('Dutch labels', () => {
    const nl = renderReportHtml(hostileReport(), { lang: 'nl' });
    expect(nl).toContain('<html lang="nl">');
    expect(nl).toContain('<title>Teamrapport</title>');
    expect(nl).toContain('Gescript');
    expect(nl).toContain('regel 3: not valid JSON');
    expect(nl).toContain('Oordelen over 3 antwoorden');
    expect(nl).toMatch(/66,7%/);
  });

  test('every string exists in both languages', () => {
    expect(Object.keys(REPORT_STRINGS.nl).sort()).toEqual(Object.keys(REPORT_STRINGS.en).sort());
    for (const v of Object.values(REPORT_STRINGS.nl)) expect(v).not.toBe('');
  });

  test('print styles, and the style sheet cannot end its element', () => {
    expect(REPORT_CSS).toContain('@media print');
    expect(REPORT_CSS).not.toMatch(/<\//);
  });
});

describe('component', () => {
  test('an empty report renders with its empty states', () => {
    const html = renderToString(h(ReportView, { data: new ReportBuilder().finish(), lang: 'en', headingLevel: 2 }));
    expect(html).toContain('<h2 class="ht-title">Team report</h2>');
    expect(html).toContain('No rule fired.');
    expect(html).toContain('No reply was sent more than once.');
    expect(html).not.toContain('Lines that could not be read');
  });

  test('segments: overlapping and invalid spans are handled', () => {
    const text = 'abcdefgh';
    const f = (start: number, end: number) => ({ category: 'formal' as const, rule: 'r', severity: 'hint' as const, start, end, text: text.slice(start, end), message: '' });
    const segs = segments(text, [f(1, 4), f(3, 6), f(7, 99), f(5, 5)]);
    expect(segs.map((s) => [text.slice(s.start, s.end), s.flags.length])).toEqual([
      ['a', 0],
      ['bc', 1],
      ['d', 2],
      ['ef', 1],
      ['gh', 0],
    ]);
  });
});
