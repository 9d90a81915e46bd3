/**
 * No pathological regular expressions: 100 KB adversarial inputs are each analysed in under 50 ms
 * (the bound; real cases are far below it), and time grows linearly with the input.
 */
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/engine/index.js';

const SIZE = 100_000;
const fill = (unit: string, size = SIZE) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const adversarial: Record<string, (size: number) => string> = {
  'runs of spaces': (n) => 'we' + ' '.repeat(n - 4) + 'us',
  'runs of spaces between words': (n) => fill('please      dm ', n),
  'repeated words': (n) => fill('we ', n),
  'repeated phrase starts': (n) => fill('we apologize for any ', n),
  'repeated Dutch phrase starts': (n) => fill('excuses voor het ', n),
  'one long word': (n) => 'a'.repeat(n),
  'one long word after a phrase start': (n) => 'thank you for ' + 'x'.repeat(n - 14),
  'exclamation marks': (n) => '!'.repeat(n),
  'hashtags': (n) => fill('#a ', n),
  'emoji': (n) => fill('🎉', n),
  'newlines': (n) => '\n'.repeat(n),
  'dashes and carets': (n) => fill('- ^', n),
  'digits': (n) => fill('1:', n),
  'apostrophes': (n) => fill("we're'", n),
  'url': (n) => 'https://' + 'a'.repeat(n - 8),
};

/**
 * Best of a few runs, in CPU time of this process (milliseconds): another test file running in the
 * other worker process at the same time does not count against it, as it would in wall-clock time.
 */
function best(fn: () => void, runs = 3): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t);
    min = Math.min(min, (d.user + d.system) / 1000);
  }
  return min;
}

describe('adversarial input', () => {
  analyze('warm up the packs');
  analyze('warm up the packs', { lang: 'nl' });

  test.each(Object.keys(adversarial))('%s: 100 KB in under 50 ms, in both languages', (name) => {
    const text = adversarial[name]!(SIZE);
    for (const lang of ['en', 'nl'] as const) {
      const ms = best(() => analyze(text, { lang, context: text.slice(0, 2000) }));
      expect(ms, `${name} (${lang}) took ${ms.toFixed(1)} ms`).toBeLessThan(50);
    }
  });

  test.each(Object.keys(adversarial))('%s: time grows linearly', (name) => {
    const small = adversarial[name]!(SIZE / 10);
    const large = adversarial[name]!(SIZE);
    // Repeat the small input so both timings are well above the timer's resolution.
    const tSmall = best(() => {
      for (let i = 0; i < 10; i++) analyze(small, { lang: 'en' });
    });
    const tLarge = best(() => analyze(large, { lang: 'en' }));
    // Linear: one large run costs about ten small runs. Quadratic would be ten times that.
    expect(tLarge, `${name}: 10 x 10 KB took ${tSmall.toFixed(1)} ms, 100 KB took ${tLarge.toFixed(1)} ms`).toBeLessThan(Math.max(5, tSmall * 4));
  });
});
