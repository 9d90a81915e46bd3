/**
 * Which language a reply is in: English, Dutch, or something we leave alone. Function words decide;
 * a text mostly in a non-Latin script, or with more German, Spanish, French, Italian or Portuguese
 * function words, is "other".
 */
import { fold } from './fold.js';
import { DATA } from './packs.js';
import type { DetectedLang, Lang } from './types.js';
import { tokenize, type Tokens } from './text.js';

let wordLangs: Map<string, string[]> | null = null;

function tables(): Map<string, string[]> {
  if (wordLangs) return wordLangs;
  const lists = new Map<string, Set<string>>();
  lists.set('en', new Set(DATA.packs.en.lexicon.stopwords.map(fold)));
  lists.set('nl', new Set(DATA.packs.nl.lexicon.stopwords.map(fold)));
  for (const [lang, words] of Object.entries(DATA.detect)) lists.set(lang, new Set(words.map(fold)));
  wordLangs = new Map();
  for (const [lang, set] of lists) {
    for (const w of set) {
      const l = wordLangs.get(w);
      if (l) l.push(lang);
      else wordLangs.set(w, [lang]);
    }
  }
  return wordLangs;
}

/** The languages whose function words include `word` (memoised by the caller through wordRecord). */
export function langsOf(word: string): readonly string[] | undefined {
  return tables().get(word);
}

export function detectLanguage(text: string, folded = fold(text), tokens: Tokens = tokenize(folded), records?: readonly { langs: readonly string[] | undefined }[]): DetectedLang {
  // Script from the words themselves: letters of other scripts (Cyrillic, Arabic, CJK, ...) mean
  // "not ours". Punctuation, symbols and emoji are not words, so they do not count either way.
  let latin = 0;
  let other = 0;
  const n = Math.min(tokens.words.length, 400);
  for (let t = 0; t < n; t++) {
    const w = tokens.words[t]!;
    const c = w.charCodeAt(0);
    if (c < 0x370) {
      if (c >= 0x61) latin += w.length; // letters (folded to lower case); digits do not count
    } else other += w.length;
  }
  if (latin === 0 || other > latin * 0.3) return 'other';

  const table = tables();
  const scores = new Map<string, number>();
  const limit = Math.min(tokens.words.length, 400);
  for (let t = 0; t < limit; t++) {
    const w = tokens.words[t]!;
    // Mentions and links are not language.
    const before = tokens.starts[t]! > 0 ? folded[tokens.starts[t]! - 1] : '';
    if (before === '@' || before === '/' || before === '.') continue;
    const langs = records ? records[t]!.langs : table.get(w);
    if (!langs) continue;
    const share = 1 / langs.length;
    for (const l of langs) scores.set(l, (scores.get(l) ?? 0) + share);
  }
  let best: string | null = null;
  let bestScore = 0;
  for (const [l, s] of scores) {
    if (s > bestScore || (s === bestScore && best !== null && rank(l) < rank(best))) {
      best = l;
      bestScore = s;
    }
  }
  if (best === null || bestScore < 1) return 'other';
  return best === 'en' || best === 'nl' ? (best as Lang) : 'other';
}

/** On a tie, prefer the languages we coach in. */
function rank(l: string): number {
  return l === 'en' ? 0 : l === 'nl' ? 1 : 2;
}
