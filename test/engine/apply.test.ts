import { describe, expect, test } from 'vitest';
import { applySuggestion, minimalEdit } from '../../src/engine/apply.js';

function apply(text: string, span: string, replacement: string, occurrence = 0): string {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(span, start + 1);
  if (start < 0) throw new Error(`"${span}" not in "${text}"`);
  return applySuggestion(text, { start, end: start + span.length, suggestions: [replacement], text: span }, 0);
}

describe('applySuggestion', () => {
  test.each([
    ['capital at a sentence start', 'Ok. we apologize for any inconvenience.', 'we apologize for any inconvenience', "i'm sorry about this", "Ok. I'm sorry about this."],
    ['lower case mid-sentence', 'Thanks, and We Apologize for that.', 'We Apologize', 'Sorry', 'Thanks, and Sorry for that.'],
    ['mid-sentence word stays lower', 'Thanks and please be advised that it works.', 'please be advised that', 'Just so you know,', 'Thanks and just so you know, it works.'],
    ['"I" keeps its capital', 'so we will check.', 'we will', "I'll", "so I'll check."],
    ['no doubled full stop', 'Thanks for your patience.', 'Thanks for your patience.', 'Thanks for waiting.', 'Thanks for waiting.'],
    ['no doubled comma', 'Dear customer, your order is late.', 'Dear customer,', 'Hi Mark,', 'Hi Mark, your order is late.'],
    ['remove a filler at the end', 'I fixed it. Have a great day!', 'Have a great day!', '', 'I fixed it.'],
    ['remove a closing sentence before an emoji', 'It arrives tomorrow. Have a great day! ☀️', 'Have a great day', '', 'It arrives tomorrow. ☀️'],
    ['remove an opener and its comma', 'Please be advised, the shop is closed.', 'Please be advised', '', 'The shop is closed.'],
    ['remove mid-sentence', 'It is, kindly, done.', ', kindly', '', 'It is, done.'],
    ['remove a word before punctuation', 'Thanks for waiting kindly.', ' kindly', '', 'Thanks for waiting.'],
    ['next sentence gets its capital', 'we are sorry, it broke', 'we are sorry,', "I'm sorry.", "I'm sorry. It broke"],
    ['no space lost between words', 'Thanks.Really', 'Thanks.', 'Cheers', 'Cheers Really'],
  ])('%s', (_name, text, span, replacement, expected) => {
    expect(apply(text, span, replacement)).toBe(expected);
  });

  test('refuses a flag that no longer fits the text', () => {
    expect(() => applySuggestion('changed text', { start: 0, end: 5, suggestions: ['x'], text: 'other' }, 0)).toThrow('changed');
    expect(() => applySuggestion('short', { start: 2, end: 50, suggestions: ['x'] }, 0)).toThrow(RangeError);
    expect(() => applySuggestion('short', { start: 0, end: 1, suggestions: ['x'] }, 3)).toThrow(RangeError);
  });

  test('the rest of the text is untouched', () => {
    const text = 'First  line with  odd spacing.\nWe apologize for the inconvenience.';
    const out = apply(text, 'We apologize for the inconvenience.', "I'm sorry.");
    expect(out).toBe("First  line with  odd spacing.\nI'm sorry.");
  });
});

describe('minimalEdit', () => {
  test('finds the smallest changed range', () => {
    expect(minimalEdit('We apologize for it.', 'I apologize for it.')).toEqual({ start: 0, end: 2, insert: 'I', text: 'I apologize for it.' });
    expect(minimalEdit('abc', 'abc')).toEqual({ start: 3, end: 3, insert: '', text: 'abc' });
  });

  test('never splits a surrogate pair', () => {
    const e = minimalEdit('a😀b', 'a😃b');
    expect(e.insert).toBe('😃');
    expect(e.end - e.start).toBe(2);
  });
});
