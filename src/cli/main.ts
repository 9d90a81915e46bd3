/** human-tone: the command line over the engine. */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { analyze, type AnalyzeOptions, type Category, type Result } from '../engine/index.js';
import { parseArgs, UsageError, type OptionSpec } from './args.js';
import { formatResult } from './format.js';
import { DEFAULT_FIELDS, runJsonl } from './jsonl.js';
import { GuideFileError, loadGuideFile, reportGuideError, withGuide } from './guide.js';

declare const __VERSION__: string | undefined;

const HELP = `human-tone: coach replies to sound like a person, not a call centre (English and Dutch).

Usage:
  human-tone check "reply text" [options]     analyse one reply (or pipe it on stdin)
  human-tone check --jsonl [file] [options]    JSON Lines in, one result line out per line
  human-tone report replies.jsonl|csv -o report.html
                                               a self-contained HTML report on many replies
  human-tone help [check|report]               this help, or a command's own

Every command takes -h or --help. "human-tone check --help" lists its options.
`;

const CHECK_HELP = `human-tone check: analyse a reply (or many, as JSON Lines).

Usage:
  human-tone check "reply text" [options]
  echo "reply text" | human-tone check [options]      (also: human-tone check - < reply.txt)
  human-tone check --jsonl [FILE|-] [options]

The reply is the arguments joined by spaces; without arguments, or with "-", it is read from stdin
until the end of the input (one trailing line break is dropped). Put -- before a reply that starts
with a dash: human-tone check -- "-h is not help here".

Options:
  --context TEXT        the message being answered
  --author NAME         the display name of the person being answered
  --lang en|nl|auto     the reply's language (default: auto; other languages are left alone)
  --json                print the full result as JSON
  --jsonl [FILE]        JSON Lines from FILE or stdin: {"text" or "reply", "context" or "customer",
                        "author"?, "lang"?, "id"?} (the same keys as human-tone report)
  --text-field NAME     with --jsonl: read the reply from this key instead
  --context-field NAME  with --jsonl: read the message answered from this key instead
  --fail-on scripted|mixed
                        exit 1 when any reply is that bad (mixed includes scripted)
  --strictness relaxed|normal|strict
  --disable IDS         comma-separated rule ids or categories to switch off
  --signature SIGN      your sign-off, used in suggestions (e.g. ^JD)
  --rules FILE          a team guide (JSON, the extension's format): its rules apply too, and its
                        settings where no option says otherwise
  --no-color            plain output (also when NO_COLOR is set or output is not a terminal)
  -h, --help            this help

Exit codes: 0 fine, 1 --fail-on was triggered, 2 bad input (a malformed JSON line, a bad option).
`;

const CHECK_SPEC: Record<string, OptionSpec> = {
  context: { value: true },
  author: { value: true },
  lang: { value: true, choices: ['en', 'nl', 'auto'] },
  json: { value: false },
  jsonl: { value: false },
  'fail-on': { value: true, choices: ['scripted', 'mixed'] },
  'text-field': { value: true },
  'context-field': { value: true },
  strictness: { value: true, choices: ['relaxed', 'normal', 'strict'] },
  disable: { value: true },
  signature: { value: true },
  rules: { value: true },
  'no-color': { value: false },
  color: { value: false },
  help: { value: false },
};

const CATEGORIES = new Set(['scripted', 'process', 'anonymous', 'broadcast', 'evasive', 'formal', 'unempathetic', 'privacy']);

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h') {
      process.stdout.write(HELP);
      return command ? 0 : 2;
    }
    if (command === 'help') {
      const topic = rest[0];
      if (topic === 'check') process.stdout.write(CHECK_HELP);
      else if (topic === 'report') process.stdout.write((await import('./report.js')).REPORT_HELP);
      else if (topic === undefined) process.stdout.write(HELP);
      else throw new UsageError(`no help on "${topic}" (commands: check, report)`);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      process.stdout.write(`${typeof __VERSION__ === 'string' ? __VERSION__ : 'dev'}\n`);
      return 0;
    }
    if (command === 'check') return await check(rest);
    if (command === 'report') {
      const { report } = await import('./report.js');
      return await report(rest);
    }
    throw new UsageError(`unknown command "${command}" (try: human-tone check "text")`);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`human-tone: ${e.message}\nRun "human-tone --help" for usage.\n`);
      return 2;
    }
    throw e;
  }
}

