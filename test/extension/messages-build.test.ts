/**
 * The message catalogue's build (scripts/build-messages.ts): the real catalogue compiles to the
 * tables the code uses and to the browser's _locales; a broken one fails with every problem and its
 * line, and writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import * as coach from '../../src/i18n/coach.generated.js';

const root = new URL('../../', import.meta.url).pathname;
const real = readFileSync(join(root, 'messages/catalogue.yaml'), 'utf8');

function build(yaml: string) {
  const dir = mkdtempSync(join(tmpdir(), 'human-tone-messages-'));
  writeFileSync(join(dir, 'catalogue.yaml'), yaml);
  const res = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/build-messages.ts'), '--file', join(dir, 'catalogue.yaml'), '--out', join(dir, 'out'), '--locales', join(dir, 'locales')], { encoding: 'utf8' });
  return { ...res, dir };
}

describe('the message catalogue build', () => {
  test('the real catalogue compiles to the tables the code uses and to _locales in both languages', () => {
    const res = build(real);
    expect(res.status, res.stderr).toBe(0);
    expect(readFileSync(join(res.dir, 'out/coach.generated.ts'), 'utf8')).toBe(readFileSync(join(root, 'src/i18n/coach.generated.ts'), 'utf8'));
    const nl = JSON.parse(readFileSync(join(res.dir, 'locales/nl/messages.json'), 'utf8')) as Record<string, { message: string }>;
    expect(nl.menuCheck?.message).toMatch(/toon/i);
    expect(Object.keys(nl).sort()).toEqual(Object.keys(JSON.parse(readFileSync(join(res.dir, 'locales/en/messages.json'), 'utf8'))).sort());
    expect(coach.nl.close).not.toBe(coach.en.close);
  });

  test('a broken catalogue names every problem with its line, and writes nothing', () => {
    const broken = real
      .replace(/(\n  close:\n    en: Close\n)    nl: [^\n]*\n/, '$1')
      .replace(/(\n  badgeLabel:\n    en: [^\n]*\n    nl: )[^\n]*/, '$1"Human Tone: {oordeel}, score {score}."')
      .replace(/(\n  extName:\n    en: )[^\n]*/, '$1Human Tone, the coach that helps you sound like a person')
      .replace(/\n  retry:\n/, '\n  retry:\n    de: Nochmal\n');
    const res = build(broken + 'coach:\n  x:\n    en: a\n    nl: b\n');
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/line \d+: Map keys must be unique/);
    const fresh = build(broken);
    expect(fresh.status).toBe(1);
    expect(fresh.stderr).toMatch(/line \d+: coach\.close: no nl text/);
    expect(fresh.stderr).toMatch(/line \d+: coach\.badgeLabel: the \{placeholders\} differ: en has \{score,verdict\}, nl has \{oordeel,score\}/);
    expect(fresh.stderr).toMatch(/line \d+: manifest\.extName\.en: \d+ characters; the browsers' stores allow 45/);
    expect(fresh.stderr).toMatch(/line \d+: coach\.retry: unknown language "de"/);
    expect(fresh.stderr).toMatch(/^messages: 4 problem\(s\)/);
    expect(existsSync(join(fresh.dir, 'out'))).toBe(false);
    expect(existsSync(join(fresh.dir, 'locales'))).toBe(false);
  });
});
