/**
 * Word ids: every distinct folded word the engine meets gets a small integer, remembered across
 * calls. What a word is (its languages, its word classes and candidate patterns in each pack) then
 * lives in flat typed arrays indexed by that id: a reply's words are hashed once, and the later steps
 * read numbers that sit side by side in memory instead of chasing one object per word.
 */
/** More distinct words (or characters in them) than this and the table starts afresh (between replies), so memory stays bounded. */
export const MAX_WORDS = 250_000;
export const MAX_WORD_CHARS = 4_000_000;

/** Id to word. */
export const vocabulary: string[] = [];
/** Id to the word's hash, length and where its characters sit in `pool`: a lookup never touches the string. */
let hashes: Int32Array = new Int32Array(1024);
let lengths: Int32Array = new Int32Array(1024);
let offsets: Int32Array = new Int32Array(1024);
let pool = new Uint16Array(8192);
let poolEnd = 0;
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
  if (vocabulary.length <= MAX_WORDS && poolEnd <= MAX_WORD_CHARS) return;
  vocabulary.length = 0;
  poolEnd = 0;
  // One huge reply may have stretched the arrays far past the limits: give that memory back.
  if (pool.length > 2 * MAX_WORD_CHARS) pool = new Uint16Array(8192);
  if (hashes.length > 2 * MAX_WORDS) {
    hashes = new Int32Array(1024);
    lengths = new Int32Array(1024);
    offsets = new Int32Array(1024);
  }
  if (slots.length > 4 * MAX_WORDS) slots = new Int32Array(1 << 14);
  else slots.fill(0);
  epoch++;
}

/**
 * The hash starts from a value chosen per process: page text is hostile, and words crafted to collide
 * under a known hash would make every lookup walk a long chain. Ids do not depend on the hash, so
 * results stay the same from run to run.
 */
export const HASH_SEED = (0x811c9dc5 ^ Math.floor(Math.random() * 0x100000000)) | 0;
export const HASH_PRIME = 0x01000193;
/** One step of the word hash (FNV-1a over UTF-16 code units); the tokenizer runs it as it reads. */
export function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, HASH_PRIME);
}

/** The id of the word `text.slice(start, end)`, interned on first sight. */
export function internRange(text: string, start: number, end: number): number {
  let h = HASH_SEED;
  for (let i = start; i < end; i++) h = hashStep(h, text.charCodeAt(i));
  return internHashed(text, start, end, h);
}

/**
 * As internRange, with the hash already computed. The word is found by comparing characters where
 * they are, so a word seen before costs no new string.
 */
export function internHashed(text: string, start: number, end: number, h: number): number {
  const len = end - start;
  const mask = slots.length - 1;
  let s = mix(h) & mask;
  for (;;) {
    const v = slots[s]!;
    if (v === 0) break;
    const id = v - 1;
    if (hashes[id] === h && lengths[id] === len) {
      const at = offsets[id]! - start;
      let k = start;
      while (k < end && pool[at + k] === text.charCodeAt(k)) k++;
      if (k === end) return id;
    }
    s = (s + 1) & mask;
  }
  return add(text, start, end, h, s);
}

function add(text: string, start: number, end: number, h: number, slot: number): number {
  const id = vocabulary.length;
  const len = end - start;
  if (id >= hashes.length) {
    hashes = grow(hashes, id + 1);
    lengths = grow(lengths, id + 1);
    offsets = grow(offsets, id + 1);
  }
  if (poolEnd + len > pool.length) {
    let size = pool.length * 2;
    while (size < poolEnd + len) size *= 2;
    const bigger = new Uint16Array(size);
    bigger.set(pool.subarray(0, poolEnd));
    pool = bigger;
  }
  for (let k = 0; k < len; k++) pool[poolEnd + k] = text.charCodeAt(start + k);
  // A long slice may keep its whole parent string alive: build a string of its own instead.
  vocabulary.push(len >= 13 ? stringOf(pool, poolEnd, poolEnd + len) : text.slice(start, end));
  hashes[id] = h;
  lengths[id] = len;
  offsets[id] = poolEnd;
  poolEnd += len;
  slots[slot] = id + 1;
  if (vocabulary.length * 2 > slots.length) rehash(slots.length * 2);
  return id;
}

function grow(a: Int32Array, min: number): Int32Array {
  let size = a.length * 2;
  while (size < min) size *= 2;
  const out = new Int32Array(size);
  out.set(a);
  return out;
}

function stringOf(codes: Uint16Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i += 4096) out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(end, i + 4096)) as unknown as number[]);
  return out;
}

/** Spreads every bit of the hash into the low ones that pick the slot (the finaliser of MurmurHash3). */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function rehash(size: number): void {
  slots = new Int32Array(size);
  const mask = size - 1;
  for (let id = 0; id < vocabulary.length; id++) {
    let s = mix(hashes[id]!) & mask;
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
      if (this.values.length > 2 * MAX_WORDS) this.values = new Int32Array(1024);
      else this.values.fill(0);
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
