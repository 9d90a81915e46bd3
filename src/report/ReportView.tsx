/**
 * The team report as Preact components: for the studio page (live) and the static HTML file
 * (rendered to a string). Reply text is hostile: it only ever becomes text nodes and attribute values,
 * never markup. Every class is prefixed `ht-` and every rule in REPORT_CSS is scoped to `.ht-report`,
 * so the view can sit inside another page.
 */
import type { ComponentChildren } from 'preact';
import { THRESHOLDS, type Category, type Severity, type Verdict } from '../engine/types.js';
import { makeTranslator, termsFor } from '../shared/i18n.js';
import type { CategoryCount, DuplicateCluster, ReportData, ReportFlag, RuleCount, WorstReply } from './aggregate.js';
import type { LineError } from './parse.js';
// The report's words: part `report` of messages/catalogue.yaml.
import { en as EN, nl as NL } from '../i18n/report.generated.js';

export type ReportLang = 'en' | 'nl';
export type ReportStringKey = keyof typeof EN | `cat_${Category}` | `sev_${Severity}`;

export const REPORT_STRINGS: Record<ReportLang, Record<ReportStringKey, string>> = {
  en: { ...EN, ...termsFor('en') },
  nl: { ...NL, ...termsFor('nl') },
};

type T = (key: ReportStringKey, vars?: Record<string, string | number>) => string;

export function reportStrings(lang: ReportLang): T {
  return makeTranslator(REPORT_STRINGS[lang] ?? REPORT_STRINGS.en);
}

function formats(lang: ReportLang) {
  const num = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });
  const pct = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 });
  return {
    n: (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? num.format(x) : '–'),
    pct: (x: number) => pct.format(Number.isFinite(x) ? x : 0),
  };
}

const VERDICT_ORDER: readonly Verdict[] = ['human', 'mixed', 'scripted', 'unknown'];

export interface ReportViewProps {
  data: ReportData;
  lang: ReportLang;
  /** A heading; by default "Team report" / "Teamrapport". */
  title?: string;
  /** Where the replies came from (a file name), shown under the heading. */
  source?: string;
  /** The heading level of the report's title (1 in the static file; the studio may want 2). */
  headingLevel?: 1 | 2;
}

/** The whole report. */
export function ReportView({ data, lang, title, source, headingLevel = 1 }: ReportViewProps) {
  const t = reportStrings(lang);
  const H = headingLevel === 1 ? 'h1' : 'h2';
  const format = data.format === 'csv' ? 'CSV' : data.format === 'jsonl' ? 'JSON Lines' : undefined;
  return (
    <article class="ht-report" lang={lang}>
      <header class="ht-head">
        <H class="ht-title">{title ?? t('title')}</H>
        {(source || format) && (
          <p class="ht-source">
            {t('source')}: {source}
            {source && format ? ` (${format})` : format}
          </p>
        )}
      </header>
      <SummaryCards data={data} lang={lang} />
      <div class="ht-charts">
        <VerdictChart data={data} lang={lang} />
        <CategoryChart data={data} lang={lang} />
      </div>
      <TopRulesTable data={data} lang={lang} />
      <WorstReplies data={data} lang={lang} />
      <DuplicatesTable data={data} lang={lang} />
      <ErrorList data={data} lang={lang} />
      <footer class="ht-foot">{t('footer', { human: THRESHOLDS.human, mixed: THRESHOLDS.mixed })}</footer>
    </article>
  );
}

interface PartProps {
  data: ReportData;
  lang: ReportLang;
}

