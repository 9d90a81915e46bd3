/**
 * No pathological regular expressions, measured by counting work, never by the clock (CI runs on a
 * loaded two-core machine; timings live in `npm run bench`).
 *
 * Every regular expression the engine runs goes through `RegExp.prototype.exec` (test, replace,
 * split and match call it too once it is replaced), so wrapping it counts the characters each call
 * scans: from where the search starts to the end of the match, or to the end of the input when
 * nothing matched. Re-scanning the text once per word, the usual way to quadratic time, shows up as
 * work that grows with the square of the input. Backtracking inside one call is not counted; the
 * pattern language bounds it (a gap is at most three words), and `npm run bench` times the same
 * inputs.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyze } from '../../src/engine/index.js';
import { ADVERSARIAL, ADVERSARIAL_SIZE as SIZE } from './adversarial.js';

const nativeExec = RegExp.prototype.exec;
let visited = 0;

function countingExec(this: RegExp, input: string): RegExpExecArray | null {
  const s = String(input);
  const from = this.global || this.sticky ? this.lastIndex : 0;
  const m = nativeExec.call(this, s);
  if (m) visited += Math.max(1, m.index + m[0].length - from);
  else visited += this.sticky ? 1 : Math.max(1, s.length - from);
  return m;
}

function work(fn: () => void): number {
  visited = 0;
  fn();
  return visited;
}

describe('adversarial input: work grows linearly with the input', () => {
  beforeAll(() => {
    analyze('warm up the packs');
    analyze('warm up the packs', { lang: 'nl' });
    RegExp.prototype.exec = countingExec;
  });
  afterAll(() => {
    RegExp.prototype.exec = nativeExec;
  });

  test('the counter sees the engine scan its input', () => {
    const text = 'We apologize for any inconvenience. Please DM us.';
    const w = work(() => analyze(text, { lang: 'en' }));
    expect(w).toBeGreaterThanOrEqual(text.length);
  });

  test('the counter would see quadratic scanning', () => {
    const quadratic = (t: string) => {
      for (let i = 0; i < t.length; i += 10) /x$/.exec(t.slice(i));
    };
    const small = work(() => quadratic('a'.repeat(SIZE / 10)));
    const large = work(() => quadratic('a'.repeat(SIZE)));
    expect(large / small).toBeGreaterThan(50);
  });

  test.each(Object.keys(ADVERSARIAL))('%s: 100 KB costs about ten times 10 KB, and a bounded amount per character, in both languages', (name) => {
    const make = ADVERSARIAL[name]!;
    for (const lang of ['en', 'nl'] as const) {
      const small = make(SIZE / 10);
      const large = make(SIZE);
      const wSmall = work(() => analyze(small, { lang, context: small.slice(0, 2000) }));
      const wLarge = work(() => analyze(large, { lang, context: large.slice(0, 2000) }));
      const label = `${name} (${lang}): 10 KB scanned ${wSmall} characters, 100 KB ${wLarge}`;
      // Linear: ten times the input, about ten times the work. Quadratic would be a hundred times.
      expect(wLarge, label).toBeLessThan(wSmall * 15 + 10_000);
      // A handful of passes over the text, not one per word.
      expect(wLarge / SIZE, label).toBeLessThan(40);
    }
  });
});
