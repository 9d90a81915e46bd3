/**
 * Case, diacritic and punctuation folding that keeps offsets: the folded string has exactly the
 * same length as the input, so an index into one is an index into the other.
 */

const table = new Uint16Array(0x10000); // 0 = not computed yet

const SPECIAL: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u00b4': "'", '`': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00a0': ' ', '\u2007': ' ', '\u202f': ' ', '\u2009': ' ', '\u200a': ' ', '\u2002': ' ', '\u2003': ' ',
  '\u2026': '.', '\uff01': '!', '\uff1f': '?',
};

function computeFold(code: number): number {
  // Surrogates stay as they are: folding must never split or merge code units.
  if (code >= 0xd800 && code <= 0xdfff) return code;
  const ch = String.fromCharCode(code);
  const special = SPECIAL[ch];
  if (special !== undefined) return special.charCodeAt(0);
  const base = ch.normalize('NFD');
  const first = base.length > 0 ? base[0]! : ch;
  const lower = first.toLowerCase();
  const picked = lower.length === 1 ? lower : first.length === 1 ? first : ch;
  // A base that is itself a combining mark (or empty) keeps the original.
  return picked.charCodeAt(0);
}

function foldCode(code: number): number {
  let f = table[code]!;
  if (f === 0) {
    f = code === 0 ? 0 : computeFold(code);
    table[code] = f;
  }
  return f;
}

const NOT_PLAIN = /[^\x00-\x5f\x61-\x7e]/;

/** Fold for matching: same length as `text`. */
export function fold(text: string): string {
  const n = text.length;
  // Fast path: plain ASCII only needs lowercasing (and backticks), which keeps the length. (A regular
  // expression runs as native code from the first call; a loop here would be interpreted at first.)
  if (!NOT_PLAIN.test(text)) return text.toLowerCase();
  const CHUNK = 4096;
  const codes = new Uint16Array(Math.min(n, CHUNK));
  let result = '';
  for (let i = 0; i < n; i += CHUNK) {
    const end = Math.min(n, i + CHUNK);
    const len = end - i;
    const view = len === codes.length ? codes : codes.subarray(0, len);
    for (let j = 0; j < len; j++) view[j] = foldCode(text.charCodeAt(i + j));
    result += String.fromCharCode.apply(null, view as unknown as number[]);
  }
  return result;
}

/** Fold a pattern word or lexicon entry the same way as the text. */
export const foldWord = fold;
