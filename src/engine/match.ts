/**
 * Runs many compiled patterns over one text quickly: an index from anchor words to patterns means
 * only the patterns whose words occur in the text are tried at all.
 */
import type { Anchor, CompiledPattern } from './pattern.js';
import { tokenPieces, type Tokens } from './text.js';

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

  add(pattern: CompiledPattern, ref: T): void {
    const id = this.patterns.length;
    this.patterns.push(pattern);
    this.refs.push(ref);
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

  /** All matches of all patterns, in pattern order, then by position. */
  find(folded: string, tokens: Tokens): PatternHit<T>[] {
    if (this.stamp.length < this.patterns.length) this.stamp = new Uint32Array(this.patterns.length);
    const gen = ++this.generation;
    if (gen === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    const g = this.generation;
    const candidates: number[] = [];
    const mark = (ids: number[] | undefined) => {
      if (!ids) return;
      for (const id of ids) {
        if (this.stamp[id] !== g) {
          this.stamp[id] = g;
          candidates.push(id);
        }
      }
    };
    mark(this.always);
    const words = tokens.words;
    const lookup = (p: string) => {
      mark(this.exact.get(p));
      for (const len of this.prefixLens) if (p.length >= len) mark(this.prefix.get(p.slice(0, len)));
      for (const len of this.suffixLens) if (p.length >= len) mark(this.suffix.get(p.slice(p.length - len)));
    };
    for (let t = 0; t < words.length; t++) {
      const w = words[t]!;
      if (w.indexOf("'") < 0) lookup(w);
      else for (const p of tokenPieces(w)) lookup(p);
    }
    candidates.sort((a, b) => a - b);
    const hits: PatternHit<T>[] = [];
    for (const id of candidates) {
      const re = this.patterns[id]!.regex;
      re.lastIndex = 0;
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
      }
    }
    return hits;
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
