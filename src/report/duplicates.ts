/**
 * Replies sent again and again (canned text). Each reply is normalised (lowercase; @mentions, links,
 * numbers, sign-offs like ^JD or -Name, punctuation, and the answered person's name when known, removed); equal normal forms are one group
 * (exact duplicates, by hash map); groups whose word 3-shingle sets have Jaccard similarity at or above
 * the threshold join one cluster (near duplicates), found with MinHash and LSH banding so the work grows
 * with the number of replies, not its square. Incremental: `add` one reply at a time.
 */

/**
 * Words of a reply's normal form. With `author` (the person answered), their name's words go too, so
 * "Sorry for the wait, Sam. ..." and "Sorry for the wait, Priya. ..." are the same text.
 */
export function normalizeWords(text: string, author?: string): string[] {
  const words = plainWords(text);
  if (!author) return words;
  const name = new Set(plainWords(author.replace(/^@/, '')).filter((w) => w.length >= 2));
  return name.size === 0 ? words : words.filter((w) => !name.has(w));
}

function plainWords(text: string): string[] {
  // Nearly every reply is plain ASCII: then NFKC changes nothing, \p{L} is [A-Za-z], \p{N} is [0-9],
  // and there is no \p{M}, so cheaper expressions give the same words. Each step also runs only when
  // the character it needs is there at all (the result is the same: a replace that cannot match).
  if (!NOT_ASCII.test(text)) return asciiWords(text.toLowerCase());
  let t = text.normalize('NFKC').toLowerCase();
  t = t.replace(/(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*/g, ' '); // links
  t = t.replace(/[@＠][\p{L}\p{N}_.]+/gu, ' '); // @mentions
  t = t.replace(/\^\s?\p{L}[\p{L}.]{0,5}/gu, ' '); // ^JD anywhere
  // A trailing sign-off: "-Name", "- Name", "–Jan D.", "~AB", "*TJ", "/EV" (one or two short words).
  t = t.replace(/(?:^|\s)[-–—~*/]\s?\p{L}[\p{L}.]{0,20}(?:\s\p{L}[\p{L}.]{0,2})?[\s\p{P}\p{S}]*$/u, ' ');
  t = t.replace(/\p{N}+/gu, ' '); // order numbers, times, amounts
  t = t.replace(/['’‘`´]/g, ''); // you're -> youre
  t = t.replace(/[^\p{L}\p{M}]+/gu, ' '); // punctuation, symbols, emoji
  const s = t.trim();
  return s === '' ? [] : s.split(' ');
}

const NOT_ASCII = /[^\x00-\x7f]/;

/** plainWords for lowercased ASCII text: the same steps, each only when it can match. */
function asciiWords(text: string): string[] {
  let t = text;
  if (t.indexOf('://') >= 0 || t.indexOf('www.') >= 0) t = t.replace(/(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*/g, ' ');
  if (t.indexOf('@') >= 0) t = t.replace(/@[A-Za-z0-9_.]+/g, ' ');
  if (t.indexOf('^') >= 0) t = t.replace(/\^\s?[A-Za-z][A-Za-z.]{0,5}/g, ' ');
  // ASCII punctuation and symbols (\p{P} and \p{S}) are all of !-/ :-@ [-` {-~.
  if (/[-~*/]/.test(t)) t = t.replace(/(?:^|\s)[-~*/]\s?[A-Za-z][A-Za-z.]{0,20}(?:\s[A-Za-z][A-Za-z.]{0,2})?[\s!-/:-@[-`{-~]*$/, ' ');
  // Digits are left to the last step: they become a space there as they did in their own step before.
  if (t.indexOf("'") >= 0 || t.indexOf('`') >= 0) t = t.replace(/['`]/g, '');
  t = t.replace(/[^A-Za-z]+/g, ' ');
  const s = t.trim();
  return s === '' ? [] : s.split(' ');
}

/** FNV-1a over a string's UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finaliser: a good 32-bit mix. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Sorted, distinct hashes of the word 3-shingles (the whole text when it has fewer than 3 words). */
export function shingles(words: readonly string[]): Uint32Array {
  const hs: number[] = [];
  if (words.length < 3) hs.push(fnv1a(words.join(' ')));
  else for (let i = 0; i + 3 <= words.length; i++) hs.push(fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  const sorted = Uint32Array.from(hs).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  return sorted.slice(0, n);
}

/** Jaccard similarity of two sorted, distinct hash sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - both;
  return union === 0 ? 1 : both / union;
}

export const BANDS = 16;
const ROWS = 4; // 16 bands of 4: a pair at Jaccard 0.8 is a candidate with probability > 0.999
const HASHES = BANDS * ROWS;
const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 ^ Math.imul(i + 1, 0x7feb352d)));
/** At most this many members of a bucket are compared with a newcomer (keeps a crowded bucket linear). */
export const BUCKET_REPS = 8;
const BAND_SEEDS = Uint32Array.from({ length: BANDS }, (_, b) => mix(0x85ebca6b ^ Math.imul(b + 1, 0x27d4eb2f)));

function minhash(set: Uint32Array): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (let s = 0; s < set.length; s++) {
    const x = set[s]!;
    for (let k = 0; k < HASHES; k++) {
      const v = mix(x ^ SEEDS[k]!);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

export interface DuplicateOptions {
  /** Jaccard similarity of word 3-shingles at or above which two replies are near duplicates (0.8). */
  similarity?: number;
  /** Replies with fewer words than this after normalising are not clustered (3). */
  minWords?: number;
}

/** One group of replies with the same normal form. */
export interface Group {
  id: number;
  key: string;
  /** Members, in the order added (indexes the caller gives). */
  members: number[];
}

/** Finds exact and near duplicates; the caller keeps whatever it wants to know about each member. */
export class DuplicateFinder {
  readonly groups: Group[] = [];
  /**
   * Candidates examined so far (earlier replies met in a shared LSH bucket): the work that could grow
   * with the square of the input. At most BANDS × BUCKET_REPS per distinct reply, whatever the input
   * (the tests count this, not time).
   */
  candidates = 0;
  private readonly byKey = new Map<string, Group>();
  private readonly sets: Uint32Array[] = [];
  private readonly parent: number[] = [];
  /** LSH buckets of all bands in one map, keyed by a 32-bit hash of (band, its rows): one group id, or a few. */
  private readonly buckets = new Map<number, number | number[]>();
  private readonly similarity: number;
  private readonly minWords: number;

  constructor(options: DuplicateOptions = {}) {
    this.similarity = options.similarity ?? 0.8;
    this.minWords = options.minWords ?? 3;
  }

  /** Adds reply `member` (`author`: the person answered); returns its group, or null when it is too short to cluster. */
  add(text: string, member: number, author?: string): Group | null {
    const words = normalizeWords(text, author);
    if (words.length < this.minWords) return null;
    const key = words.join(' ');
    let g = this.byKey.get(key);
    if (g) {
      g.members.push(member);
      return g;
    }
    g = { id: this.groups.length, key, members: [member] };
    this.groups.push(g);
    this.byKey.set(key, g);
    this.parent.push(g.id);
    const set = shingles(words);
    this.sets.push(set);
    this.index(g.id, set);
    return g;
  }

  private index(id: number, set: Uint32Array) {
    const sig = minhash(set);
    for (let b = 0; b < BANDS; b++) {
      let h = BAND_SEEDS[b]!;
      for (let r = 0; r < ROWS; r++) h = mix(h ^ sig[b * ROWS + r]!);
      const found = this.buckets.get(h);
      if (found === undefined) {
        this.buckets.set(h, id);
        continue;
      }
      const reps = typeof found === 'number' ? [found] : found;
      for (const rep of reps) {
        this.candidates++;
        if (this.find(rep) === this.find(id)) continue;
        if (jaccard(set, this.sets[rep]!) >= this.similarity) this.union(rep, id);
      }
      if (reps.length < BUCKET_REPS) {
        reps.push(id);
        if (typeof found === 'number') this.buckets.set(h, reps);
      }
    }
  }

  find(id: number): number {
    let r = id;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[id] !== r) {
      const next = this.parent[id]!;
      this.parent[id] = r;
      id = next;
    }
    return r;
  }

  private union(a: number, b: number) {
    const ra = this.find(a);
    const rb = this.find(b);
    // The older group stays the root, so clusters do not depend on how the work was sliced.
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }

  /** Clusters of groups (by root), each with its groups in the order they were first seen. */
  clusters(): Group[][] {
    const byRoot = new Map<number, Group[]>();
    for (const g of this.groups) {
      const r = this.find(g.id);
      const list = byRoot.get(r);
      if (list) list.push(g);
      else byRoot.set(r, [g]);
    }
    return [...byRoot.values()];
  }
}
