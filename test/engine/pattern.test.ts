import { describe, expect, test } from 'vitest';
import { fold } from '../../src/engine/fold.js';
import { compilePattern } from '../../src/engine/pattern.js';

const macros = { we: 'we|i|our team', sorry: 'sorry|apologi*' };

function matches(pattern: string, text: string): string[] {
  const { regex } = compilePattern(pattern, macros);
  const folded = fold(text);
  regex.lastIndex = 0;
  return [...folded.matchAll(regex)].map((m) => text.slice(m.index, m.index + m[0].length));
}

describe('pattern language', () => {
  test.each([
    ['thank you for reaching out', 'Thank you for reaching out!', ['Thank you for reaching out']],
    ['thank you for reaching out', 'Thank  you\nfor reaching out', ['Thank  you\nfor reaching out']],
    ['(contact|reach out to) us', 'Please reach out to us today', ['reach out to us']],
    ['[please] dm us', 'Please DM us. Or just dm us', ['Please DM us', 'dm us']],
    ['we [will|shall] check', 'we check, we will check', ['we check', 'we will check']],
    ['check [it] out', 'check out and check it out', ['check out', 'check it out']],
    ['apologi* for', 'We apologise for and apologizing for', ['apologise for', 'apologizing for']],
    ['*nummer', 'uw klantnummer en referentienummer', ['klantnummer', 'referentienummer']],
    ['{we} {sorry}', 'Our team apologizes. I am sorry. We are sorry', ['Our team apologizes']],
    ['between # and #', 'call between 9 and 17:30', ['between 9 and 17:30']],
    ['get back ... shortly', 'we will get back to you shortly', ['get back to you shortly']],
    ['dear customer ,', 'Dear customer, thanks', ['Dear customer,']],
    ['geinformeerd', 'voldoende geïnformeerd', ['geïnformeerd']],
    ["we're", 'We’re here', ['We’re']],
  ])('%s in %j', (pattern, text, expected) => {
    expect(matches(pattern, text)).toEqual(expected);
  });

  test('a focus <...> flags only its part, the rest must match around it', () => {
    const { regex } = compilePattern('please <dm us> your account number', macros);
    regex.lastIndex = 0;
    const m = regex.exec('please dm us your account number') as RegExpExecArray & { indices: { groups: { f: [number, number] } } };
    expect(m.indices.groups.f).toEqual([7, 12]);
    expect(() => compilePattern('<a> <b>', macros)).toThrow('only one focus');
    expect(() => compilePattern('x <[a]>', macros)).toThrow('must hold something');
  });

  test('a gap may end right at punctuation, and * is any one word', () => {
    expect(matches('check out ... .', 'Check out our blog tips.')).toEqual(['Check out our blog tips.']);
    expect(matches('* is committed to', 'Acme is committed to you')).toEqual(['Acme is committed to']);
  });

  test('matches whole words only', () => {
    expect(matches('care', 'careful scare care')).toEqual(['care']);
    expect(matches('dm', 'admin dm')).toEqual(['dm']);
  });

  test('a gap does not cross a sentence end', () => {
    expect(matches('get back ... shortly', 'we get back. Then shortly')).toEqual([]);
  });

  test('an emoji is not part of a word', () => {
    expect(matches('thanks', 'thanks🙏')).toEqual(['thanks']);
  });

  test.each([
    ['', 'empty pattern'],
    ['(a|b', 'missing ")"'],
    ['a)', 'unmatched'],
    ['[a] [b]', 'can match nothing'],
    ['(a|) b', 'empty alternative'],
    ['(a|b)? c', 'optional group'],
    ['{nope} x', 'unknown macro'],
    ['ab* x', 'at least three letters'],
    ['... x', 'between words'],
    ['a*b x', 'only at the start or end'],
  ])('rejects %j', (pattern, problem) => {
    expect(() => compilePattern(pattern, macros)).toThrow(problem);
  });

  test('anchors name a word the text must contain', () => {
    expect(compilePattern('[please] dm us your account number', macros).anchors).toEqual([{ kind: 'exact', key: 'account' }]);
    expect(compilePattern('(apologi*|regret) for', macros).anchors).toEqual([
      { kind: 'prefix', key: 'apologi' },
      { kind: 'exact', key: 'regret' },
    ]);
  });
});

describe('fold', () => {
  test('keeps the length and maps case, diacritics, quotes and dashes', () => {
    const text = 'Geïnformeerd – We’re “OK” É ß İ';
    const f = fold(text);
    expect(f.length).toBe(text.length);
    expect(f).toBe("geinformeerd - we're \"ok\" e ß i");
  });

  test('leaves surrogate pairs and lone surrogates alone', () => {
    const text = 'ok 👍🏽 \ud800 x';
    expect(fold(text)).toBe(text);
  });
});
