/** Tokens and sentences of a reply, with offsets into the original string. */
import { HASH_PRIME, HASH_SEED, hashStep, internHashed, vocabulary } from './words.js';

export interface Tokens {
  /** Folded token text. */
  words: string[];
  /** Word ids (see words.ts). */
  ids: number[];
  starts: number[];
  ends: number[];
}

/** Letter-or-digit by UTF-16 code unit, filled on first sight (1 = word char, 2 = not). */
const WORD_CHAR = new Uint8Array(0x10000);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** ASCII letters and digits. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) ? 1 : 0;

function isWordChar(c: number): boolean {
  if (c < 0x80) return ASCII_WORD[c] === 1;
  let k = WORD_CHAR[c]!;
  if (k === 0) {
    // Surrogates (emoji and rare scripts) are not word characters here.
    k = c >= 0xd800 && c <= 0xdfff ? 2 : LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
    WORD_CHAR[c] = k;
  }
  return k === 1;
}

/**
 * Word tokens of folded text. An apostrophe inside a word keeps it whole ("we're", "i'll",
 * "zo'n"), so that a token is what a reader calls a word. New words join the word ids (words.ts);
 * call makeRoomForWords() between replies.
 */
export function tokenize(folded: string): Tokens {
  const words: string[] = [];
  const ids: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const n = folded.length;
  let i = 0;
  while (i < n) {
    let c = folded.charCodeAt(i);
    if (c < 0x80 ? ASCII_WORD[c] === 0 : !isWordChar(c)) {
      i++;
      continue;
    }
    const start = i;
    // The word's hash is computed as it is read (see words.ts; written out here, as the table test
    // is, because this loop runs for every character and is interpreted until it is optimised).
    let h = Math.imul(HASH_SEED ^ c, HASH_PRIME);
    i++;
    for (;;) {
      while (i < n && ((c = folded.charCodeAt(i)) < 0x80 ? ASCII_WORD[c] === 1 : isWordChar(c))) {
        h = Math.imul(h ^ c, HASH_PRIME);
        i++;
      }
      // An apostrophe followed by a letter continues the word.
      if (i + 1 < n && folded.charCodeAt(i) === 0x27 && isWordChar((c = folded.charCodeAt(i + 1))) && !(c <= 0x39)) {
        h = hashStep(hashStep(h, 0x27), c);
        i += 2;
        continue;
      }
      break;
    }
    const id = internHashed(folded, start, i, h);
    ids.push(id);
    words.push(vocabulary[id]!);
    starts.push(start);
    ends.push(i);
  }
  return { words, ids, starts, ends };
}

/** Splits a token on apostrophes and other inner marks, like the pattern anchors do. */
export function tokenPieces(word: string): string[] {
  return word.indexOf("'") < 0 ? [word] : word.split("'").filter(Boolean);
}

export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'mr', 'mrs', 'ms', 'dr', 'vs', 'approx', 'no', 'st',
  'bijv', 'bv', 'o.a', 'm.b.t', 'i.v.m', 'd.w.z', 'z.s.m', 'ca', 'nr', 'dhr', 'mevr', 'evt', 'incl', 'excl', 'mvg', 'gr',
]);

/** Sentences (trimmed spans). A sentence ends at . ! ? followed by space or the end, or at a line break. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (c === '.' || c === '!' || c === '?') {
      let j = i + 1;
      while (j < n && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === ')' || text[j] === '"')) j++;
      if (j < n && !isSpace(text.charCodeAt(j))) {
        i = j - 1;
        continue;
      }
      if (c === '.' && isAbbreviation(text, i)) {
        i = j - 1;
        continue;
      }
      push(start, j);
      start = j;
      i = j - 1;
    }
  }
  push(start, n);
  return out;
}

export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || c === 0x1680;
}

function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  // Back over letters and dots (char codes: this runs for every full stop).
  for (;;) {
    const c = s > 0 ? text.charCodeAt(s - 1) : 0;
    if (c === 0x2e || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7)) s--;
    else break;
  }
  const word = text.slice(s, dot).toLowerCase();
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word);
}

/** True when `pos` is at the start of a sentence (after trimming whitespace and opening quotes). */
export function atSentenceStart(text: string, pos: number): boolean {
  let i = pos - 1;
  let spaced = false;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '"' || text[i] === '(' || text[i] === '\u00a0')) {
    if (text[i] !== '"' && text[i] !== '(') spaced = true;
    i--;
  }
  if (i < 0) return true;
  const c = text[i]!;
  if (c === '\n') return true;
  // "example.com" or "3.5": punctuation glued to the next word does not end a sentence.
  if (!spaced) return false;
  if (c === '!' || c === '?') return true;
  if (c === '.' || c === '\u2026') return !isAbbreviation(text, i);
  return false;
}

const EMOJI = /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{Emoji_Modifier})*/gu;

/** Emoji (a ZWJ sequence counts once), with offsets. */
export function emojiSpans(text: string): Span[] {
  const out: Span[] = [];
  EMOJI.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EMOJI.exec(text)) !== null) {
    // Digits and # are Extended_Pictographic-free; (c)/(r) are, but read as text.
    if (m[0] === '\u00a9' || m[0] === '\u00ae' || m[0] === '\u2122') continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function isUpperLetter(ch: string | undefined): boolean {
  return !!ch && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function capitalize(s: string): string {
  const i = s.search(/\p{L}/u);
  if (i < 0) return s;
  return s.slice(0, i) + s[i]!.toUpperCase() + s.slice(i + 1);
}
