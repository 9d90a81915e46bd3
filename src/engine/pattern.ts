/**
 * The phrase pattern language (documented in rules/README.md), compiled to linear-time-safe
 * regular expressions over folded text, plus the "anchor" words that let the matcher skip
 * patterns whose words do not occur in a reply at all.
 *
 *   word word        words in order, any whitespace between them
 *   (a|b c)          one of the alternatives (each may be several words)
 *   [a|b c]          optional
 *   apolog*          a word that starts with "apolog"; *nummer: ends with "nummer"
 *   {we}             a macro of the language pack (a named set of alternatives)
 *   ...              up to three words inside one sentence
 *   #                a number (12, 9:30, 1.5, €20, 20%, 0800-0123) or a time (5pm, 17u)
 *   *                any one word (a brand name, say)
 *   <...>            the focus: only this part is flagged and replaced; the rest must match around it
 *   , . ! ? : ; / "  literal punctuation, spaces around it optional
 */
import { fold } from './fold.js';
import * as PATTERN_WORDS from './pattern-words.generated.js';

type Node =
  | { t: 'word'; text: string; prefix: boolean; suffix: boolean }
  | { t: 'punct'; ch: string }
  | { t: 'group'; alts: Node[][]; optional: boolean }
  | { t: 'gap' }
  | { t: 'any' }
  | { t: 'focus'; seq: Node[] }
  | { t: 'number' };

export interface Anchor {
  kind: 'exact' | 'prefix' | 'suffix';
  key: string;
}

export interface CompiledPattern {
  source: string;
  /** With a focus (<...>), group "f" holds the span to flag; the `d` flag gives its indices. */
  regex: RegExp;
  /** The pattern can only match when one of these is present; null: always try it. */
  anchors: Anchor[] | null;
  /** Words the pattern needs: each inner list holds alternatives, one of which must be in the text. */
  requires: string[][];
  /**
   * At most this many words can come before the anchor word in a match (-1: unknown). A match cannot
   * start earlier than that many words before the first anchor in the text, so the search starts there.
   */
  lead: number;
}

export type PatternProblem = keyof typeof PATTERN_WORDS.en;
type Vars = Record<string, string>;

/** What is wrong with a pattern: a key into the message catalogue's `pattern` part, in either language. */
export class PatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly problem: PatternProblem,
    readonly vars: Vars = {},
  ) {
    super(`pattern "${pattern}": ${patternProblem(problem, vars, 'en')}`);
    this.name = 'PatternError';
  }
}

/** The problem in words, in English or Dutch. */
export function patternProblem(problem: PatternProblem, vars: Vars, lang: 'en' | 'nl'): string {
  let s: string = PATTERN_WORDS[lang][problem];
  for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(v);
  return s;
}

const PUNCT = new Set([',', '.', '!', '?', ':', ';', '/', '"']);
const STRUCT = new Set(['(', ')', '[', ']', '|', '{', '}', '<', '>']);
/**
 * Letters and digits, as code units of folded text (lower case, diacritics gone): ASCII word
 * characters and the rest of the Basic Multilingual Plane below the surrogates. A short class, not
 * \p{L}\p{N}: V8 builds Unicode property classes on every RegExp construction, and this one is
 * repeated in every pattern. Emoji (surrogates) stay outside, so "thanks🙏" still ends at "thanks".
 */
const L = '\\w\\u00c0-\\ud7ff';
/**
 * The few characters the tokenizer counts as part of a word (letters and digits by Unicode) that the
 * class above does not: "²", "ª", "½", ligatures and fullwidth forms (a superset, tested). Where one
 * occurs, a pattern can match inside a token that did not make it a candidate.
 */
export const WORD_CHARS_PATTERNS_SPLIT = /[\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba\u00bc-\u00be\uf900-\uffdc]/;
const WORD_START = `(?<![${L}])`;
const WORD_END = `(?![${L}])`;

export type Macros = Readonly<Record<string, string>>;