function baseOptions(o: Record<string, string | true>): AnalyzeOptions {
  const opts: AnalyzeOptions = {};
  if (typeof o.lang === 'string') opts.lang = o.lang as AnalyzeOptions['lang'];
  if (typeof o.context === 'string') opts.context = o.context;
  if (typeof o.author === 'string') opts.author = o.author;
  if (typeof o.strictness === 'string') opts.strictness = o.strictness as AnalyzeOptions['strictness'];
  if (typeof o.signature === 'string') opts.signature = o.signature;
  if (typeof o.disable === 'string') {
    const ids = o.disable.split(',').map((s) => s.trim()).filter(Boolean);
    opts.disabledCategories = ids.filter((id) => CATEGORIES.has(id)) as Category[];
    opts.disabledRules = ids.filter((id) => !CATEGORIES.has(id));
  }
  return opts;
}

function useColor(o: Record<string, string | true>): boolean {
  if (o['no-color'] || process.env.NO_COLOR) return false;
  if (o.color || process.env.FORCE_COLOR) return true;
  return !!process.stdout.isTTY;
}

function failed(verdicts: Record<Result['verdict'], number>, failOn: string | undefined): boolean {
  if (failOn === 'scripted') return verdicts.scripted > 0;
  if (failOn === 'mixed') return verdicts.scripted + verdicts.mixed > 0;
  return false;
}

async function check(argv: string[]): Promise<number> {
  const { positional, options } = parseArgs(argv, CHECK_SPEC);
  if (options.help) {
    process.stdout.write(CHECK_HELP);
    return 0;
  }
  let base = baseOptions(options);
  if (typeof options.rules === 'string') {
    try {
      base = withGuide(base, await loadGuideFile(options.rules), { strictness: 'strictness' in options, lang: 'lang' in options, disable: 'disable' in options });
    } catch (e) {
      if (e instanceof GuideFileError) return reportGuideError(e);
      throw e;
    }
  }
  const failOn = typeof options['fail-on'] === 'string' ? options['fail-on'] : undefined;

  if (options.jsonl) {
    if (positional.length > 1) throw new UsageError('--jsonl reads one file (or stdin)');
    const input = positional[0] && positional[0] !== '-' ? createReadStream(positional[0]) : process.stdin;
    const fields = {
      text: typeof options['text-field'] === 'string' ? [options['text-field']] : DEFAULT_FIELDS.text,
      context: typeof options['context-field'] === 'string' ? [options['context-field']] : DEFAULT_FIELDS.context,
    };
    const summary = await runJsonl(input, process.stdout, base, fields);
    if (summary.canned > 0) {
      process.stderr.write(`human-tone: ${summary.canned} of ${summary.lines} replies repeat a body sent earlier in this run (marked "canned")\n`);
    }
    if (summary.errors > 0) {
      process.stderr.write(`human-tone: ${summary.errors} of ${summary.lines} lines could not be read (see the "error" lines)\n`);
      return 2;
    }
    return failed(summary.verdicts, failOn) ? 1 : 0;
  }

  let text: string;
  if (positional.length > 0 && !(positional.length === 1 && positional[0] === '-')) text = positional.join(' ');
  else if (!process.stdin.isTTY || positional[0] === '-') text = (await readAll(process.stdin)).replace(/\r?\n$/, '');
  else throw new UsageError('give the reply as an argument or on stdin (human-tone check --help)');

  const result = analyze(text, base);
  if (options.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else process.stdout.write(formatResult(text, result, { color: useColor(options) }) + '\n');
  const verdicts = { human: 0, mixed: 0, scripted: 0, unknown: 0 };
  verdicts[result.verdict]++;
  return failed(verdicts, failOn) ? 1 : 0;
}

/**
 * All of a stream, as text. Read as a stream (not readFileSync(0)): a pipe whose producer is slow, or
 * that another process left non-blocking, makes a synchronous read fail with EAGAIN.
 */
export async function readAll(input: Readable): Promise<string> {
  input.setEncoding('utf8');
  let text = '';
  for await (const chunk of input as AsyncIterable<string>) text += chunk;
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
