/** The rule build refuses broken rules and says which file and what is wrong. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'human-tone-rules-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function buildWith(mutate: (dir: string) => void): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmp, 'case-'));
  cpSync(join(root, 'rules'), dir, { recursive: true });
  mutate(dir);
  const res = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/build-rules.ts'), '--rules-dir', dir, '--out', join(dir, 'out.ts')], {
    encoding: 'utf8',
  });
  return { status: res.status, output: res.stdout + res.stderr };
}

const appendRule = (dir: string, yaml: string) => {
  const file = join(dir, 'en/evasive.yaml');
  writeFileSync(file, readFileSync(file, 'utf8') + '\n' + yaml);
};

const GOOD = `- id: test-rule
  severity: hint
  patterns: ["we cannot say more"]
  message: m
  why: w
  suggestions: ["I can tell you this much"]
  examples: { match: ["we cannot say more"], pass: ["I can say more"] }
`;

describe('rule build', () => {
  test('the real rules build', () => {
    const { status, output } = buildWith(() => {});
    expect(output).toMatch(/rules en: \d+/);
    expect(status).toBe(0);
  });

  test.each([
    ['an unknown key', GOOD.replace('severity: hint', 'severity: hint\n  colour: red'), /evasive\.yaml.*colour/],
    ['an empty pattern', GOOD.replace('["we cannot say more"]', '[""]'), /evasive\.yaml.*(empty|pattern)/],
    ['a duplicate pattern', GOOD.replace('["we cannot say more"]', '["we cannot say more", "We cannot  say more"]'), /duplicate pattern/],
    ['no examples that must match', GOOD.replace('match: ["we cannot say more"]', 'match: []'), /must match/],
    ['no examples that must not match', GOOD.replace('pass: ["I can say more"]', 'pass: []'), /must not match/],
    ['a pattern that does not compile', GOOD.replace('["we cannot say more"]', '["we (cannot say more"]'), /missing "\)"/],
    ['an unknown check', GOOD.replace('patterns: ["we cannot say more"]', 'check: mind-reading'), /unknown check "mind-reading"/],
    ['an unknown slot', GOOD.replace('["I can tell you this much"]', '["Hi {nmae}"]'), /unknown slot \{nmae\}/],
    ['a bad severity', GOOD.replace('severity: hint', 'severity: fatal'), /severity/],
  ])('fails on %s, naming the file', (_name, yaml, message) => {
    const { status, output } = buildWith((dir) => appendRule(dir, yaml));
    expect(status).not.toBe(0);
    expect(output).toMatch(message);
  });

  test('fails on a duplicate id', () => {
    const { status, output } = buildWith((dir) => appendRule(dir, GOOD + '\n' + GOOD));
    expect(status).not.toBe(0);
    expect(output).toMatch(/id evasive\.test-rule is also used/);
  });

  test('fails on a file that is not a category', () => {
    const { status, output } = buildWith((dir) => writeFileSync(join(dir, 'en/misc.yaml'), GOOD));
    expect(status).not.toBe(0);
    expect(output).toMatch(/"misc" is not a category/);
  });


});