function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly macros: Macros,
    private readonly depth: number,
  ) {}

  fail(problem: PatternProblem, vars?: Vars): never {
    throw new PatternError(this.src, problem, vars);
  }

  parseAll(): Node[] {
    const seq = this.parseAlternatives(null);
    if (this.i < this.src.length) this.fail('unexpected', { char: this.src[this.i]! });
    if (seq.length !== 1) {
      return [{ t: 'group', alts: seq, optional: false }];
    }
    return seq[0]!;
  }

  /** Parses `a b | c d` up to the closing bracket. */
  private parseAlternatives(close: string | null): Node[][] {
    const alts: Node[][] = [];
    let cur: Node[] = [];
    for (;;) {
      this.skipSpace();
      if (this.i >= this.src.length) {
        if (close) this.fail('missing', { char: close });
        break;
      }
      const ch = this.src[this.i]!;
      if (ch === close) {
        this.i++;
        break;
      }
      if (ch === ')' || ch === ']' || ch === '}') this.fail('unmatched', { char: ch });
      if (ch === '|') {
        this.i++;
        if (cur.length === 0) this.fail('emptyAlternative');
        alts.push(cur);
        cur = [];
        continue;
      }
      cur.push(this.parseItem());
    }
    if (cur.length === 0) this.fail(alts.length ? 'emptyAlternative' : 'empty');
    alts.push(cur);
    return alts;
  }

  private skipSpace(): void {
    while (this.i < this.src.length && /\s/.test(this.src[this.i]!)) this.i++;
  }

  focusSeen = false;

  private parseItem(): Node {
    const s = this.src;
    const ch = s[this.i]!;
    if (ch === '<') {
      if (this.depth > 0) this.fail('focusInMacro');
      if (this.focusSeen) this.fail('oneFocus');
      this.focusSeen = true;
      this.i++;
      const seq: Node[] = [];
      for (;;) {
        this.skipSpace();
        if (this.i >= s.length) this.fail('missing', { char: '>' });
        if (s[this.i] === '>') {
          this.i++;
          break;
        }
        if (s[this.i] === '|') this.fail('focusAlternatives');
        seq.push(this.parseItem());
      }
      if (seq.length === 0 || canBeEmpty(seq)) this.fail('focusEmpty');
      return { t: 'focus', seq };
    }
    if (ch === '>') this.fail('unmatched', { char: '>' });
    if (ch === '(' || ch === '[') {
      this.i++;
      const alts = this.parseAlternatives(ch === '(' ? ')' : ']');
      if (ch === '(' && s[this.i] === '?') this.fail('optionalGroup');
      return { t: 'group', alts: sortLongestFirst(alts), optional: ch === '[' };
    }
    if (ch === '{') {
      const end = s.indexOf('}', this.i);
      if (end < 0) this.fail('missing', { char: '}' });
      const name = s.slice(this.i + 1, end).trim();
      this.i = end + 1;
      const body = this.macros[name];
      if (body === undefined) this.fail('unknownMacro', { name });
      if (this.depth > 4) this.fail('macroDepth', { name });
      const inner = new Parser(body, this.macros, this.depth + 1).parseAll();
      return inner.length === 1 && inner[0]!.t === 'group' ? inner[0]! : { t: 'group', alts: [inner], optional: false };
    }
    if (s.startsWith('...', this.i) || ch === '\u2026') {
      this.i += ch === '\u2026' ? 1 : 3;
      return { t: 'gap' };
    }
    if (ch === '#' && !/[\p{L}\p{N}]/u.test(s[this.i + 1] ?? '')) {
      this.i++;
      return { t: 'number' };
    }
    if (PUNCT.has(ch)) {
      this.i++;
      return { t: 'punct', ch };
    }
    let j = this.i;
    while (j < s.length && !/\s/.test(s[j]!) && !STRUCT.has(s[j]!) && !PUNCT.has(s[j]!)) {
      if (s.startsWith('...', j)) break;
      j++;
    }
    const raw = s.slice(this.i, j);
    this.i = j;
    if (!raw) this.fail('unexpected', { char: ch });
    if (raw === '*') return { t: 'any' };
    const prefix = raw.endsWith('*');
    const suffix = raw.startsWith('*') && raw.length > 1;
    const core = raw.replace(/^\*/, '').replace(/\*$/, '');
    if (!core) this.fail('wildcardLetters');
    if (core.includes('*')) this.fail('wildcardPlace', { word: raw });
    if (!/[\p{L}\p{N}]/u.test(core)) this.fail('noLetters', { word: raw });
    if ((prefix || suffix) && core.replace(/[^\p{L}\p{N}]/gu, '').length < 3) {
      this.fail('wildcardShort', { word: raw });
    }
    return { t: 'word', text: fold(core), prefix, suffix };
  }
}

