/** human-tone report, run as a user runs it: node bin/human-tone.js report FILE -o report.html. */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/human-tone.js');
const fixtures = new URL('./fixtures/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'human-tone-report-'));

/** lib/ is older than the report's sources (or missing): build it, as `npm run build:lib` does. */
function libIsStale(): boolean {
  const cli = join(root, 'lib/cli.js');
  if (!existsSync(cli)) return true;
  const built = statSync(cli).mtimeMs;
  const sources = [...readdirSync(join(root, 'src/report')).map((f) => join(root, 'src/report', f)), ...readdirSync(join(root, 'src/cli')).map((f) => join(root, 'src/cli', f))];
  return sources.some((f) => statSync(f).mtimeMs > built);
}

beforeAll(() => {
  if (libIsStale()) execFileSync('npm', ['run', 'build:lib'], { cwd: root, stdio: 'ignore' });
});

function run(args: string[], input?: string) {
  const res = spawnSync(process.execPath, [bin, 'report', ...args], { input, encoding: 'utf8', cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

/** The number on a summary card ("Replies", "Human", ...). */
function card(html: string, label: string): string | undefined {
  return new RegExp(`<dt>${label}</dt><dd><span class="ht-value">([^<]*)</span>`).exec(html)?.[1];
}

function summaryCounts(out: string) {
  const m = /^(\d+) repl(?:y|ies): (\d+) human, (\d+) mixed, (\d+) scripted/.exec(out);
  if (!m) throw new Error(`no summary in: ${out}`);
  return { replies: m[1]!, human: m[2]!, mixed: m[3]!, scripted: m[4]! };
}

const TEMPLATE = 'We apologize for any inconvenience caused. Please send us a DM with your order number so we can look into this.';
const GOOD = [
  { id: 1, text: `@sam ${TEMPLATE} ^JD`, context: 'My order never arrived', author: 'Sam' },
  { id: 2, text: "Sorry Priya, that's on me: I sent you the wrong link. Here's the right one: https://example.com/help/returns ^JD", author: 'Priya' },
  { id: 3, text: `@ana ${TEMPLATE} ^KM`, context: 'Where is my parcel??' },
  { id: 4, text: 'Great news!!! Check out our deals 🎉🎉🎉 #BlackFriday #Deals https://shop.example.com - The Support Team' },
]
  .map((r) => JSON.stringify(r))
  .join('\n');

describe('human-tone report', () => {
  test('writes a self-contained HTML report with the counts; a summary on stdout; exit 0', () => {
    writeFileSync(join(dir, 'good.jsonl'), GOOD + '\n');
    const { code, out, err } = run(['good.jsonl', '-o', 'good.html']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const html = readFileSync(join(dir, 'good.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toMatch(/<script/i);
    const s = summaryCounts(out);
    expect(s.replies).toBe('4');
    expect(card(html, 'Replies')).toBe('4');
    expect(card(html, 'Human')).toBe(s.human);
    expect(card(html, 'Mixed')).toBe(s.mixed);
    expect(card(html, 'Scripted')).toBe(s.scripted);
    expect(Number(s.human) + Number(s.mixed) + Number(s.scripted)).toBe(4);
    expect(out).toMatch(/Top rules: [\w.-]+ \(\d+ repl(y|ies)\)/);
    expect(out).toContain('1 cluster of repeated text (2 replies)');
    expect(out).toContain(`Report written to good.html.`);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(html).toContain('<span class="ht-where">line 1');
  });

  test('a file with broken lines: exit 2, each line named on stderr, good lines still counted', () => {
    copyFileSync(join(fixtures, 'replies.csv'), join(dir, 'replies.csv'));
    const { code, out, err } = run(['replies.csv', '-o', 'broken.html']);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toEqual([
      'human-tone: replies.csv line 7: the text cell is empty',
      'human-tone: replies.csv line 9: 6 fields but the header has 5 (a "," inside an unquoted field? put the field in double quotes)',
    ]);
    expect(summaryCounts(out).replies).toBe('4');
    expect(out).toContain('2 lines could not be read and are left out.');
    const html = readFileSync(join(dir, 'broken.html'), 'utf8');
    expect(card(html, 'Replies')).toBe('4');
    expect(card(html, 'Lines not read')).toBe('2');
    expect(html).toContain('<li>line 7: the text cell is empty</li>');
    expect(html).toContain('Source: replies.csv (CSV)');
  });

  test('stdin with -, --lang nl, JSON Lines errors named against stdin', () => {
    const { code, out, err } = run(['-', '-o', 'stdin.html', '--lang', 'nl'], readFileSync(join(fixtures, 'replies.jsonl'), 'utf8'));
    expect(code).toBe(2);
    expect(err).toMatch(/^human-tone: stdin line 4: not valid JSON \(/m);
    expect(err).toContain('human-tone: stdin line 5: no text field (expected "text" or "reply")');
    expect(summaryCounts(out).replies).toBe('3');
    const html = readFileSync(join(dir, 'stdin.html'), 'utf8');
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<dt>Antwoorden</dt><dd><span class="ht-value">3</span>');
    expect(html).toContain('regel 4: not valid JSON');
  });

  test('a Dutch Excel export; the report is in Dutch when most replies are', () => {
    copyFileSync(join(fixtures, 'replies-nl.csv'), join(dir, 'antwoorden.csv'));
    const { code, out, err } = run(['antwoorden.csv', '-o', 'nl.html']);
    expect(code).toBe(2);
    expect(err).toBe('human-tone: antwoorden.csv line 8: the text cell is empty\n');
    expect(summaryCounts(out).replies).toBe('3');
    const html = readFileSync(join(dir, 'nl.html'), 'utf8');
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Teamrapport');
  });

  test('--format overrides the file name; -o - writes the HTML to stdout and the summary to stderr', () => {
    writeFileSync(join(dir, 'export.txt'), GOOD + '\n');
    const { code, out, err } = run(['export.txt', '--format', 'jsonl', '-o', '-']);
    expect(code).toBe(0);
    expect(out.startsWith('<!doctype html>')).toBe(true);
    expect(err).toMatch(/^4 replies: .*Report written to stdout\.\n$/);
  });

  test('a missing file or option: exit 2 with a clear message', () => {
    const missing = run(['nope.csv', '-o', 'nope.html']);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('human-tone: cannot read nope.csv: no such file\n');
    expect(existsSync(join(dir, 'nope.html'))).toBe(false);

    const noOutput = run(['good.jsonl']);
    expect(noOutput.code).toBe(2);
    expect(noOutput.err).toMatch(/report needs -o FILE/);

    const noFile = run(['-o', 'x.html']);
    expect(noFile.code).toBe(2);
    expect(noFile.err).toMatch(/report needs a file of replies/);

    const badLang = run(['good.jsonl', '-o', 'x.html', '--lang', 'fr']);
    expect(badLang.code).toBe(2);
    expect(badLang.err).toMatch(/--lang must be one of: en, nl/);
  });

  test('a file without a text column: the report says so, exit 2', () => {
    writeFileSync(join(dir, 'cols.csv'), 'id;kanaal;inhoud\n1;x;Hallo\n');
    const { code, err } = run(['cols.csv', '-o', 'cols.html']);
    expect(code).toBe(2);
    expect(err).toMatch(/^human-tone: cols\.csv line 1: no text column: the header row has the columns "id", "kanaal", "inhoud"/);
    expect(readFileSync(join(dir, 'cols.html'), 'utf8')).toContain('no text column');
  });

  test('--help', () => {
    const { code, out } = run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('human-tone report FILE -o report.html');
  });
});
