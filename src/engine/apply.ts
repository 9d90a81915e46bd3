/**
 * applySuggestion(): replace a flagged span with one of its suggestions so that the sentence still
 * reads right: a capital at a sentence start, no doubled spaces or punctuation, nothing dangling
 * when a phrase is removed. Only the characters around the edit are touched.
 */
import { atSentenceStart, capitalize } from './text.js';
import type { Flag } from './types.js';

type FlagSpan = Pick<Flag, 'start' | 'end' | 'suggestions'> & Partial<Pick<Flag, 'text'>>;

const SENTENCE_END = /[.!?]$/;
const I_WORD = /^I(?:'|\u2019|\b)/;

export function applySuggestion(text: string, flag: FlagSpan, index = 0): string {
  const replacement = flag.suggestions[index];
  if (replacement === undefined) throw new RangeError(`flag has no suggestion ${index}`);
  const { start, end } = flag;
  if (start < 0 || end > text.length || start > end) throw new RangeError('flag does not fit this text');
  if (flag.text !== undefined && text.slice(start, end) !== flag.text) {
    throw new Error('the text changed since the flag was made');
  }
  return replaceSpan(text, start, end, replacement).text;
}

/** The edit as a minimal change (for editors that apply a span): [start, end) of the old text becomes `insert`. */
export interface Edit {
  start: number;
  end: number;
  insert: string;
  text: string;
}

export function replaceSpan(text: string, start: number, end: number, replacement: string): Edit {
  let before = text.slice(0, start);
  let after = text.slice(end);
  const original = text.slice(start, end);
  let r = replacement;
  const sentenceStart = atSentenceStart(text, start);

  if (r.trim() === '') {
    // Removal: join the two sides cleanly.
    r = '';
    if (/[ \t]$/.test(before) && /^[ \t]/.test(after)) after = after.replace(/^[ \t]+/, '');
    if (/[ \t]$/.test(before) && /^[,.!?;:)]/.test(after)) before = before.replace(/[ \t]+$/, '');
    if (/^\s*$/.test(before) || /[\n]$/.test(before)) after = after.replace(/^[ \t]+/, '');
    if (sentenceStart) {
      // A removed sentence opener takes its comma with it, and the next word gets the capital.
      after = after.replace(/^[ \t]*[,;:][ \t]*/, '');
      if (/[.!?][ \t]*$/.test(before) || before.trim() === '' || /\n[ \t]*$/.test(before)) {
        // The removed sentence's own full stop goes with it; the space before what follows stays.
        after = after.replace(/^[.!?]+/, '');
        if (/[ \t]$/.test(before)) after = after.replace(/^[ \t]+/, '');
        else if (before && /^\S/.test(after)) after = ' ' + after;
        after = capitalizeFirstWord(after);
      }
    }
    if (/[,;:][ \t]*$/.test(before) && /^[ \t]*[.!?]/.test(after)) before = before.replace(/[,;:][ \t]*$/, '');
    if (/[.!?][ \t]*$/.test(before) && /^[ \t]*[.,]/.test(after)) after = after.replace(/^[ \t]*[.,][ \t]*/, ' ').replace(/^ (?=\n|$)/, '');
    if (before === '' || /\n$/.test(before)) after = after.replace(/^[ \t]+/, '');
    if (after === '' || /^\n/.test(after)) before = before.replace(/[ \t]+$/, '');
    return minimalEdit(text, before + after);
  }

  // Case of the first letter.
  if (sentenceStart) r = capitalize(r);
  else if (/^\p{Ll}/u.test(original) && /^\p{Lu}\p{Ll}/u.test(r) && !I_WORD.test(r)) r = r[0]!.toLowerCase() + r.slice(1);

  // Punctuation at the seam.
  if (SENTENCE_END.test(r) && /^[.!?]/.test(after)) after = after.replace(/^[.!?]+/, '');
  if (/[,;:]$/.test(r) && /^[,;:.!?]/.test(after)) r = r.slice(0, -1);
  if (SENTENCE_END.test(r) && /^[ \t]+\p{Ll}/u.test(after)) after = after.replace(/^([ \t]+)(\p{Ll})/u, (_, s: string, c: string) => s + c.toUpperCase());
  if (/^[,.!?;:]/.test(r) && /[ \t]$/.test(before)) before = before.replace(/[ \t]+$/, '');
  if (/\s$/.test(r) && /^\s/.test(after)) r = r.trimEnd();
  if (/^\s/.test(r) && /\s$/.test(before)) r = r.trimStart();
  // A word glued to the next word: keep a space between them.
  if (/[\p{L}\p{N}]$/u.test(r) && /^[\p{L}\p{N}]/u.test(after)) r += ' ';
  if (/^[\p{L}\p{N}]/u.test(r) && /[\p{L}\p{N}]$/u.test(before)) r = ' ' + r;

  return minimalEdit(text, before + r + after);
}

/** The smallest [start, end) of `from` that, replaced by `insert`, gives `to`. */
export function minimalEdit(from: string, to: string): Edit {
  const max = Math.min(from.length, to.length);
  let p = 0;
  while (p < max && from.charCodeAt(p) === to.charCodeAt(p)) p++;
  // Do not split a surrogate pair.
  if (p > 0 && p < from.length && isLowSurrogate(from.charCodeAt(p))) p--;
  let s = 0;
  while (s < max - p && from.charCodeAt(from.length - 1 - s) === to.charCodeAt(to.length - 1 - s)) s++;
  if (s > 0 && isLowSurrogate(from.charCodeAt(from.length - s))) s--;
  return { start: p, end: from.length - s, insert: to.slice(p, to.length - s), text: to };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function capitalizeFirstWord(s: string): string {
  const m = /^(\s*)(\p{Ll})/u.exec(s);
  if (!m) return s;
  return m[1]! + m[2]!.toUpperCase() + s.slice(m[0].length);
}
