/**
 * Runs many compiled patterns over one text quickly: an index from anchor words to patterns means
 * only the patterns whose words occur in the text are tried at all.
 */
import { WORD_CHARS_PATTERNS_SPLIT, type Anchor, type CompiledPattern } from './pattern.js';
import { tokenPieces, type Tokens } from './text.js';
import { MAX_WORDS, WordTable, wordEpoch } from './words.js';

export interface PatternHit<T> {
  ref: T;
  start: number;
  end: number;
}

const KEY = 3;

export class PatternSet<T> {
  private readonly patterns: CompiledPattern[] = [];
  private readonly refs: T[] = [];
  private readonly exact = new Map<string, number[]>();
  private readonly prefix = new Map<string, number[]>();
  private readonly suffix = new Map<string, number[]>();
  private readonly prefixLens = new Set<number>();
  private readonly suffixLens = new Set<number>();
  private readonly always: number[] = [];
  private stamp = new Uint32Array(0);
  private generation = 0;
  /** Per pattern, in this call: the first and the last token that made it a candidate. */
  private firstToken = new Int32Array(0);
  private lastToken = new Int32Array(0);

  /** Required words as integers: checking them is a stamp comparison, not a string lookup. */
  private readonly vocab = new Map<string, number>();
  /**
   * Per pattern, where its required words start in `reqData`: [number of requirements, then per
   * requirement the number of alternatives and their word ids]. Flat, so the check reads adjacent numbers.
   */
  private reqAt: number[] = [];
  private reqData: number[] = [];
  private wordStamp = new Uint32Array(0);

  add(pattern: CompiledPattern, ref: T): void {
    const id = this.patterns.length;
    this.patterns.push(pattern);
    this.refs.push(ref);
    this.reqAt.push(this.reqData.length);
    this.reqData.push(pattern.requires.length);
    for (const alts of pattern.requires) {
      this.reqData.push(alts.length);
      for (const w of alts) {
        let v = this.vocab.get(w);
        if (v === undefined) {
          v = this.vocab.size;
          this.vocab.set(w, v);
        }
        this.reqData.push(v);
      }
    }
    if (!pattern.anchors) {
      this.always.push(id);
      return;
    }
    for (const a of pattern.anchors) this.indexAnchor(a, id);
  }

  get size(): number {
    return this.patterns.length;
  }

  private indexAnchor(a: Anchor, id: number): void {
    if (a.kind === 'exact') return push(this.exact, a.key, id);
    const len = Math.min(KEY, a.key.length);
    if (a.kind === 'prefix') {
      this.prefixLens.add(len);
      push(this.prefix, a.key.slice(0, len), id);
    } else {
      this.suffixLens.add(len);
      push(this.suffix, a.key.slice(a.key.length - len), id);
    }
  }

  /**
   * Per word id, where its entry starts in `entryData`, plus one: [n, n candidate pattern ids, m, m
   * required-word ids]. Offset 0 holds the empty entry that most words share.
   */
  private readonly entryAt = new WordTable((word) => this.addEntry(word) + 1);
  private entryData = new Int32Array(1024);
  private entryEnd = 2;
  private entryEpoch = wordEpoch();

