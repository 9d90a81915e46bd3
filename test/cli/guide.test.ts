/** `human-tone check --rules FILE` and `human-tone report --rules FILE`: the extension's guide file on the command line. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/human-tone.js');
const guide = join(root, 'docs/examples/team-guide.json');
const dir = mkdtempSync(join(tmpdir(), 'human-tone-guide-'));

/** lib/ is older than the sources the guide option uses (or missing): build it, as `npm run build:lib` does. */
function libIsStale(): boolean {
  const cli = join(root, 'lib/cli.js');
  if (!existsSync(cli)) return true;
  const built = statSync(cli).mtimeMs;
  const sources = ['src/cli/guide.ts', 'src/cli/main.ts', 'src/cli/report.ts', 'src/shared/guide.ts', 'src/shared/json-lines.ts', 'src/engine/schema.ts'];
  return sources.some((f) => statSync(join(root, f)).mtimeMs > built);
}

beforeAll(() => {
  if (libIsStale()) execFileSync('npm', ['run', 'build:lib'], { cwd: root, stdio: 'ignore' });
});

function run(args: string[], input?: string) {
  const res = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd: dir, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

const EN = 'We are sorry your journey experience was not as expected.';
const NL = 'Het spijt ons dat uw reisbeleving niet naar wens was.';

const broken = `{
  "name": "Broken",
  "rules": [
    {
      "id": "scripted.broken-one",
      "lang": "en",
      "category": "scripted",
      "severity": "urgent",
      "patterns": ["valued customer"],
      "message": "m",
      "why": "w",
      "suggestions": ["customer"]
    }
  ]
}
`;

describe('check --rules', () => {
  test("applies the guide's rules, in English and Dutch", () => {
    const without = JSON.parse(run(['check', '--json', EN]).out) as { flags: { rule: string }[] };
    expect(without.flags.map((f) => f.rule)).not.toContain('scripted.northwind-journey-experience');
    const en = JSON.parse(run(['check', '--json', '--rules', guide, EN]).out) as { flags: { rule: string; message: string }[] };
    expect(en.flags.find((f) => f.rule === 'scripted.northwind-journey-experience')?.message).toMatch(/brochure/);
    const nl = run(['check', '--rules', guide, NL]);
    expect(nl.code).toBe(0);
    expect(nl.out).toContain('folder-taal');
  });

  test('with --jsonl too', () => {
    const out = run(['check', '--jsonl', '--rules', guide], JSON.stringify({ text: EN }) + '\n').out.trim();
    expect((JSON.parse(out) as { flags: { rule: string }[] }).flags.map((f) => f.rule)).toContain('scripted.northwind-journey-experience');
  });

  test('a broken guide: each problem with its field and line on stderr, exit code 2, nothing analysed', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, broken);
    const res = run(['check', '--rules', file, EN]);
    expect(res.code).toBe(2);
    expect(res.out).toBe('');
    expect(res.err).toMatch(/human-tone: .*broken\.json line 8: rules › #1 › severity: .*"urgent"/);
    const syntax = join(dir, 'syntax.json');
    writeFileSync(syntax, '{\n  "name": "x"\n  "rules": []\n}\n');
    expect(run(['check', '--rules', syntax, EN]).err).toMatch(/syntax\.json line 3, column 3: not valid JSON: expected "," or "}"/);
    expect(run(['check', '--rules', join(dir, 'missing.json'), EN]).err).toMatch(/cannot read .*missing\.json: no such file/);
  });

  test("the guide's settings apply unless an option says otherwise", () => {
    const file = join(dir, 'strict.json');
    const g = JSON.parse(readFileSync(guide, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...g, settings: { disabledCategories: ['scripted'] } }));
    const off = JSON.parse(run(['check', '--json', '--rules', file, EN]).out) as { flags: { category: string }[] };
    expect(off.flags.some((f) => f.category === 'scripted')).toBe(false);
    const on = JSON.parse(run(['check', '--json', '--rules', file, '--disable', 'broadcast', EN]).out) as { flags: { rule: string }[] };
    expect(on.flags.map((f) => f.rule)).toContain('scripted.northwind-journey-experience');
  });
});

describe('report --rules', () => {
  test("counts the guide's rules in the report; a broken guide stops it with field and line", () => {
    const replies = join(dir, 'replies.jsonl');
    writeFileSync(replies, [EN, NL, 'Thanks Sam, your refund for the 8:14 went out today. ^JD'].map((text) => JSON.stringify({ text })).join('\n') + '\n');
    const res = run(['report', replies, '-o', 'report.html', '--rules', guide]);
    expect(res.code, res.err).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('scripted.northwind-journey-experience');
    expect(html).toContain('scripted.northwind-reisbeleving');
    const file = join(dir, 'broken.json');
    writeFileSync(file, broken);
    const bad = run(['report', replies, '-o', 'bad.html', '--rules', file]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/broken\.json line 8: rules › #1 › severity/);
  });
});
