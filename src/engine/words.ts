/**
 * Word ids: every distinct folded word the engine meets gets a small integer, remembered across
 * calls. What a word is (its languages, its word classes and candidate patterns in each pack) then
 * lives in flat typed arrays indexed by that id: a reply's words are hashed once, and the later steps
 * read numbers that sit side by side in memory instead of chasing one object per word.
 */
/** More distinct words than this and the table starts afresh (between replies), so memory stays bounded. */
export const MAX_WORDS = 250_000;

const index = new Map<string, number>();
/** Id to word. */
export const vocabulary: string[] = [];
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
  index.clear();
  vocabulary.length = 0;
  epoch++;
}

/** The ids of a reply's words (interning new ones). */
export function wordIds(words: readonly string[]): Int32Array {
  const out = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let id = index.get(w);
    if (id === undefined) {
      id = vocabulary.length;
      vocabulary.push(w);
      index.set(w, id);
    }
    out[i] = id;
  }
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
