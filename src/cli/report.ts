/**
 * human-tone report FILE -o report.html: analyses every reply in a CSV or JSON Lines file (or stdin)
 * and writes the team report as one self-contained HTML file, with a short summary on stdout and
 * each line that could not be read on stderr. The file is read as a stream: rows are analysed as
 * they arrive.
 */
import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { analyze, type AnalyzeOptions, type Category } from '../engine/index.js';
import { CATEGORIES } from '../engine/types.js';
import { ReportBuilder, rowOptions, type ReportData } from '../report/aggregate.js';
import { renderReportHtml } from '../report/html.js';
import { formatLineError, ReplyParser, type LineError, type ReplyFormat, type ReplyRow } from '../report/parse.js';
import { parseArgs, UsageError, type OptionSpec } from './args.js';
import { GuideFileError, loadGuideFile, reportGuideError, withGuide } from './guide.js';

export const REPORT_HELP = `human-tone report: a team report on many replies, as one self-contained HTML file.

Usage:
  human-tone report FILE -o report.html [options]
  human-tone report - -o report.html < replies.csv

FILE is CSV (a header row; "," ";" or tab; the replies in a column named text, reply, message,
antwoord, bericht, tekst, body or content; optional context/customer/klant/vraag, author/name/naam,
id and date columns) or JSON Lines ({"text" or "reply", "context" or "customer", "author", "id", "date"}).

Options:
  -o, --output FILE     where to write the HTML report (required; "-" for stdout)
  --lang en|nl          the report's language (default: the language most replies are in)
  --format csv|jsonl    the input format (default: from the file name, else from its content)
  --title TEXT          the report's heading
  --strictness relaxed|normal|strict
  --disable IDS         comma-separated rule ids or categories to switch off
  --rules FILE          a team guide (JSON, the extension's format): its rules apply too, and its
                        settings where no option says otherwise
  -h, --help            this help

Exit codes: 0 fine, 2 some lines could not be read (the report is still written, without them),
or bad usage.
`;

const SPEC: Record<string, OptionSpec> = {
  output: { value: true },
  lang: { value: true, choices: ['en', 'nl'] },
  format: { value: true, choices: ['csv', 'jsonl'] },
  title: { value: true },
  strictness: { value: true, choices: ['relaxed', 'normal', 'strict'] },
  disable: { value: true },
  rules: { value: true },
  help: { value: false },
};

/** `-o FILE`, `-oFILE` and `-h` as the long options the shared parser knows. */
function expandShort(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (a === '-o') out.push('--output');
    else if (a.startsWith('-o') && !a.startsWith('--')) out.push(`--output=${a.slice(2)}`);
    else if (a === '-h') out.push('--help');
    else out.push(a);
  }
  return out;
}

function analyzeBase(o: Record<string, string | true>): AnalyzeOptions {
  const opts: AnalyzeOptions = {};
  if (typeof o.strictness === 'string') opts.strictness = o.strictness as AnalyzeOptions['strictness'];
  if (typeof o.disable === 'string') {
    const ids = o.disable.split(',').map((s) => s.trim()).filter(Boolean);
    const cats = new Set<string>(CATEGORIES);
    opts.disabledCategories = ids.filter((id) => cats.has(id)) as Category[];
    opts.disabledRules = ids.filter((id) => !cats.has(id));
  }
  return opts;
}

export interface ReportRun {
  data: ReportData;
  errors: LineError[];
}

