/**
 * Word ids: every distinct folded word the engine meets gets a small integer, remembered across
 * calls. What a word is (its languages, its word classes and candidate patterns in each pack) then
 * lives in flat typed arrays indexed by that id: a reply's words are hashed once, and the later steps
 * read numbers that sit side by side in memory instead of chasing one object per word.
 */
/** More distinct words than this and the table starts afresh (between replies), so memory stays bounded. */
export const MAX_WORDS = 250_000;

/** Id to word. */
export const vocabulary: string[] = [];
/** Id to the word's hash. */
let hashes = new Int32Array(1024);
/** Open addressing by hash: id plus one, 0 for an empty slot. Kept at most half full. */
let slots = new Int32Array(1 << 14);
let epoch = 0;

/** Changes whenever the ids start afresh: whoever keeps data by word id compares it and drops theirs. */
export function wordEpoch(): number {
  return epoch;
}

/**
 * Starts the ids afresh when the table is full. Call it before a reply, never during one: the ids
 * handed out so far become invalid. (During a reply the table may grow past the limit by that
 * reply's words.)
 */
export function makeRoomForWords(): void {
  if (vocabulary.length <= MAX_WORDS) return;
  vocabulary.length = 0;
  slots.fill(0);
  epoch++;
}

/**
 * The id of the word `text.slice(start, end)`, interned on first sight. It is found by hashing the
 * characters where they are, so a word seen before costs no new string.
 */
export function internRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const len = end - start;
  const mask = slots.length - 1;
  let s = h & mask;
  for (;;) {
    const v = slots[s]!;
    if (v === 0) break;
    const id = v - 1;
    if (hashes[id] === h) {
      const w = vocabulary[id]!;
      if (w.length === len) {
        let k = 0;
        while (k < len && w.charCodeAt(k) === text.charCodeAt(start + k)) k++;
        if (k === len) return id;
      }
    }
    s = (s + 1) & mask;
  }
  const id = vocabulary.length;
  // A long slice may keep its whole parent string alive: keep a copy of its own instead.
  vocabulary.push(len >= 13 ? copyOf(text, start, end) : text.slice(start, end));
  if (id >= hashes.length) {
    const grown = new Int32Array(hashes.length * 2);
    grown.set(hashes);
    hashes = grown;
  }
  hashes[id] = h;
  slots[s] = id + 1;
  if (vocabulary.length * 2 > slots.length) rehash(slots.length * 2);
  return id;
}

function copyOf(text: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i += 1024) {
    const codes: number[] = [];
    for (let k = i; k < Math.min(end, i + 1024); k++) codes.push(text.charCodeAt(k));
    out += String.fromCharCode(...codes);
  }
  return out;
}

function rehash(size: number): void {
  slots = new Int32Array(size);
  const mask = size - 1;
  for (let id = 0; id < vocabulary.length; id++) {
    let s = hashes[id]! & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = id + 1;
  }
}

/** The ids of words (interning new ones). */
export function wordIds(words: readonly string[]): number[] {
  const out: number[] = [];
  for (const w of words) out.push(internRange(w, 0, w.length));
  return out;
}

/**
 * A number per word id, computed on first request and kept until the ids start afresh. 0 is
 * reserved for "not computed yet", so `compute` must return a positive integer below 2^31.
 */
export class WordTable {
  private values = new Int32Array(1024);
  private epoch = -1;

  constructor(private readonly compute: (word: string) => number) {}

  get(id: number): number {
    if (this.epoch !== epoch || id >= this.values.length) this.sync(id);
    let v = this.values[id]!;
    if (v === 0) {
      v = this.compute(vocabulary[id]!);
      this.values[id] = v;
    }
    return v;
  }

  private sync(id: number): void {
    if (this.epoch !== epoch) {
      this.epoch = epoch;
      this.values.fill(0);
    }
    if (id >= this.values.length) {
      let size = this.values.length;
      while (size <= id) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.values);
      this.values = grown;
    }
  }
}
