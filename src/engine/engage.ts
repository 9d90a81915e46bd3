/**
 * Engagement: what a reply does with the message it answers.
 *
 * The substance of a reply is what is left after taking away what any reply could say: the phrases
 * the rules call formulas, the greeting and the person's name, the sign-off, mentions, links, emoji,
 * function words and the vocabulary every service reply uses ("help", "DM", "details", "account").
 * From the substance and the customer's message: does the reply take up their words or numbers,
 * explain a cause, ask a question only this message could prompt, or send them somewhere else?
 *
 * Pure and language-pack driven: the word lists are in rules/<lang>/_lexicon.yaml (`engagement`).
 */
import { fold } from './fold.js';
import type { Identifiers, Pack } from './packs.js';
import { sentences, type Span, type Tokens } from './text.js';
import type { Engagement, EngagementEcho } from './types.js';
import { W } from './wordclass.js';

export interface EngageInput {
  text: string;
  tokens: Tokens;
  bits: readonly number[];
  pack: Pack;
  /** Spans that are formula (phrase-rule flags): not substance. */
  formula: readonly Span[];
  signoff: Span | null;
  readerForms: readonly string[] | null;
  /** The message being answered ('' when unknown). */
  context: string;
  contextFolded: string;
  /** What in the message shows feeling, in its own words (null when calm or unknown). */
  heat: string | null;
  acknowledged: boolean;
  /** Spans the next-step cue found, if any. */
  nextStep: Span | null;
  /** Spans of process-category flags (pushes found by rules or the channel check). */
  pushes: readonly Span[];
  /** The message's tokens (already made for the heat check), or null when there is no message. */
  contextTokens: Tokens | null;
  /** The reply's sentences, made on first use and shared with the checks. */
  sentences: () => Span[];
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** A crude stem, the same for both languages: enough to match "deliveries" with "delivery", "gebeld" with "bellen" rarely, "facturen" with "factuur" not at all. */
/** Stems by word id (words.ts), with the word they were made from: ids are reused after the table starts afresh. */
const stemWord: string[] = [];
const stemById: string[] = [];

/** stemOf, remembered per word id: the same words come back reply after reply. */
function stemCached(word: string, id: number): string {
  if (stemWord[id] === word) return stemById[id]!;
  const s = stemOf(word);
  stemWord[id] = word;
  stemById[id] = s;
  return s;
}

export function stemOf(word: string): string {
  let w = word;
  const q = w.indexOf("'");
  if (q > 0) w = w.slice(0, q);
  if (w.length > 5) w = w.replace(/(ing|ed|es|en|s|e|ly|je|tje)$/, '');
  else if (w.length > 3) w = w.replace(/(s|e)$/, '');
  return w.slice(0, 6);
}

const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;
const NUMBER_RE = /\d[\d:.,/-]*\d|\d/g;

/** Character ranges that are never substance: mentions, links, hashtags' marks. */
function skipRanges(text: string): Span[] {
  const out: Span[] = [];
  const mention = /@\w+/g;
  let m: RegExpExecArray | null;
  while ((m = mention.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length });
  if (text.indexOf('http') >= 0 || text.indexOf('www.') >= 0) {
    URL_RE.lastIndex = 0;
    while ((m = URL_RE.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * A test "is this position inside one of the spans?" for positions asked in increasing order: the
 * spans are sorted once and a cursor moves along them, so a reply with thousands of formula matches
 * costs as many steps as it has words plus spans, not their product.
 */
export function insideAny(spans: readonly Span[]): (pos: number) => boolean {
  if (spans.length === 0) return () => false;
  const sorted = spans.length === 1 ? spans : [...spans].sort((a, b) => a.start - b.start);
  let i = 0;
  let reach = -1; // the furthest end among spans that start at or before the position last asked
  return (pos) => {
    while (i < sorted.length && sorted[i]!.start <= pos) {
      if (sorted[i]!.end > reach) reach = sorted[i]!.end;
      i++;
    }
    return pos < reach;
  };
}

/** Content words of the customer's message, by stem, with the word as they wrote it. */
function contextWords(ctx: string, tokens: Tokens | null, pack: Pack): { stems: Set<string>; numbers: Set<string>; detail: string | null; thanks: boolean } {
  const stems = new Set<string>();
  const numbers = new Set<string>();
  let detail: string | null = null;
  let thanks = false;
  if (!tokens) return { stems, numbers, detail, thanks };
  const inSkip = insideAny(ctx.indexOf('@') >= 0 || ctx.indexOf('http') >= 0 ? skipRanges(ctx) : []);
  const SKIP = W.stopword | W.greeting | W.service | W.firstPerson | W.orgVoice;
  for (let t = 0; t < tokens.words.length; t++) {
    const w = tokens.words[t]!;
    const bits = pack.wordBits.get(tokens.ids[t]!) - 1;
    if (bits & W.thanks) thanks = true;
    if (w.length < 4 || bits & SKIP || isDigit(w.charCodeAt(0))) continue;
    if (inSkip(tokens.starts[t]!)) continue;
    stems.add(stemCached(w, tokens.ids[t]!));
  }
  let m: RegExpExecArray | null;
  NUMBER_RE.lastIndex = 0;
  while ((m = NUMBER_RE.exec(ctx)) !== null) {
    if (ctx[m.index - 1] === '@' || /\w/.test(ctx[m.index - 1] ?? '')) continue;
    if (m[0].length < 2) continue;
    numbers.add(m[0]);
    if (!detail) {
      const before = /([\p{L}]{3,})\s+$/u.exec(ctx.slice(Math.max(0, m.index - 30), m.index));
      detail = before && !pack.words.stopwords.has(fold(before[1]!)) ? `${before[1]} ${m[0]}` : m[0];
    }
  }
  return { stems, numbers, detail, thanks };
}

/** The first question the message asks, in its words (made only when a pointer or a judgement needs it). */
function questionOf(ctx: string, sentenceList: () => Span[]): string | null {
  if (ctx.indexOf('?') < 0) return null;
  for (const s of sentenceList()) {
    const body = ctx.slice(s.start, s.end).replace(/^(?:@\w+[\s,:]*)+/, '').trim();
    if (body.endsWith('?') && /\p{L}{3,}/u.test(body) && body.length >= 8) return body.length > 120 ? body.slice(0, 117) + '...' : body;
  }
  return null;
}

/** The gist of the message for a pointer: its longest sentence among the first few, mentions and links aside. */
function gistOf(ctx: string, sentenceList: () => Span[]): string | null {
  let best = '';
  let n = 0;
  for (const s of sentenceList()) {
    if (++n > 4) break;
    let body = ctx.slice(s.start, s.end);
    // Mentions and links go (only a sentence with an @ or "http" can hold one).
    if (body.indexOf('@') >= 0 || body.indexOf('＠') >= 0 || body.indexOf('http') >= 0) body = body.replace(/[@＠][\p{L}\p{N}_.]+|https?:\/\/\S+/gu, '');
    body = body.replace(/\s+/g, ' ').trim();
    if (body.length > best.length && /\p{L}{3,}/u.test(body)) best = body;
  }
  return best.length >= 8 ? best : null;
}

/**
 * Sentences that send the person elsewhere: a channel (DM, a link, a form, a phone line) with a
 * request ("please", "can you", "stuur"), or a note that the answer went elsewhere ("replied in DM").
 * Each push comes with the places its flag may take, best first: the sentence up to its last key
 * word, then the channel word alone (when a formula already covers part of the sentence).
 */
export function channelPushes(text: string, tokens: Tokens, bits: readonly number[], pack: Pack, sentenceList: () => readonly Span[]): Span[][] {
  // Most replies name no channel and hold no link or phone number: nothing to split into sentences.
  let any = false;
  for (let t = 0; t < bits.length && !any; t++) if (bits[t]! & (W.channel | W.elsewhere | W.identifier)) any = true;
  if (!any && !LINK_HINT.test(text)) return [];
  const dataWords = pack.engagement.dataWords;
  const out: Span[][] = [];
  let t = 0;
  for (const s of sentenceList()) {
    let channel: Span | null = null;
    let request = false;
    let away = false;
    let lastKey = -1;
    while (t < tokens.words.length && tokens.starts[t]! < s.start) t++;
    for (let k = t; k < tokens.words.length && tokens.starts[k]! < s.end; k++) {
      const b = bits[k]!;
      // "Which store was it?" asks about a place; it sends nobody there.
      if (b & W.channel && !(k > t && pack.engagement.interrogatives.has(tokens.words[k - 1]!))) {
        channel ??= { start: tokens.starts[k]!, end: tokens.ends[k]! };
        lastKey = tokens.ends[k]!;
      }
      // A channel word that is also a verb ("mail", "DM") asks only as a verb: not after "your", "je",
      // "the" ("ik heb je mail ontvangen" asks nothing; "just DM us" does).
      if (b & W.request && (!(b & W.channel) || k === t || !pack.engagement.determiners.has(tokens.words[k - 1]!))) request = true;
      if (b & W.elsewhere) away = true;
      if (channel && dataWords.has(tokens.words[k]!)) lastKey = tokens.ends[k]!;
    }
    if (!channel) {
      const body = text.slice(s.start, s.end);
      const link = LINK_RE.exec(body);
      if (link) {
        channel = { start: s.start + link.index, end: s.start + link.index + link[0].length };
        lastKey = channel.end;
      } else {
        // No channel named, but their account number, address or the like asked for (a request, or a
        // question): handing it over is the process's first step.
        const id = identifierIn(tokens, bits, t, s.end, pack.engagement.identifiers);
        if (id && (request || /\?\s*$/.test(body)) && !negatedBefore(tokens, bits, t, id.start)) {
          channel = id;
          lastKey = id.end;
          request = true;
        }
      }
    }
    if (channel && (request || away)) {
      const clause = { start: s.start, end: Math.max(lastKey, channel.end) };
      out.push(clause.end - clause.start < s.end - s.start ? [clause, s, channel] : [s, channel]);
    }
  }
  return out;
}

/** A negator ("without", "don't", "zonder", "geen") among the tokens from `from` up to `end`: "without sharing your account number" asks for none. */
function negatedBefore(tokens: Tokens, bits: readonly number[], from: number, end: number): boolean {
  for (let k = from; k < tokens.words.length && tokens.starts[k]! < end; k++) if (bits[k]! & W.negator) return true;
  return false;
}

/** The first identifier ("klantnummer", "order number") among the tokens from `from` up to `end`. */
function identifierIn(tokens: Tokens, bits: readonly number[], from: number, end: number, identifiers: Identifiers): Span | null {
  for (let k = from; k < tokens.words.length && tokens.starts[k]! < end; k++) {
    if (!(bits[k]! & W.identifier)) continue;
    const w = tokens.words[k]!;
    if (k > from && identifiers.pairs.get(w)?.has(tokens.words[k - 1]!)) return { start: tokens.starts[k - 1]!, end: tokens.ends[k]! };
    if (identifiers.single.has(w)) return { start: tokens.starts[k]!, end: tokens.ends[k]! };
  }
  return null;
}

const LINK_HINT = /https?:|www\.|\d{3}[-. ]\d{3}|0[89]00/i;
const LINK_RE = /https?:\/\/\S+|www\.\S+|\b\d{3}[-. ]\d{3}[-. ]\d{4}\b|\b0[89]00[- ]?\d+/i;

/** The engagement of a text that was not analysed (empty, or not English or Dutch). */
export function emptyEngagement(): Engagement {
  return { compared: false, level: 'none', substance: [], echoes: [], cause: null, question: null, nextStep: null, push: null, beyondPush: 0, words: 0, thanked: false, gist: null, asked: null, heat: null, acknowledged: false, detail: null, pointers: [] };
}

export function engage(input: EngageInput): Engagement {
  const { text, tokens, bits, pack, formula, signoff, readerForms } = input;
  const compared = input.contextFolded.trim().length > 0;
  const cw = contextWords(input.context, compared ? input.contextTokens : null, pack);
  const skip = text.indexOf('@') >= 0 || text.indexOf('http') >= 0 || text.indexOf('www.') >= 0 ? skipRanges(text) : [];

  // The greeting: a greeting word at the start (after mentions), and the words up to the first comma or stop.
  let t0 = 0;
  const words = tokens.words;
  const inSkipStart = insideAny(skip);
  while (t0 < words.length && inSkipStart(tokens.starts[t0]!)) t0++;
  let greetEnd = -1;
  if (t0 < words.length && bits[t0]! & W.greeting) {
    greetEnd = tokens.ends[t0]!;
    for (let k = t0 + 1; k < Math.min(words.length, t0 + 4); k++) {
      const gap = text.slice(tokens.ends[k - 1]!, tokens.starts[k]!);
      if (/[,.!?:\n]/.test(gap)) break;
      if (/^\p{Lu}/u.test(text.slice(tokens.starts[k]!, tokens.starts[k]! + 1)) || bits[k]! & W.greeting || words[k] === 'there' || words[k] === 'daar') greetEnd = tokens.ends[k]!;
      else break;
    }
  }

  const substance: Span[] = [];
  const echoes: EngagementEcho[] = [];
  const seenEcho = new Set<string>();
  let causeSpan: Span | null = null;
  let said = 0;
  const inSkip = insideAny(skip);
  const inFormula = insideAny(formula);
  for (let t = 0; t < words.length; t++) {
    const start = tokens.starts[t]!;
    const end = tokens.ends[t]!;
    if (start < greetEnd) continue;
    if (signoff && start >= signoff.start) continue;
    if (inSkip(start)) continue;
    said++;
    if (inFormula(start)) continue;
    const w = words[t]!;
    const b = bits[t]!;
    if (b & W.cause && !causeSpan) causeSpan = { start, end };
    if (b & (W.stopword | W.firstPerson | W.orgVoice | W.greeting | W.service) || w.length < 2) continue;
    if (readerForms && readerForms.includes(w)) continue;
    const isNumber = isDigit(w.charCodeAt(0));
    if (isNumber && w.length === 1) continue;
    substance.push({ start, end });
    if (compared) {
      const hit = isNumber ? cw.numbers.has(text.slice(start, end)) : w.length >= 4 && cw.stems.has(stemCached(w, tokens.ids[t]!));
      if (hit) {
        const key = isNumber ? w : stemCached(w, tokens.ids[t]!);
        if (!seenEcho.has(key)) {
          seenEcho.add(key);
          echoes.push({ text: text.slice(start, end), start, end, number: isNumber });
        }
      }
    }
  }

  // Sentences that send the person elsewhere: their words and questions are the push, not engagement.
  const push = input.pushes[0] ?? null;
  const all = push || text.indexOf('?') >= 0 ? input.sentences() : [];
  const pushSentences = push ? all.filter((s) => input.pushes.some((p) => p.start < s.end && p.end > s.start)) : [];
  const inPush = (w: Span) => pushSentences.some((s) => w.start >= s.start && w.end <= s.end);
  const beyondPush = push ? substance.filter((w) => !inPush(w)).length : substance.length;
  // A question of the reply's own: a sentence ending in "?" with substance in it, not a request to go elsewhere.
  let question: Span | null = null;
  for (const s of all) {
    if (text[s.end - 1] !== '?' || inPush(s)) continue;
    if (substance.some((w) => w.start >= s.start && w.end <= s.end)) {
      question = s;
      break;
    }
  }
  const n = substance.length;
  const engaged = echoes.length > 0 || causeSpan !== null || question !== null || input.nextStep !== null || n >= 5;
  const level: Engagement['level'] = engaged ? 'engaged' : n >= 2 ? 'thin' : 'none';
  let detail: string | null = null;
  if (compared && !echoes.some((e) => e.number)) detail = cw.detail;
  // Their question matters where the reply does not engage (a pointer, "left unanswered") or where
  // they only thanked (a thank-you with a question is not only a thank-you).
  // The message's sentences, split once for the question and the gist.
  let contextSentences: Span[] | null = null;
  const messageSentences = () => (contextSentences ??= sentences(input.context));
  const asked = compared && (level !== 'engaged' || cw.thanks) ? questionOf(input.context, messageSentences) : null;
  return {
    compared,
    level,
    substance,
    echoes,
    cause: causeSpan,
    question,
    nextStep: input.nextStep,
    push,
    beyondPush,
    words: said,
    thanked: compared && cw.thanks && input.heat === null && asked === null,
    gist: compared && level !== 'engaged' ? gistOf(input.context, messageSentences) : null,
    asked,
    heat: input.heat,
    acknowledged: input.acknowledged,
    detail,
    pointers: [],
  };
}

/** Folds a phrase of the customer's for showing in a pointer (keeps their spelling, trims it). */
export function quoteOf(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? t.slice(0, 77) + '...' : t;
}

export { fold };