/** Streams `input` through the parser, the engine and the report builder. */
export async function reportFromStream(input: Readable, options: { name?: string; format?: ReplyFormat; analyze?: AnalyzeOptions; onError?: (e: LineError) => void } = {}): Promise<ReportRun> {
  const parser = new ReplyParser({ name: options.name, format: options.format });
  const errors: LineError[] = [];
  const builder = new ReportBuilder();
  const take = (out: { rows: ReplyRow[]; errors: LineError[] }) => {
    for (const row of out.rows) builder.add(row, analyze(row.text, rowOptions(row, options.analyze)));
    for (const e of out.errors) {
      errors.push(e);
      options.onError?.(e);
    }
    builder.addErrors(out.errors);
  };
  input.setEncoding('utf8');
  for await (const chunk of input) take(parser.push(chunk as string));
  take(parser.end());
  const data = builder.finish();
  if (parser.format) data.format = parser.format;
  return { data, errors };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The one-paragraph summary printed on stdout. */
export function summaryText(data: ReportData, output: string): string {
  const t = data.totals;
  const v = t.byVerdict;
  const parts = [`${v.human} human, ${v.mixed} mixed, ${v.scripted} scripted`];
  if (v.unknown > 0) parts.push(`${v.unknown} not English or Dutch`);
  let s = `${plural(t.replies, 'reply', 'replies')}: ${parts.join(', ')}`;
  if (t.meanScore !== null) s += ` (mean score ${t.meanScore}, median ${t.medianScore})`;
  s += '. ';
  const top = data.topRules.slice(0, 3).map((r) => `${r.rule} (${plural(r.count, 'reply', 'replies')})`);
  s += top.length > 0 ? `Top rules: ${top.join(', ')}. ` : 'No rule fired. ';
  s +=
    t.duplicateClusters > 0
      ? `${plural(t.duplicateClusters, 'cluster')} of repeated text (${plural(t.duplicateReplies, 'reply', 'replies')}). `
      : 'No repeated text. ';
  if (t.errors > 0) s += `${t.errors === 1 ? '1 line' : `${t.errors} lines`} could not be read and ${t.errors === 1 ? 'is' : 'are'} left out. `;
  s += output === '-' ? 'Report written to stdout.' : `Report written to ${output}.`;
  return s;
}

export async function report(argv: string[]): Promise<number> {
  const { positional, options } = parseArgs(expandShort(argv), SPEC);
  if (options.help) {
    process.stdout.write(REPORT_HELP);
    return 0;
  }
  if (positional.length === 0) throw new UsageError('report needs a file of replies (CSV or JSON Lines), or - for stdin: human-tone report replies.csv -o report.html');
  if (positional.length > 1) throw new UsageError(`report reads one file (got ${positional.length}: ${positional.join(' ')})`);
  const output = options.output;
  let analyzeOptions = analyzeBase(options);
  if (typeof options.rules === 'string') {
    try {
      analyzeOptions = withGuide(analyzeOptions, await loadGuideFile(options.rules), { strictness: 'strictness' in options, lang: true, disable: 'disable' in options });
    } catch (e) {
      if (e instanceof GuideFileError) return reportGuideError(e);
      throw e;
    }
  }
  if (typeof output !== 'string' || output === '') throw new UsageError('report needs -o FILE: where to write the HTML report (for example -o report.html)');
  const file = positional[0]!;
  const fromStdin = file === '-';
  const shownName = fromStdin ? 'stdin' : file;

  let input: Readable;
  if (fromStdin) input = process.stdin;
  else {
    try {
      const s = await stat(file);
      if (s.isDirectory()) {
        process.stderr.write(`human-tone: ${file} is a directory, not a file of replies\n`);
        return 2;
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      process.stderr.write(`human-tone: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
      return 2;
    }
    input = createReadStream(file);
  }

  const { data } = await reportFromStream(input, {
    name: fromStdin ? undefined : file,
    format: typeof options.format === 'string' ? (options.format as ReplyFormat) : undefined,
    analyze: analyzeOptions,
    onError: (e) => process.stderr.write(`human-tone: ${shownName} ${formatLineError(e)}\n`),
  });

  const lang = typeof options.lang === 'string' ? (options.lang as 'en' | 'nl') : data.totals.byLang.nl > data.totals.byLang.en ? 'nl' : 'en';
  const html = renderReportHtml(data, {
    lang,
    title: typeof options.title === 'string' ? options.title : undefined,
    source: fromStdin ? undefined : basename(file),
  });
  if (output === '-') process.stdout.write(html);
  else {
    try {
      await writeFile(output, html, 'utf8');
    } catch (e) {
      process.stderr.write(`human-tone: cannot write ${output}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  const summary = summaryText(data, output) + '\n';
  if (output === '-') process.stderr.write(summary);
  else process.stdout.write(summary);
  return data.totals.errors > 0 ? 2 : 0;
}