function sortLongestFirst(alts: Node[][]): Node[][] {
  return alts
    .map((a, idx) => ({ a, idx, len: approxLength(a) }))
    .sort((x, y) => y.len - x.len || x.idx - y.idx)
    .map((x) => x.a);
}

function approxLength(seq: Node[]): number {
  let n = 0;
  for (const node of seq) {
    if (node.t === 'word') n += node.text.length + 1;
    else if (node.t === 'group') n += Math.max(...node.alts.map(approxLength));
    else n += 1;
  }
  return n;
}

function isWordLike(node: Node, side: 'start' | 'end'): boolean {
  if (node.t === 'word' || node.t === 'number' || node.t === 'any') return true;
  if (node.t === 'punct' || node.t === 'gap') return false;
  if (node.t === 'focus') return isWordLike(node.seq[side === 'start' ? 0 : node.seq.length - 1]!, side);
  return node.alts.every((alt) => isWordLike(alt[side === 'start' ? 0 : alt.length - 1]!, side));
}

function separator(prev: Node, next: Node): string {
  if (prev.t === 'gap') return '';
  return isWordLike(prev, 'end') && isWordLike(next, 'start') ? '\\s+' : '\\s*';
}

function canBeEmpty(seq: Node[]): boolean {
  return seq.every((n) => (n.t === 'group' ? n.optional || n.alts.some(canBeEmpty) : n.t === 'focus' ? canBeEmpty(n.seq) : n.t === 'gap'));
}

const isOptional = (n: Node) => n.t === 'group' && n.optional;

/**
 * Word boundaries are asserted only where a match could otherwise start or end inside a word: at the
 * edges of the pattern and next to optional (\s*) separators. Between two words joined by \s+ the
 * whitespace is the boundary. Keeping the assertions few keeps the regular expressions small and fast.
 */
function renderNode(node: Node, needStart: boolean, needEnd: boolean): string {
  switch (node.t) {
    case 'word': {
      const body = escapeRegex(node.text);
      const pre = node.suffix ? `[${L}]*` : '';
      const post = node.prefix ? `[${L}]*` : '';
      return `${needStart ? WORD_START : ''}${pre}${body}${post}${needEnd ? WORD_END : ''}`;
    }
    case 'punct':
      return escapeRegex(node.ch);
    case 'number':
      // 12, 9:30, 1.5, €20, 20%, 0800-0123, 078 12 34 56, and times written 5pm, 17u, 9h.
      return `${needStart ? WORD_START : ''}[€$£]?\\d+(?:(?:[.,:/-]| (?=\\d))\\d+)*(?:am|pm|h|u|uur|%)?(?![${L}%])`;
    case 'any':
      return `${needStart ? WORD_START : ''}[^\\s.!?,;:]+`;
    case 'focus':
      return `(?<f>${renderSeq(node.seq, needStart, needEnd)})`;
    case 'gap':
      return `(?:[^\\s.!?]+\\s+){0,3}`;
    case 'group': {
      // One shared assertion outside the group when every alternative starts (ends) with a word.
      const hoistStart = needStart && isWordLike(node, 'start');
      const hoistEnd = needEnd && isWordLike(node, 'end');
      const inner = node.alts.map((alt) => renderSeq(alt, needStart && !hoistStart, needEnd && !hoistEnd)).join('|');
      return `${hoistStart ? WORD_START : ''}(?:${inner})${hoistEnd ? WORD_END : ''}`;
    }
  }
}

/**
 * Renders a sequence. An optional item carries the separator on its far side from the first
 * required item, so that leaving it out never leaves a double separator.
 */
