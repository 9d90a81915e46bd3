/**
 * The privacy guard's precision and recall on its case set (test/engine/privacy-cases.ts), per kind
 * of personal data and language. Run: npx tsx scripts/privacy-report.ts [--misses]
 */
import { analyze } from '../src/engine/index.js';
import { PERSONAL_KINDS, type PersonalKind } from '../src/engine/privacy.js';
import { PRIVACY_CASES, type PrivacyCase } from '../test/engine/privacy-cases.js';

export interface KindScore {
  lang: 'en' | 'nl';
  kind: PersonalKind;
  /** Pieces of personal data of this kind in the cases, and how many were flagged as this kind. */
  expected: number;
  found: number;
  /** Flags of this kind, and how many sit on personal data of this kind. */
  flagged: number;
  correct: number;
  precision: number;
  recall: number;
}

/** Scores every case with the engine; a flag counts when it covers the piece of text the case names. */
export function privacyScores(cases: readonly PrivacyCase[] = PRIVACY_CASES): { scores: KindScore[]; misses: string[] } {
  const tally = new Map<string, { expected: number; found: number; flagged: number; correct: number }>();
  const misses: string[] = [];
  const at = (lang: string, kind: string) => {
    const key = `${lang} ${kind}`;
    let t = tally.get(key);
    if (!t) tally.set(key, (t = { expected: 0, found: 0, flagged: 0, correct: 0 }));
    return t;
  };
  for (const c of cases) {
    const r = analyze(c.text, { lang: c.lang });
    const flags = r.flags.filter((f) => f.category === 'privacy').map((f) => ({ kind: f.rule.slice('privacy.'.length), start: f.start, end: f.end }));
    const spans = c.data.map(([kind, piece]) => {
      const start = c.text.indexOf(piece);
      if (start < 0) throw new Error(`privacy case: "${piece}" is not in "${c.text}"`);
      return { kind, start, end: start + piece.length };
    });
    const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
    for (const s of spans) {
      const t = at(c.lang, s.kind);
      t.expected++;
      if (flags.some((f) => f.kind === s.kind && overlap(f, s))) t.found++;
      else misses.push(`missed ${c.lang} ${s.kind} "${c.text.slice(s.start, s.end)}": ${c.text}`);
    }
    for (const f of flags) {
      const t = at(c.lang, f.kind);
      t.flagged++;
      if (spans.some((s) => s.kind === f.kind && overlap(f, s))) t.correct++;
      else misses.push(`wrong ${c.lang} ${f.kind} "${c.text.slice(f.start, f.end)}": ${c.text}`);
    }
  }
  const scores: KindScore[] = [];
  for (const lang of ['en', 'nl'] as const) {
    for (const kind of PERSONAL_KINDS) {
      const t = at(lang, kind);
      scores.push({ lang, kind, ...t, precision: t.flagged ? t.correct / t.flagged : 1, recall: t.expected ? t.found / t.expected : 1 });
    }
  }
  return { scores, misses };
}

export function formatScores(scores: readonly KindScore[]): string {
  const lines = ['lang kind       precision  recall   (flags right/flags, data found/data)'];
  for (const s of scores) {
    lines.push(`${s.lang}   ${s.kind.padEnd(10)} ${s.precision.toFixed(2).padStart(9)} ${s.recall.toFixed(2).padStart(7)}   (${s.correct}/${s.flagged}, ${s.found}/${s.expected})`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { scores, misses } = privacyScores();
  const n = (lang: string) => PRIVACY_CASES.filter((c) => c.lang === lang);
  console.log(`privacy cases: en ${n('en').length} (${n('en').filter((c) => !c.data.length).length} without personal data), nl ${n('nl').length} (${n('nl').filter((c) => !c.data.length).length} without)`);
  console.log(formatScores(scores));
  if (process.argv.includes('--misses')) for (const m of misses) console.log(m);
}
