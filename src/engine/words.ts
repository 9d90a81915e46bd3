/**
 * One record per distinct word, remembered across calls: the languages it is a function word of
 * (for detection) and what it is in each language pack. A reply's words are hashed once, not once
 * per step of the analysis.
 */
import { langsOf } from './lang.js';
import type { WordInfo } from './packs.js';

export interface WordRecord {
  langs: readonly number[] | undefined;
  en?: WordInfo;
  nl?: WordInfo;
}

const records = new Map<string, WordRecord>();

export function wordRecords(words: readonly string[]): WordRecord[] {
  const out = new Array<WordRecord>(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let r = records.get(w);
    if (!r) {
      r = { langs: langsOf(w) };
      if (records.size > 200_000) records.clear();
      records.set(w, r);
    }
    out[i] = r;
  }
  return out;
}