function renderSeq(seq: Node[], needStart = true, needEnd = true): string {
  const firstRequired = seq.findIndex((n) => !isOptional(n));
  let lastRequired = -1;
  for (let k = seq.length - 1; k >= 0; k--) {
    if (!isOptional(seq[k]!)) {
      lastRequired = k;
      break;
    }
  }
  let out = '';
  for (let k = 0; k < seq.length; k++) {
    const node = seq[k]!;
    const prev = seq[k - 1];
    const next = seq[k + 1];
    const optional = isOptional(node);
    const sepBefore = prev ? separator(prev, node) : '';
    const sepAfter = next ? separator(node, next) : '';
    // The item can start the match when everything before it is optional (or it is first).
    const startsMatch = k <= firstRequired || firstRequired === -1;
    const endsMatch = k >= lastRequired;
    // Nothing before the first item (or after the last) in this sequence: only the caller's need counts.
    const ns = (needStart && startsMatch) || (k > 0 && sepBefore !== '\\s+');
    const ne = (needEnd && endsMatch) || (k < seq.length - 1 && sepAfter !== '\\s+');
    let body: string;
    if (node.t === 'gap' && next && !isWordLike(next, 'start')) body = `(?:\\s*[^\\s.!?]+){0,3}\\s*`; // before punctuation, the last word may touch it
    else if (node.t === 'group' && optional) {
      const hoistStart = ns && isWordLike(node, 'start');
      const hoistEnd = ne && isWordLike(node, 'end');
      body = `${hoistStart ? WORD_START : ''}(?:${node.alts.map((alt) => renderSeq(alt, ns && !hoistStart, ne && !hoistEnd)).join('|')})${hoistEnd ? WORD_END : ''}`;
    } else body = renderNode(node, ns, ne);
    if (firstRequired === -1 || k < firstRequired) {
      // Leading optionals: separator after them.
      out += optional ? `(?:${body}${sepAfter})?` : body + sepAfter;
    } else {
      const sep = k > firstRequired && prev ? sepBefore : '';
      out += optional ? `(?:${sep}${body})?` : sep + body;
    }
  }
  return out;
}

// ---- anchors ---------------------------------------------------------------------------------

