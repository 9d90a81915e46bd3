/** Properties that hold for any input: never throws, offsets valid, deterministic. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyze, applySuggestion, type AnalyzeOptions } from '../../src/engine/index.js';
import { insideAny } from '../../src/engine/engage.js';

function checkInvariants(text: string, options?: AnalyzeOptions): void {
  const r = analyze(text, options);
  expect(r.score).toBeGreaterThanOrEqual(0);
  expect(r.score).toBeLessThanOrEqual(100);
  let last = -1;
  for (const f of r.flags) {
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(f.start).toBeGreaterThanOrEqual(last);
    last = f.end;
    if (r.flags.indexOf(f) < 50) f.suggestions.forEach((_, i) => expect(typeof applySuggestion(text, f, i)).toBe("string"));
  }
  expect(analyze(text, options)).toEqual(r);
}

const webcare = fc.constantFrom(
  'We apologize for any inconvenience',
  'Please DM us your account number',
  'Sorry Mark, that is on me',
  'Excuses voor het ongemak',
  'Stuur ons een DM',
  'Dear customer',
  '!!!',
  '🎉🎉🎉',
  '#Deals',
  '^JD',
  '- Sanne',
  'https://example.com',
  'we',
  'wij',
  'ik',
  'u',
  'je',
);

const mixed = fc.array(fc.oneof(webcare, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom(' ', '\n', '. ', ', ')), { maxLength: 30 }).map((parts) => parts.join(' '));

describe('properties', () => {
  test('random unicode, including lone surrogates', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (t) => checkInvariants(t)), { numRuns: 400 });
  });

  test('webcare fragments mixed with random text, with and without context', () => {
    fc.assert(
      fc.property(mixed, fc.option(mixed, { nil: undefined }), fc.option(fc.string({ maxLength: 30 }), { nil: undefined }), (t, context, author) =>
        checkInvariants(t, { context, author }),
      ),
      { numRuns: 400 },
    );
  });

  test('emoji sequences: ZWJ families, skin tones, flags, keycaps', () => {
    const emoji = fc.constantFrom('👨‍👩‍👧‍👦', '👍🏽', '🇳🇱', '1️⃣', '❤️', '🏳️‍🌈', '🙂', '\u200d', '\ufe0f');
    fc.assert(fc.property(fc.array(fc.oneof(emoji, webcare), { maxLength: 20 }), (parts) => checkInvariants(parts.join(''))), { numRuns: 300 });
  });

  test('right-to-left text and bidi controls', () => {
    const rtl = fc.constantFrom('שלום', 'مرحبا بك', '\u202e', '\u202c', '\u200f', '\u2067');
    fc.assert(fc.property(fc.array(fc.oneof(rtl, webcare), { maxLength: 20 }), (parts) => checkInvariants(parts.join(' '))), { numRuns: 300 });
  });

  test('a 1 MB input', () => {
    const unit = 'We apologize for any inconvenience!!! Please DM us 🎉 #Deals. Excuses voor het ongemak, stuur ons een DM. ';
    const big = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
    checkInvariants(big);
    checkInvariants('\ud83d'.repeat(500_000) + 'x'.repeat(500_000));
  });
});

describe('the span cursor of the engagement measure', () => {
  test('answers "inside a span?" like a plain scan, for positions asked in increasing order', () => {
    const span = fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 40 })).map(([start, len]) => ({ start, end: start + len }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), fc.array(fc.nat(260), { maxLength: 60 }), (spans, asked) => {
        const inside = insideAny(spans);
        for (const pos of [...asked].sort((a, b) => a - b)) {
          expect(inside(pos)).toBe(spans.some((s) => pos >= s.start && pos < s.end));
        }
      }),
    );
  });
});

describe('the span cursor does work in proportion to spans plus positions', () => {
  test('5,000 spans asked at 5,000 increasing positions read each span a bounded number of times', () => {
    let reads = 0;
    const spans = Array.from({ length: 5000 }, (_, i) => ({
      get start() {
        reads++;
        return i * 20;
      },
      get end() {
        reads++;
        return i * 20 + 10;
      },
    }));
    const inside = insideAny(spans);
    const afterSort = reads;
    let hits = 0;
    for (let pos = 0; pos < 100_000; pos += 20) if (inside(pos + 5)) hits++;
    expect(hits).toBe(5000);
    // A scan of every span per position would read 25 million times.
    expect(reads - afterSort).toBeLessThan(4 * 5000 + 4 * 5000);
  });
});