function Card({ label, value, note, tone }: { label: string; value: string; note?: string; tone?: string }) {
  return (
    <div class={`ht-card${tone ? ` ht-tone-${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd>
        <span class="ht-value">{value}</span>
        {note && <span class="ht-note">{note}</span>}
      </dd>
    </div>
  );
}

export function SummaryCards({ data, lang }: PartProps) {
  const t = reportStrings(lang);
  const f = formats(lang);
  const tt = data.totals;
  return (
    <section class="ht-section" aria-label={t('summary')}>
      <dl class="ht-cards">
        <Card label={t('replies')} value={f.n(tt.replies)} />
        <Card label={t('meanScore')} value={f.n(tt.meanScore)} note={tt.medianScore === null ? undefined : `${t('medianScore')}: ${f.n(tt.medianScore)}`} />
        {VERDICT_ORDER.filter((v) => v !== 'unknown' || tt.byVerdict.unknown > 0).map((v) => (
          <Card key={v} label={t(`v_${v}`)} value={f.n(tt.byVerdict[v])} note={tt.replies > 0 ? f.pct(tt.byVerdict[v] / tt.replies) : undefined} tone={v} />
        ))}
        <Card label={t('flagged')} value={f.n(tt.flagged)} note={tt.replies > 0 ? f.pct(tt.flagged / tt.replies) : undefined} />
        <Card label={t('clusters')} value={f.n(tt.duplicateClusters)} note={t('clustersNote', { n: f.n(tt.duplicateReplies) })} />
        {tt.errors > 0 && <Card label={t('unreadable')} value={f.n(tt.errors)} tone="error" />}
      </dl>
    </section>
  );
}

interface Bar {
  key: string;
  label: string;
  value: number;
  text: string;
  cls: string;
}

/** A horizontal bar chart as inline SVG: an image with its numbers in its label and drawn as text. */
export function BarChart({ bars, max, label }: { bars: readonly Bar[]; max: number; label: string }) {
  const rowH = 30;
  const labelW = 140;
  const barW = 230;
  const width = labelW + barW + 150;
  const height = Math.max(1, bars.length) * rowH + 8;
  const scale = max > 0 ? barW / max : 0;
  return (
    <svg class="ht-chart" role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
      {bars.map((b, i) => {
        const y = 4 + i * rowH;
        const w = b.value > 0 ? Math.max(2, Math.round(b.value * scale)) : 0;
        return (
          <g key={b.key} class={`ht-bar ${b.cls}`}>
            <text x={labelW - 8} y={y + rowH / 2} text-anchor="end" dominant-baseline="middle" class="ht-bar-label">
              {b.label}
            </text>
            <rect x={labelW} y={y + 5} width={barW} height={rowH - 10} rx="3" class="ht-bar-track" />
            {w > 0 && <rect x={labelW} y={y + 5} width={w} height={rowH - 10} rx="3" class="ht-bar-fill" />}
            <text x={labelW + barW + 8} y={y + rowH / 2} dominant-baseline="middle" class="ht-bar-value">
              {b.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function VerdictChart({ data, lang }: PartProps) {
  const t = reportStrings(lang);
  const f = formats(lang);
  const total = data.totals.replies;
  const bars: Bar[] = VERDICT_ORDER.filter((v) => v !== 'unknown' || data.totals.byVerdict.unknown > 0).map((v) => {
    const value = data.totals.byVerdict[v] ?? 0;
    return { key: v, label: t(`v_${v}`), value, text: total > 0 ? `${f.n(value)} (${f.pct(value / total)})` : f.n(value), cls: `ht-v-${v}` };
  });
  const list = bars.map((b) => `${b.label} ${b.text}`).join(', ');
  return (
    <section class="ht-section ht-chart-box">
      <h2>{t('verdicts')}</h2>
      <BarChart bars={bars} max={total} label={t('verdictsAria', { total: f.n(total), list })} />
    </section>
  );
}

export function CategoryChart({ data, lang }: PartProps) {
  const t = reportStrings(lang);
  const f = formats(lang);
  const total = data.totals.replies;
  const bars: Bar[] = data.categories.map((c: CategoryCount) => ({
    key: c.category,
    label: t(`cat_${c.category}`),
    value: c.replies,
    text: total > 0 ? `${f.n(c.replies)} (${f.pct(c.share)})` : f.n(c.replies),
    cls: `ht-c-${c.category}`,
  }));
  const max = Math.max(1, ...bars.map((b) => b.value));
  const list = bars.map((b) => `${b.label} ${b.text}`).join(', ');
  return (
    <section class="ht-section ht-chart-box">
      <h2>{t('categories')}</h2>
      <p class="ht-note">{t('categoriesNote')}</p>
      <BarChart bars={bars} max={max} label={t('categoriesAria', { total: f.n(total), list })} />
    </section>
  );
}

function CategoryTag({ category, lang }: { category: Category; lang: ReportLang }) {
  const t = reportStrings(lang);
  return <span class={`ht-tag ht-c-${category}`}>{t(`cat_${category}`)}</span>;
}

function ruleMessage(r: RuleCount, lang: ReportLang): string {
  return r.message[lang] ?? r.message.en ?? r.message.nl ?? '';
}

export function TopRulesTable({ data, lang }: PartProps) {
  const t = reportStrings(lang);
  const f = formats(lang);
  return (
    <section class="ht-section">
      <h2>{t('topRules')}</h2>
      {data.topRules.length === 0 ? (
        <p class="ht-empty">{t('noRules')}</p>
      ) : (
        <div class="ht-scroll">
          <table class="ht-table">
            <thead>
              <tr>
                <th scope="col">{t('rule')}</th>
                <th scope="col">{t('category')}</th>
                <th scope="col" class="ht-num">{t('repliesCol')}</th>
                <th scope="col" class="ht-num">{t('share')}</th>
                <th scope="col">{t('example')}</th>
                <th scope="col">{t('message')}</th>
              </tr>
            </thead>
            <tbody>
              {data.topRules.map((r) => (
                <tr key={r.rule}>
                  <th scope="row">
                    <code>{r.rule}</code>
                  </th>
                  <td>
                    <CategoryTag category={r.category} lang={lang} />
                  </td>
                  <td class="ht-num">{f.n(r.count)}</td>
                  <td class="ht-num">{f.pct(r.share)}</td>
                  <td>
                    <q class="ht-sample" dir="auto">
                      {r.sample.text}
                    </q>{' '}
                    <span class="ht-where">({t('line', { n: r.sample.line })})</span>
                  </td>
                  <td>{ruleMessage(r, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.totals.rules > data.topRules.length && <p class="ht-note">{t('moreRules', { shown: data.topRules.length, n: data.totals.rules })}</p>}
    </section>
  );
}

/** Splits `text` at the flags' edges: each piece with the flags that cover it (spans may overlap or be invalid). */
export function segments(text: string, flags: readonly ReportFlag[]): { start: number; end: number; flags: ReportFlag[] }[] {
  const valid = flags.filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.end > f.start && f.end <= text.length);
  const cuts = new Set<number>([0, text.length]);
  for (const f of valid) {
    cuts.add(f.start);
    cuts.add(f.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: { start: number; end: number; flags: ReportFlag[] }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    out.push({ start, end, flags: valid.filter((f) => f.start < end && f.end > start) });
  }
  return out;
}

/** The reply with its flagged spans as <mark> elements (text nodes only). */
export function HighlightedText({ text, flags, lang }: { text: string; flags: readonly ReportFlag[]; lang: ReportLang }) {
  const t = reportStrings(lang);
  const parts: ComponentChildren[] = segments(text, flags).map((s) => {
    const piece = text.slice(s.start, s.end);
    if (s.flags.length === 0) return piece;
    const first = s.flags[0]!;
    const title = s.flags.map((f) => `${t(`cat_${f.category}`)}: ${f.message}`).join('\n');
    return (
      <mark key={s.start} class={`ht-mark ht-c-${first.category} ht-s-${first.severity}`} title={title}>
        {piece}
      </mark>
    );
  });
  return <p class="ht-reply" dir="auto">{parts}</p>;
}

function WorstItem({ w, lang }: { w: WorstReply; lang: ReportLang }) {
  const t = reportStrings(lang);
  const where = [t('line', { n: w.line }), w.id ? `id ${w.id}` : '', w.author ? t('to', { name: w.author }) : '', w.date ?? ''].filter(Boolean).join(' · ');
  return (
    <li class="ht-worst-item">
      <div class="ht-worst-head">
        <span class={`ht-score ht-v-${w.verdict}`}>{t('score', { n: w.score })}</span>
        <span class={`ht-verdict ht-v-${w.verdict}`}>{t(`v_${w.verdict}`)}</span>
        <span class="ht-where">{where}</span>
      </div>
      {w.context && (
        <p class="ht-context" dir="auto">
          <span class="ht-context-label">{t('inReplyTo')}: </span>
          {w.context}
        </p>
      )}
      <HighlightedText text={w.text} flags={w.flags} lang={lang} />
      {w.truncated && <p class="ht-note">{t('truncated')}</p>}
      {w.flags.length > 0 && (
        <ul class="ht-flags">
          {w.flags.map((f, i) => (
            <li key={i}>
              <CategoryTag category={f.category} lang={lang} /> <span class="ht-sev">{t(`sev_${f.severity}`)}</span>{' '}
              <q dir="auto">{f.text}</q>: {f.message}
              {f.suggestion !== undefined && f.suggestion !== '' && <span class="ht-try"> ({t('tryText', { s: f.suggestion })})</span>}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function WorstReplies({ data, lang }: PartProps) {
  const t = reportStrings(lang);
  return (
    <section class="ht-section">
      <h2>{t('worst')}</h2>
      {data.worst.length === 0 ? (
        <p class="ht-empty">{t('noWorst')}</p>
      ) : (
        <>
          <p class="ht-note">{t('worstNote')}</p>
          <ol class="ht-worst">
            {data.worst.map((w, i) => (
              <WorstItem key={i} w={w} lang={lang} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function ClusterRow({ c, lang }: { c: DuplicateCluster; lang: ReportLang }) {
  const t = reportStrings(lang);
  const f = formats(lang);
  const shown = c.lines.slice(0, 12);
  const more = c.size - shown.length;
  return (
    <tr>
      <td class="ht-num">{f.n(c.size)}</td>
      <td class="ht-num">{f.n(c.variants)}</td>
      <td>
        <span class="ht-rep" dir="auto">
          {c.representative}
        </span>
      </td>
      <td class="ht-num">{f.n(c.meanScore)}</td>
      <td class="ht-lines">
        {shown.join(', ')}
        {more > 0 && ` ${t('andMore', { n: f.n(more) })}`}
      </td>
    </tr>
  );
}

export function DuplicatesTable({ data, lang }: PartProps) {
  const t = reportStrings(lang);
  const f = formats(lang);
  return (
    <section class="ht-section">
      <h2>{t('duplicates')}</h2>
      <p class="ht-note">{t('duplicatesNote', { p: f.pct(data.limits.similarity) })}</p>
      {data.duplicates.length === 0 ? (
        <p class="ht-empty">{t('noDuplicates')}</p>
      ) : (
        <div class="ht-scroll">
          <table class="ht-table">
            <thead>
              <tr>
                <th scope="col" class="ht-num">{t('times')}</th>
                <th scope="col" class="ht-num">{t('variants')}</th>
                <th scope="col">{t('text')}</th>
                <th scope="col" class="ht-num">{t('meanScore')}</th>
                <th scope="col">{t('lines')}</th>
              </tr>
            </thead>
            <tbody>
              {data.duplicates.map((c, i) => (
                <ClusterRow key={i} c={c} lang={lang} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.totals.duplicateClusters > data.duplicates.length && (
        <p class="ht-note">{t('moreClusters', { shown: data.duplicates.length, n: data.totals.duplicateClusters })}</p>
      )}
    </section>
  );
}

function errorText(e: LineError, t: T): string {
  return e.line > 0 ? `${t('line', { n: e.line })}: ${e.message}` : e.message;
}

export function ErrorList({ data, lang }: PartProps) {
  const t = reportStrings(lang);
  if (data.totals.errors === 0 && data.errors.length === 0) return null;
  const more = data.totals.errors - data.errors.length;
  return (
    <section class="ht-section ht-errors">
      <h2>{t('errors')}</h2>
      <p class="ht-note">{t('errorsNote')}</p>
      <ul>
        {data.errors.map((e, i) => (
          <li key={i}>{errorText(e, t)}</li>
        ))}
        {more > 0 && <li>{t('moreErrors', { n: more })}</li>}
      </ul>
    </section>
  );
}

/** The report's style sheet, scoped to `.ht-report`: for a style element in the studio and the static file. */
export const REPORT_CSS = `
.ht-report { --ht-fg: #111827; --ht-muted: #4b5563; --ht-bg: #fff; --ht-line: #e5e7eb; --ht-track: #f3f4f6;
  --ht-human: #15803d; --ht-mixed: #b45309; --ht-scripted: #b91c1c; --ht-unknown: #6b7280;
  --ht-scripted-cat: #d97706; --ht-process: #7c3aed; --ht-anonymous: #2563eb; --ht-broadcast: #db2777;
  --ht-evasive: #0d9488; --ht-formal: #4b5563; --ht-unempathetic: #dc2626; --ht-privacy: #4d7c0f;
  color: var(--ht-fg); background: var(--ht-bg); font: 15px/1.5 system-ui, -apple-system, Segoe UI, Roboto, sans-serif;
  max-width: 1100px; margin: 0 auto; padding: 16px; box-sizing: border-box; }
.ht-report *, .ht-report *::before, .ht-report *::after { box-sizing: inherit; }
.ht-report h1, .ht-report .ht-title { font-size: 26px; margin: 0 0 4px; }
.ht-report h2 { font-size: 18px; margin: 0 0 8px; }
.ht-report .ht-source, .ht-report .ht-note, .ht-report .ht-where { color: var(--ht-muted); font-size: 13px; }
.ht-report .ht-source { margin: 0 0 16px; overflow-wrap: anywhere; }
.ht-report .ht-note { margin: 0 0 8px; }
.ht-report .ht-empty { color: var(--ht-muted); font-style: italic; }
.ht-report .ht-section { margin: 0 0 28px; break-inside: avoid-page; }
.ht-report .ht-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin: 0; }
.ht-report .ht-card { border: 1px solid var(--ht-line); border-radius: 8px; padding: 10px 12px; margin: 0; break-inside: avoid; }
.ht-report .ht-card dt { font-size: 13px; color: var(--ht-muted); }
.ht-report .ht-card dd { margin: 0; display: flex; flex-direction: column; }
.ht-report .ht-value { font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; }
.ht-report .ht-tone-human .ht-value { color: var(--ht-human); }
.ht-report .ht-tone-mixed .ht-value { color: var(--ht-mixed); }
.ht-report .ht-tone-scripted .ht-value { color: var(--ht-scripted); }
.ht-report .ht-tone-unknown .ht-value { color: var(--ht-unknown); }
.ht-report .ht-tone-error .ht-value { color: var(--ht-scripted); }
.ht-report .ht-charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 24px; }
.ht-report .ht-chart { display: block; max-width: 560px; height: auto; }
.ht-report .ht-bar-label, .ht-report .ht-bar-value { font-size: 15px; fill: var(--ht-fg); }
.ht-report .ht-bar-track { fill: var(--ht-track); }
.ht-report .ht-bar-fill { fill: var(--ht-muted); }
.ht-report .ht-v-human .ht-bar-fill { fill: var(--ht-human); }
.ht-report .ht-v-mixed .ht-bar-fill { fill: var(--ht-mixed); }
.ht-report .ht-v-scripted .ht-bar-fill { fill: var(--ht-scripted); }
.ht-report .ht-v-unknown .ht-bar-fill { fill: var(--ht-unknown); }
.ht-report .ht-c-scripted { --ht-cat: var(--ht-scripted-cat); }
.ht-report .ht-c-process { --ht-cat: var(--ht-process); }
.ht-report .ht-c-anonymous { --ht-cat: var(--ht-anonymous); }
.ht-report .ht-c-broadcast { --ht-cat: var(--ht-broadcast); }
.ht-report .ht-c-evasive { --ht-cat: var(--ht-evasive); }
.ht-report .ht-c-formal { --ht-cat: var(--ht-formal); }
.ht-report .ht-c-unempathetic { --ht-cat: var(--ht-unempathetic); }
.ht-report .ht-c-privacy { --ht-cat: var(--ht-privacy); }
.ht-report .ht-bar[class*=ht-c-] .ht-bar-fill { fill: var(--ht-cat); }
.ht-report .ht-scroll { overflow-x: auto; }
.ht-report .ht-table { border-collapse: collapse; width: 100%; font-size: 14px; }
.ht-report .ht-table th, .ht-report .ht-table td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--ht-line); }
.ht-report .ht-table thead th { font-size: 13px; color: var(--ht-muted); font-weight: 600; border-bottom-width: 2px; }
.ht-report .ht-table tr { break-inside: avoid; }
.ht-report .ht-table .ht-num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.ht-report code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: nowrap; }
.ht-report .ht-tag { display: inline-block; font-size: 12px; font-weight: 600; padding: 0 6px; border-radius: 999px;
  border: 1px solid var(--ht-cat, var(--ht-muted)); color: var(--ht-cat, var(--ht-muted)); white-space: nowrap; }
.ht-report .ht-sample, .ht-report .ht-rep, .ht-report .ht-reply, .ht-report .ht-context { overflow-wrap: anywhere; white-space: pre-wrap; }
.ht-report .ht-lines { font-size: 13px; color: var(--ht-muted); font-variant-numeric: tabular-nums; }
.ht-report .ht-worst { padding-left: 24px; margin: 0; }
.ht-report .ht-worst-item { margin: 0 0 16px; padding: 8px 0 8px 4px; border-bottom: 1px solid var(--ht-line); break-inside: avoid; }
.ht-report .ht-worst-head { display: flex; flex-wrap: wrap; gap: 10px; align-items: baseline; }
.ht-report .ht-score { font-weight: 700; font-variant-numeric: tabular-nums; }
.ht-report .ht-verdict { font-weight: 600; }
.ht-report .ht-score.ht-v-human, .ht-report .ht-verdict.ht-v-human { color: var(--ht-human); }
.ht-report .ht-score.ht-v-mixed, .ht-report .ht-verdict.ht-v-mixed { color: var(--ht-mixed); }
.ht-report .ht-score.ht-v-scripted, .ht-report .ht-verdict.ht-v-scripted { color: var(--ht-scripted); }
.ht-report .ht-reply { font-size: 16px; margin: 6px 0; }
.ht-report .ht-context { margin: 6px 0; color: var(--ht-muted); font-size: 14px; }
.ht-report .ht-context-label { font-weight: 600; }
.ht-report .ht-mark { background: transparent; color: inherit; text-decoration: underline wavy var(--ht-cat, currentColor);
  text-decoration-thickness: 1.5px; text-underline-offset: 3px; text-decoration-skip-ink: none; }
.ht-report .ht-mark.ht-s-problem { background: rgba(220, 38, 38, 0.10); }
.ht-report .ht-flags { margin: 4px 0 0; padding-left: 18px; font-size: 14px; }
.ht-report .ht-sev { font-size: 12px; color: var(--ht-muted); }
.ht-report .ht-try { color: var(--ht-human); }
.ht-report .ht-errors ul { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; padding-left: 18px; overflow-wrap: anywhere; }
.ht-report .ht-foot { margin-top: 32px; color: var(--ht-muted); font-size: 12px; }
@media (max-width: 560px) { .ht-report .ht-charts { grid-template-columns: 1fr; } }
@media print {
  .ht-report { max-width: none; padding: 0; font-size: 11pt; }
  .ht-report, .ht-report * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .ht-report .ht-card, .ht-report .ht-worst-item, .ht-report .ht-table tr, .ht-report .ht-chart-box { break-inside: avoid; }
  .ht-report h2 { break-after: avoid; }
  .ht-report .ht-scroll { overflow: visible; }
  .ht-report .ht-charts { grid-template-columns: 1fr 1fr; }
}
`;