function pieces(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function wordAnchor(node: Extract<Node, { t: 'word' }>): Anchor {
  const parts = pieces(node.text);
  // Inner pieces are whole tokens; the first piece of a suffix wildcard and the last of a prefix
  // wildcard are only partial.
  let best: Anchor | null = null;
  parts.forEach((p, idx) => {
    let kind: Anchor['kind'] = 'exact';
    if (node.prefix && idx === parts.length - 1) kind = 'prefix';
    if (node.suffix && idx === 0) kind = kind === 'prefix' ? 'exact' : 'suffix';
    if (node.prefix && node.suffix && parts.length === 1) kind = 'prefix'; // *abc*: unindexable as exact
    const a: Anchor = { kind, key: p };
    if (!best || anchorScore([a]) > anchorScore([best])) best = a;
  });
  return best!;
}

/** Words so common that anchoring on them would try the pattern on nearly every reply (set per compile). */
let commonWords: ReadonlySet<string> = new Set();

function anchorScore(set: Anchor[]): number {
  let min = Infinity;
  for (const a of set) {
    let s = a.key.length + (a.kind === 'exact' ? 2 : 0) - (a.kind !== 'exact' && a.key.length < 3 ? 10 : 0);
    if (a.kind === 'exact' && commonWords.has(a.key)) s -= 20;
    if (s < min) min = s;
  }
  return min - Math.log2(set.length);
}

/** For each required part of the pattern, the exact words one of which must occur. */
function requiredWords(seq: Node[]): string[][] {
  const out: string[][] = [];
  for (const node of seq) {
    const set = nodeAnchors(node);
    if (set && set.every((a) => a.kind === 'exact')) out.push([...new Set(set.map((a) => a.key))]);
  }
  return out;
}

function seqAnchors(seq: Node[]): Anchor[] | null {
  return seqAnchorsAt(seq).anchors;
}

/** The best anchor set of a sequence and the index of the item it comes from. */
function seqAnchorsAt(seq: Node[]): { anchors: Anchor[] | null; index: number } {
  let best: Anchor[] | null = null;
  let index = -1;
  seq.forEach((node, i) => {
    const set = nodeAnchors(node);
    if (set && (!best || anchorScore(set) > anchorScore(best))) {
      best = set;
      index = i;
    }
  });
  return { anchors: best, index };
}

/** The most tokens a node can span (Infinity when punctuation makes character positions uncertain). */
function maxTokens(node: Node): number {
  switch (node.t) {
    case 'word':
      return node.text.split(/[^\p{L}\p{N}']+/u).filter(Boolean).length;
    case 'number':
      return 4;
    case 'any':
      return 1;
    case 'gap':
      return 3;
    case 'punct':
      return Infinity;
    case 'focus':
      return node.seq.reduce((a, n) => a + maxTokens(n), 0);
    case 'group':
      return Math.max(...node.alts.map((alt) => alt.reduce((a, n) => a + maxTokens(n), 0)));
  }
}

function leadOf(seq: Node[]): number {
  const { index } = seqAnchorsAt(seq);
  if (index < 0) return -1;
  let lead = maxTokens(seq[index]!) - 1;
  for (let i = 0; i < index; i++) lead += maxTokens(seq[i]!);
  return Number.isFinite(lead) ? lead : -1;
}

function nodeAnchors(node: Node): Anchor[] | null {
  if (node.t === 'focus') return seqAnchors(node.seq);
  if (node.t === 'word') {
    if (node.prefix && node.suffix) return null;
    return [wordAnchor(node)];
  }
  if (node.t === 'group') {
    if (node.optional) return null;
    const all: Anchor[] = [];
    for (const alt of node.alts) {
      const set = seqAnchors(alt);
      if (!set) return null;
      all.push(...set);
    }
    return all;
  }
  return null;
}

/**
 * Compiles a pattern. `common` lists the language's most frequent words, which make poor anchors:
 * a pattern is indexed under a rarer word of its own when it has one.
 */
export function compilePattern(source: string, macros: Macros = {}, common?: ReadonlySet<string>): CompiledPattern {
  commonWords = common ?? new Set();
  const seq = new Parser(source, macros, 0).parseAll();
  if (canBeEmpty(seq)) throw new PatternError(source, 'matchesNothing');
  if (seq[0]!.t === 'gap' || seq[seq.length - 1]!.t === 'gap') {
    throw new PatternError(source, 'dotsPlace');
  }
  const focused = seq.some(function has(n: Node): boolean {
    return n.t === 'focus' || (n.t === 'group' && n.alts.some((a) => a.some(has)));
  });
  const regex = new RegExp(renderSeq(seq), focused ? 'gd' : 'g');
  return { source, regex, anchors: seqAnchors(seq), requires: requiredWords(seq), lead: leadOf(seq) };
}

/**
 * A compiled pattern as compact plain data: what the rule build ships, so the engine skips parsing.
 * Anchors are strings with a kind mark: "=word" exact, ">pre" prefix, "<suf" suffix; null: none.
 */
export type PrecompiledPattern = [regexSource: string, flags: string, anchors: string[] | null, requires: string[][], lead: number];

const MARK = { exact: '=', prefix: '>', suffix: '<' } as const;
const KIND = { '=': 'exact', '>': 'prefix', '<': 'suffix' } as const;

export function toPrecompiled(c: CompiledPattern): PrecompiledPattern {
  return [c.regex.source, c.regex.flags, c.anchors ? c.anchors.map((a) => MARK[a.kind] + a.key) : null, c.requires, c.lead];
}

export function fromPrecompiled(source: string, p: PrecompiledPattern): CompiledPattern {
  const anchors = p[2] ? p[2].map((a) => ({ kind: KIND[a[0] as keyof typeof KIND], key: a.slice(1) })) : null;
  return { source, regex: new RegExp(p[0], p[1]), anchors, requires: p[3], lead: p[4] };
}

/** A canonical form of a pattern, for spotting duplicates. */
export function canonicalPattern(source: string): string {
  return fold(source).replace(/\s+/g, ' ').replace(/\s*([()[\]|])\s*/g, '$1').trim();
}