  private addEntry(word: string): number {
    const ids = new Set<number>();
    const words: number[] = [];
    for (const p of tokenPieces(word)) {
      for (const id of this.exact.get(p) ?? []) ids.add(id);
      for (const len of this.prefixLens) if (p.length >= len) for (const id of this.prefix.get(p.slice(0, len)) ?? []) ids.add(id);
      for (const len of this.suffixLens) if (p.length >= len) for (const id of this.suffix.get(p.slice(p.length - len)) ?? []) ids.add(id);
      const w = this.vocab.get(p);
      if (w !== undefined) words.push(w);
    }
    if (ids.size === 0 && words.length === 0) return 0;
    const need = this.entryEnd + 2 + ids.size + words.length;
    if (need > this.entryData.length) {
      let size = this.entryData.length * 2;
      while (size < need) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.entryData.subarray(0, this.entryEnd));
      this.entryData = grown;
    }
    const d = this.entryData;
    const at = this.entryEnd;
    let k = at;
    d[k++] = ids.size;
    for (const id of ids) d[k++] = id;
    d[k++] = words.length;
    for (const w of words) d[k++] = w;
    this.entryEnd = k;
    return at;
  }

  /** All matches of all patterns, by position. */
  find(folded: string, tokens: Tokens): PatternHit<T>[] {
    const { ids, starts, ends } = tokens;
    if (this.entryEpoch !== wordEpoch()) {
      this.entryEpoch = wordEpoch();
      this.entryEnd = 2;
      if (this.entryData.length > 8 * MAX_WORDS) this.entryData = new Int32Array(1024);
    }
    if (this.stamp.length < this.patterns.length) {
      this.stamp = new Uint32Array(this.patterns.length);
      this.firstToken = new Int32Array(this.patterns.length);
      this.lastToken = new Int32Array(this.patterns.length);
    }
    const firstToken = this.firstToken;
    const lastToken = this.lastToken;
    if (this.wordStamp.length < this.vocab.size) this.wordStamp = new Uint32Array(this.vocab.size);
    if (++this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.wordStamp.fill(0);
      this.generation = 1;
    }
    const g = this.generation;
    const stamp = this.stamp;
    const wordStamp = this.wordStamp;
    const candidates: number[] = [];
    for (const id of this.always) {
      stamp[id] = g;
      firstToken[id] = -1;
      lastToken[id] = -1;
      candidates.push(id);
    }
    const entryAt = this.entryAt;
    for (let t = 0; t < ids.length; t++) {
      let o = entryAt.get(ids[t]!) - 1;
      if (o === 0) continue;
      const d = this.entryData;
      const n = d[o++]!;
      for (const stop = o + n; o < stop; o++) {
        const id = d[o]!;
        if (stamp[id] !== g) {
          stamp[id] = g;
          firstToken[id] = t;
          candidates.push(id);
        }
        lastToken[id] = t;
      }
      const m = d[o++]!;
      for (const stop = o + m; o < stop; o++) wordStamp[d[o]!] = g;
    }

    const hits: PatternHit<T>[] = [];
    const reqData = this.reqData;
    // Stopping after the last anchor word is safe only when every word the patterns see is a token.
    const stopEarly = !WORD_CHARS_PATTERNS_SPLIT.test(folded);
    outer: for (const id of candidates) {
      // Every required word must be there before the regular expression is worth running.
      let o = this.reqAt[id]!;
      for (let r = reqData[o++]!; r > 0; r--) {
        let ok = false;
        for (let a = reqData[o++]!; a > 0; a--, o++) if (!ok && wordStamp[reqData[o]!] === g) ok = true;
        if (!ok) continue outer;
      }
      const pattern = this.patterns[id]!;
      const re = pattern.regex;
      // No match can start more than `lead` words before the first anchor word: start looking there.
      const from = firstToken[id]!;
      re.lastIndex = pattern.lead >= 0 && from >= 0 ? (starts[Math.max(0, from - pattern.lead)] ?? 0) : 0;
      // Every match holds one of the pattern's anchor words: once a match ends after the last of them,
      // there is nothing more to find.
      const last = lastToken[id]!;
      const lastEnd = stopEarly && last >= 0 ? ends[last]! : Infinity;
      let m: RegExpExecArray | null;
      while ((m = re.exec(folded)) !== null) {
        const end = m.index + m[0].length;
        if (end === m.index) {
          re.lastIndex++;
          continue;
        }
        const focus = (m as RegExpExecArray & { indices?: { groups?: Record<string, [number, number] | undefined> } }).indices?.groups?.f;
        if (focus) hits.push({ ref: this.refs[id]!, start: focus[0], end: focus[1] });
        else hits.push({ ref: this.refs[id]!, start: m.index, end });
        if (end >= lastEnd) break;
      }
    }
    // By position (then pattern): the order every consumer expects, whatever order the words came in.
    if (hits.length > 1) hits.sort((a, b) => a.start - b.start || a.end - b.end);
    return hits;
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
