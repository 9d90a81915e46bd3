/** Terminal output for one analysed reply: the text with flagged spans marked, then the flags. */
import { categoryInfo, type Flag, type Lang, type Result } from '../engine/index.js';

export interface Style {
  color: boolean;
}

const SEVERITY_COLOR = { hint: 36, warning: 33, problem: 31 } as const;
const VERDICT_COLOR = { human: 32, mixed: 33, scripted: 31, unknown: 90 } as const;

const paint = (style: Style, code: number | string, s: string) => (style.color ? `\x1b[${code}m${s}\x1b[0m` : s);

/** Marks each flagged span: underlined and coloured on a terminal, [[like this]]¹ otherwise. */
export function markSpans(text: string, flags: readonly Flag[], style: Style): string {
  let out = '';
  let pos = 0;
  flags.forEach((f, i) => {
    out += text.slice(pos, f.start);
    const n = superscript(i + 1);
    out += style.color ? `\x1b[4;${SEVERITY_COLOR[f.severity]}m${f.text}\x1b[0m${paint(style, 2, n)}` : `[[${f.text}]]${n}`;
    pos = f.end;
  });
  return out + text.slice(pos);
}

function superscript(n: number): string {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return String(n)
    .split('')
    .map((d) => digits[Number(d)])
    .join('');
}

const LABELS = {
  en: {
    score: 'score', why: 'why', try: 'try', remove: '(remove it)', good: 'In its favour', none: 'No flags.', lang: 'language',
    engagement: 'With their message', leftOut: 'What it left out', steps: 'How the score was reached',
    level: { engaged: 'takes it up', thin: 'says little of its own', none: 'nothing specific to it' },
    echoes: 'their words taken up', noCompare: 'no message given, so not compared', substance: 'words of its own',
  },
  nl: {
    score: 'score', why: 'waarom', try: 'probeer', remove: '(weghalen)', good: 'Pluspunten', none: 'Geen opmerkingen.', lang: 'taal',
    engagement: 'Met hun bericht', leftOut: 'Wat het antwoord laat liggen', steps: 'Hoe de score tot stand kwam',
    level: { engaged: 'gaat erop in', thin: 'zegt weinig eigens', none: 'niets dat erover gaat' },
    echoes: 'hun woorden overgenomen', noCompare: 'geen bericht meegegeven, dus niet vergeleken', substance: 'eigen woorden',
  },
} as const;

export function formatResult(text: string, result: Result, style: Style): string {
  const lines: string[] = [];
  const verdict = paint(style, `1;${VERDICT_COLOR[result.verdict]}`, result.verdict.toUpperCase());
  if (result.verdict === 'unknown') {
    lines.push(`${verdict}  not English or Dutch (or empty): nothing to coach.`);
    return lines.join('\n');
  }
  const lang: Lang = result.lang === 'nl' ? 'nl' : 'en';
  const L = LABELS[lang];
  lines.push(`${verdict}  ${L.score} ${result.score}/100  (${L.lang}: ${result.lang})  ${paint(style, 2, result.explanation.summary)}`);
  lines.push('');
  lines.push(indent(markSpans(text, result.flags, style), '  '));
  lines.push('');
  if (result.flags.length === 0) lines.push(`  ${L.none}`);
  result.flags.forEach((f, i) => {
    const cat = categoryInfo(f.category, lang).name;
    lines.push(`  ${i + 1}. ${paint(style, SEVERITY_COLOR[f.severity], `${cat} · ${f.severity}`)}  ${paint(style, 2, f.rule)}`);
    lines.push(`     "${f.text}": ${f.message}`);
    lines.push(`     ${paint(style, 2, L.why + ':')} ${f.why}`);
    if (f.suggestions.length) {
      lines.push(`     ${paint(style, 2, L.try + ':')} ${f.suggestions.map((s) => (s.trim() ? `"${s}"` : L.remove)).join('  |  ')}`);
    }
  });
  const good = result.cues.filter((c) => c.weight > 0);
  if (good.length) {
    lines.push('');
    lines.push(`  ${L.good}: ${good.map((c) => paint(style, 32, `${c.label} (+${c.weight})`)).join(', ')}`);
  }
  const e = result.engagement;
  lines.push('');
  const parts = [L.level[e.level], `${e.substance.length} ${L.substance}`];
  if (e.echoes.length) parts.push(`${L.echoes}: ${e.echoes.map((x) => `"${x.text}"`).join(', ')}`);
  if (!e.compared) parts.push(L.noCompare);
  lines.push(`  ${L.engagement}: ${parts.join('; ')}`);
  if (e.pointers.length) {
    lines.push(`  ${paint(style, 1, L.leftOut + ':')}`);
    for (const p of e.pointers) lines.push(`   - ${p}`);
  }
  const steps = result.explanation.steps.map((st) => (st.kind === 'base' ? `${st.label} ${st.delta}` : `${st.label} ${st.delta > 0 ? '+' : ''}${st.delta}`));
  lines.push(`  ${paint(style, 2, L.steps + ':')} ${paint(style, 2, steps.join(', '))} = ${result.score}`);
  return lines.join('\n');
}

function indent(s: string, pad: string): string {
  return s
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}
