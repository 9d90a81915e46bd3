/** The command line, run as a user runs it: node bin/human-tone.js. */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../src/engine/index.js';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/human-tone.js');

beforeAll(() => {
  if (!existsSync(join(root, 'lib/cli.js'))) execFileSync('npm', ['run', 'build:lib'], { cwd: root, stdio: 'ignore' });
});

function analyzeVerdict(text: string): string {
  return analyze(text).verdict;
}

function run(args: string[], input?: string, env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env } });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

// Scripted by the whole-reply checks alone, whatever the phrase rules say.
const SCRIPTED = 'Great news!!! Check out our deals 🎉🎉🎉 #BlackFriday #Deals https://shop.example.com - The Support Team';
const HUMAN = "Sorry Mark, that's on me: I sent you the wrong link. Here's the right one: https://example.com/help/returns ^JD";

describe('human-tone check', () => {
  test('marks the flagged spans and lists the suggestions', () => {
    const { code, out } = run(['check', 'We will get back to you about this tomorrow.']);
    expect(code).toBe(0);
    expect(out).toMatch(/MIXED|SCRIPTED/);
    expect(out).toContain('[[We]]¹');
    expect(out).toMatch(/try: "I"/);
    expect(out).toMatch(/why: /);
    expect(out).toMatch(/How the score was reached: Starting point \d+, .* = \d+/);
  });

  test('says what the reply left out, in the customer\'s words, in English and Dutch', () => {
    const en = run(['check', '--context', 'My order 5512 never arrived. Will it come before Friday?', 'Thanks for reaching out! We are happy to help.']).out;
    expect(en).toContain('With their message: nothing specific to it');
    expect(en).toContain('They asked “Will it come before Friday?”: answer that.');
    const nl = run(['check', '--context', 'Al twee dagen geen tv meer, dit is de derde keer!', 'Bedankt voor je bericht! We helpen je graag verder.']).out;
    expect(nl).toContain('Wat het antwoord laat liggen:');
    expect(nl).toMatch(/Ze schrijven “[^”]*derde keer[^”]*”: erken dat eerst\./);
    const alone = run(['check', 'Thanks for reaching out! We are happy to help.']).out;
    expect(alone).toContain('no message given, so not compared');
  });

  test('colours on a terminal, plain otherwise', () => {
    expect(run(['check', 'We will look into this.'], undefined, { FORCE_COLOR: '1' }).out).toMatch(/\x1b\[4;\d+m/);
    expect(run(['check', 'We will look into this.', '--no-color'], undefined, { FORCE_COLOR: '1' }).out).not.toMatch(/\x1b\[/);
  });

  test('reads the reply from stdin', () => {
    const { code, out } = run(['check', '--json'], HUMAN + '\n');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ lang: 'en', verdict: 'human', flags: [] });
  });

  test('--json prints the whole result; --context and --author are used', () => {
    const { out } = run(['check', '--json', '--context', 'Still no parcel after two weeks, ridiculous', '--author', 'Priya', 'The parcel is with the courier.']);
    const r = JSON.parse(out);
    const distress = r.flags.find((f: { rule: string }) => f.rule === 'unempathetic.unacknowledged-distress');
    expect(distress.suggestions[0]).toBe('That sounds really frustrating, Priya. The parcel is with the courier.');
    expect(r.explanation.steps.length).toBeGreaterThan(0);
  });

  test('--lang forces the language; another language is left alone', () => {
    expect(JSON.parse(run(['check', '--json', 'Lo sentimos mucho, escríbenos por DM.']).out)).toMatchObject({ lang: 'other', verdict: 'unknown', flags: [] });
    expect(JSON.parse(run(['check', '--json', '--lang', 'nl', 'ok']).out).lang).toBe('nl');
  });

  test('--fail-on sets exit code 1', () => {
    expect(run(['check', '--fail-on', 'scripted', SCRIPTED]).code).toBe(1);
    expect(run(['check', '--fail-on', 'scripted', HUMAN]).code).toBe(0);
    expect(run(['check', '--fail-on', 'mixed', 'We will look into this and get back to you.']).code).toBe(1);
  });

  test('bad options get a clear message and exit 2', () => {
    const r = run(['check', '--fail-on', 'awful', 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--fail-on must be one of: scripted, mixed/);
    expect(run(['check', '--frobnicate', 'x']).err).toMatch(/unknown option --frobnicate/);
    expect(run(['nonsense']).code).toBe(2);
  });

  test('--disable switches off rules and categories', () => {
    const text = 'We will look into this and get back to you.';
    const all = JSON.parse(run(['check', '--json', text]).out);
    expect(all.flags.some((f: { category: string }) => f.category === 'anonymous')).toBe(true);
    const off = JSON.parse(run(['check', '--json', '--disable', 'anonymous', text]).out);
    expect(off.flags.some((f: { category: string }) => f.category === 'anonymous')).toBe(false);
  });
});

describe('stdin, read the way Unix tools read it', () => {
  const SHELL_TEXT = 'We apologize for any inconvenience.';
  const sh = (script: string) => {
    const res = spawnSync('sh', ['-c', script], { encoding: 'utf8', env: { ...process.env, NODE: process.execPath, BIN: bin, NO_COLOR: '1' } });
    return { code: res.status, out: res.stdout, err: res.stderr };
  };

  test('a slow producer in a shell pipe: the reply arrives after a pause (was EAGAIN)', () => {
    const r = sh(`(sleep 1; echo "${SHELL_TEXT}") | "$NODE" "$BIN" check --json`);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ lang: 'en', verdict: analyzeVerdict(SHELL_TEXT) });
  });

  test('a reply written in pieces, with pauses between them, is read whole', async () => {
    const child = spawn(process.execPath, [bin, 'check', '--json'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const closed = new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    for (const piece of ['We apologize ', 'for any ', 'inconvenience.\n']) {
      child.stdin.write(piece);
      await new Promise((r) => setTimeout(r, 150));
    }
    child.stdin.end();
    expect(await closed).toBe(0);
    const result = JSON.parse(out);
    expect(result.flags.map((f: { text: string }) => f.text)).toContain('We apologize for any inconvenience');
  });

  test('a pipe closed at once, or /dev/null, is an empty reply: nothing to coach, exit 0', () => {
    for (const script of ['true | "$NODE" "$BIN" check --json', '"$NODE" "$BIN" check --json < /dev/null', '"$NODE" "$BIN" check --json <&-']) {
      const r = sh(script);
      expect(r.err, script).toBe('');
      expect(r.code, script).toBe(0);
      expect(JSON.parse(r.out), script).toMatchObject({ verdict: 'unknown', flags: [] });
    }
  });

  test('"-" reads the reply from stdin, also with other arguments around it', () => {
    const r = run(['check', '--json', '-', '--lang', 'nl'], 'Wij gaan dit voor u uitzoeken.\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ lang: 'nl' });
    expect(JSON.parse(r.out).flags.length).toBeGreaterThan(0);
    const jsonl = run(['check', '--jsonl', '-'], JSON.stringify({ text: HUMAN }) + '\n');
    expect(JSON.parse(jsonl.out)).toMatchObject({ verdict: 'human' });
  });

  test('only one trailing line break is dropped; a byte-order mark is not part of the reply', () => {
    const r = JSON.parse(run(['check', '--json'], '\ufeffWe will look into this.\n').out);
    const direct = JSON.parse(run(['check', '--json', 'We will look into this.']).out);
    expect(r).toEqual(direct);
  });
});

describe('-h and --help on every command', () => {
  test.each([
    [['--help'], /^human-tone: coach replies/],
    [['-h'], /^human-tone: coach replies/],
    [['help'], /^human-tone: coach replies/],
    [['check', '-h'], /^human-tone check: analyse a reply/],
    [['check', '--help'], /^human-tone check: analyse a reply/],
    [['check', '--jsonl', 'no-such-file.jsonl', '-h'], /^human-tone check: analyse a reply/],
    [['help', 'check'], /^human-tone check: analyse a reply/],
    [['report', '-h'], /^human-tone report: a team report/],
    [['report', '--help'], /^human-tone report: a team report/],
    [['help', 'report'], /^human-tone report: a team report/],
  ])('%j prints help and exits 0', (args, first) => {
    // stdin is a pipe with text waiting: help must not read it.
    const r = run(args, 'We apologize for any inconvenience.\n');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(first);
    expect(r.out).toMatch(/-h, --help|-h or --help/);
  });

  test('after --, "-h" is the reply', () => {
    const r = JSON.parse(run(['check', '--json', '--', '-h']).out);
    expect(r.verdict).toBe('unknown');
    expect(run(['check', '--', '-h']).out).not.toMatch(/Usage/);
  });

  test('help on an unknown topic is a usage error', () => {
    const r = run(['help', 'nonsense']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no help on "nonsense"/);
  });
});

describe('human-tone check --jsonl', () => {
  test('a body sent again to other customers is marked canned, with the count so far and where it was first', () => {
    const template = (name: string) => `Hallo ${name}, kan je mij je klantnummer in privé doorsturen? Dan kijk ik het even na. Groetjes, ^^TV`;
    const lines = [
      { text: template('Greet'), context: 'Al twee dagen geen tv' },
      { text: 'Your parcel left Leeds this morning and arrives tomorrow before noon. ^JD', context: 'Where is my parcel?' },
      { text: template('Peter'), context: 'Mijn factuur klopt niet' },
      { text: template('Ines'), context: 'Geen internet sinds gisteren' },
    ];
    const { code, out, err } = run(['check', '--jsonl'], lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    expect(code).toBe(0);
    const results = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(results.map((r) => r.canned ?? null)).toEqual([null, null, { count: 2, firstLine: 1 }, { count: 3, firstLine: 1 }]);
    expect(err).toContain('2 of 4 replies repeat a body sent earlier');
  });

  test('reads the same keys as human-tone report: "text" or "reply", "context" or "customer"', () => {
    const context = 'Still no parcel after two weeks, ridiculous';
    const reply = 'The parcel is with the courier.';
    const variants = [
      { text: reply, context },
      { reply, context },
      { text: reply, customer: context },
      { reply, customer: context },
    ];
    const { code, out } = run(['check', '--jsonl'], variants.map((v) => JSON.stringify(v)).join('\n') + '\n');
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    const withContext = JSON.parse(run(['check', '--json', '--context', context, reply]).out);
    // The same reply four times: from the second on it is marked canned; the rest is the same result.
    for (const { canned: _canned, ...line } of lines) expect(line).toEqual(withContext);
    expect(lines.map((l) => l.canned?.count ?? 1)).toEqual([1, 2, 3, 4]);
    expect(withContext.flags.some((f: { rule: string }) => f.rule === 'unempathetic.unacknowledged-distress')).toBe(true);

    // The report counts the same verdicts from the same lines.
    const dir = mkdtempSync(join(tmpdir(), 'human-tone-cli-'));
    const html = join(dir, 'r.html');
    const rep = spawnSync(process.execPath, [bin, 'report', '-', '-o', html], { input: variants.map((v) => JSON.stringify(v)).join('\n'), encoding: 'utf8' });
    expect(rep.status).toBe(0);
    expect(rep.stdout).toMatch(new RegExp(`^4 replies: ${withContext.verdict === 'human' ? 4 : 0} human, ${withContext.verdict === 'mixed' ? 4 : 0} mixed, ${withContext.verdict === 'scripted' ? 4 : 0} scripted`));
  });

  test('a key of the wrong type is named', () => {
    const { out } = run(['check', '--jsonl'], [JSON.stringify({ reply: 42 }), JSON.stringify({ text: 'ok', customer: 1 })].join('\n'));
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].error).toBe('line 1: "reply" must be a string');
    expect(lines[1].error).toBe('line 2: "customer" must be a string');
  });

  test('one result line per input line, in order; malformed lines become error lines and exit 2', () => {
    const input = [
      JSON.stringify({ text: HUMAN }),
      '{"text": "broken',
      JSON.stringify({ text: SCRIPTED, id: 7 }),
      JSON.stringify({ message: 'no text field' }),
      '',
      JSON.stringify({ text: 'Wij gaan dit voor u uitzoeken.', lang: 'nl' }),
      JSON.stringify({ text: 'x', lang: 'fr' }),
    ].join('\n');
    const { code, out, err } = run(['check', '--jsonl'], input + '\n');
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatchObject({ verdict: 'human' });
    expect(lines[1].error).toMatch(/^line 2: not valid JSON/);
    expect(lines[2]).toMatchObject({ id: 7, lang: 'en' });
    expect(lines[2].verdict).not.toBe('human');
    expect(lines[3].error).toBe('line 4: no text field (expected "text" or "reply")');
    expect(lines[4].error).toMatch(/^line 5: empty line/);
    expect(lines[5]).toMatchObject({ lang: 'nl' });
    expect(lines[6].error).toMatch(/^line 7: "lang" must be/);
    expect(code).toBe(2);
    expect(err).toMatch(/4 of 7 lines could not be read/);
  });

  test('reads a file and other field names; --fail-on applies to the batch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'human-tone-cli-'));
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, [JSON.stringify({ reply: HUMAN }), JSON.stringify({ reply: SCRIPTED })].join('\n'));
    const r = run(['check', '--jsonl', file, '--text-field', 'reply', '--fail-on', 'scripted']);
    expect(r.out.trim().split('\n')).toHaveLength(2);
    expect(r.code).toBe(1);
  });

  test('every result line comes out whole and in order: one longer than the output buffer, accents and emoji', () => {
    const long = `${'ü'.repeat(200_000)}🎉`;
    const input = [
      JSON.stringify({ text: HUMAN, id: 'a' }),
      JSON.stringify({ text: HUMAN, id: long }),
      JSON.stringify({ text: 'Wij gaan dit voor u uitzoeken. Groetjes, Anouk 😊', id: 'é' }),
      JSON.stringify({ text: HUMAN, id: 3 }),
    ].join('\n');
    const { code, out } = run(['check', '--jsonl'], input);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', long, 'é', 3]);
    expect(lines[2]).toMatchObject({ lang: 'nl' });
    expect(code).toBe(0);
  });

  test('streams: the first result comes out before the input ends', async () => {
    const child = spawn(process.execPath, [bin, 'check', '--jsonl'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const firstLine = new Promise<string>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
    });
    // 70 KB of input in, then wait: the output buffer flushes at 64 KB, so results arrive while stdin is still open.
    const line = JSON.stringify({ text: HUMAN }) + '\n';
    child.stdin.write(line.repeat(Math.ceil(70_000 / line.length)));
    const first = await firstLine;
    expect(JSON.parse(first)).toMatchObject({ verdict: 'human' });
    expect(child.exitCode).toBeNull();
    child.stdin.end();
    await new Promise((r) => child.on('close', r));
  });

  test('a reader that stops early (| head) ends the run quietly, without a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'human-tone-cli-'));
    const file = join(dir, 'many.jsonl');
    writeFileSync(file, (JSON.stringify({ text: SCRIPTED }) + '\n').repeat(3000));
    const child = spawn(process.execPath, [bin, 'check', '--jsonl', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // Read the first chunk, then close the pipe while results are still being written.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    expect(err).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
  });
});
