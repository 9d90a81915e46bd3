/**
 * Which language a reply is in: English, Dutch, or something we leave alone. Function words decide;
 * a text mostly in a non-Latin script, or with more German, Spanish, French, Italian or Portuguese
 * function words, is "other".
 */
import { fold } from './fold.js';
import { DATA } from './packs.js';
import type { DetectedLang } from './types.js';
import { tokenize, type Tokens } from './text.js';
import { makeRoomForWords, WordTable } from './words.js';

/** Index 0 is English, 1 Dutch, the rest languages we leave alone. */
let langNames: string[] = [];
let wordLangs: Map<string, number> | null = null;

function tables(): Map<string, number> {
  if (wordLangs) return wordLangs;
  const lists: [string, string[]][] = [
    ['en', DATA.packs.en.lexicon.stopwords],
    ['nl', DATA.packs.nl.lexicon.stopwords],
    ...Object.entries(DATA.detect),
  ];
  langNames = lists.map(([l]) => l);
  if (lists.length > 16) throw new Error('language detection: at most 16 languages');
  const table = new Map<string, number>();
  lists.forEach(([, words], idx) => {
    for (const w of new Set(words.map(fold))) table.set(w, (table.get(w) ?? 0) | (1 << idx));
  });
  wordLangs = table;
  return table;
}

/** The languages whose function words include `word`, as a mask (bit k: language index k; 0: none). */
export function langsOf(word: string): number {
  return tables().get(word) ?? 0;
}

/** Language masks by word id, plus one (WordTable keeps 0 for "not computed"). */
const masksById = new WordTable((w) => langsOf(w) + 1);

export function detectLanguage(text: string, folded = fold(text), given?: Tokens): DetectedLang {
  // Called on its own (not from analyze()), the words are new to the table: make room first, as
  // analyze() does, so that a caller who only detects languages does not grow it without end.
  let tokens = given;
  if (!tokens) {
    makeRoomForWords();
    tokens = tokenize(folded);
  }
  // Script from the words themselves: letters of other scripts (Cyrillic, Arabic, CJK, ...) mean
  // "not ours". Punctuation, symbols and emoji are not words, so they do not count either way.
  let latin = 0;
  let other = 0;
  const n = Math.min(tokens.words.length, 400);
  for (let t = 0; t < n; t++) {
    // From the folded text, which is at hand, rather than from each word's string.
    const c = folded.charCodeAt(tokens.starts[t]!);
    const len = tokens.ends[t]! - tokens.starts[t]!;
    if (c < 0x370) {
      if (c >= 0x61) latin += len; // letters (folded to lower case); digits do not count
    } else other += len;
  }
  if (latin === 0 || other > latin * 0.3) return 'other';

  tables(); // fills langNames
  const scores = new Float64Array(langNames.length);
  const limit = Math.min(tokens.words.length, 400);
  for (let t = 0; t < limit; t++) {
    // Mentions and links are not language.
    const at = tokens.starts[t]!;
    const before = at > 0 ? folded.charCodeAt(at - 1) : 0;
    if (before === 0x40 || before === 0x2f || before === 0x2e) continue;
    const mask = masksById.get(tokens.ids[t]!) - 1;
    if (mask === 0) continue;
    // A function word of two languages counts half for each.
    let n = 0;
    for (let m = mask; m; m &= m - 1) n++;
    const share = 1 / n;
    for (let k = 0, m = mask; m; k++, m >>>= 1) if (m & 1) scores[k]! += share;
  }
  // The best score wins; on a tie the lower index (English, then Dutch) wins.
  let best = -1;
  let bestScore = 0;
  for (let k = 0; k < scores.length; k++) {
    if (scores[k]! > bestScore) {
      best = k;
      bestScore = scores[k]!;
    }
  }
  if (best < 0 || bestScore < 1) return 'other';
  return best === 0 ? 'en' : best === 1 ? 'nl' : 'other';
}

