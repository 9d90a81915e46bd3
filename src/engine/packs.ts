/** Language packs: the compiled rule data of one language, built once on first use. */
import { fold } from './fold.js';
import { PatternSet } from './match.js';
import { WordTable } from './words.js';
import { compilePattern, fromPrecompiled, type CompiledPattern, type Macros, type PrecompiledPattern } from './pattern.js';
import type { CategoryInfo, Lexicon } from './schema.js';
import type { CueSource, Lang, RuleSource } from './types.js';
import type { ScoreModelData } from './features.js';
import generated from './rules.generated.js';

export interface PackSource {
  macros: Macros;
  lexicon: Lexicon;
  rules: RuleSource[];
  cues: CueSource[];
  /** Every built-in pattern, compiled by the rule build (pattern text -> regex, anchors, words). */
  compiled?: Record<string, PrecompiledPattern>;
}

export interface GeneratedRules {
  categories: CategoryInfo;
  /** Function words of languages we do not coach in, so that they are recognised and left alone. */
  detect: Record<string, string[]>;
  packs: Record<Lang, PackSource>;
  score: ScoreModelData;
}

export type MatchRef =
  | { kind: 'rule'; rule: number }
  | { kind: 'cue'; cue: number }
  | { kind: 'ack' }
  | { kind: 'participle' };

export interface CompiledRule {
  src: RuleSource;
  /** Position in the pack, for stable ordering. */
  order: number;
}

export { W } from './wordclass.js';
import { W } from './wordclass.js';

export interface Pack {
  lang: Lang;
  /** Per word id (see words.ts): the word's classes in this language (W bits), plus one. */
  wordBits: WordTable;
  lexicon: Lexicon;
  macros: Macros;
  rules: CompiledRule[];
  checkRules: CompiledRule[];
  /** Ids of the whole-reply check rules. */
  checkIds: ReadonlySet<string>;
  /** Rule id to the name of its check, for whole-reply check rules. */
  checkOf: ReadonlyMap<string, string>;
  cues: CueSource[];
  /** Phrase rules, phrase cues and acknowledgement patterns, matched over the reply in one pass. */
  replySet: PatternSet<MatchRef>;
  /** Distress and contentment patterns, matched over the message being answered. */
  contextSet: PatternSet<'distress' | 'positive'>;
  words: {
    firstPerson: Set<string>;
    orgVoice: Set<string>;
    departments: Set<string>;
    greetings: Set<string>;
    signoffLeads: string[][];
    negators: Set<string>;
    auxiliaries: Set<string>;
    agents: Set<string>;
    genericWords: Set<string>;
    sentenceStarters: Set<string>;
    formal: Set<string>;
    informal: Set<string>;
    stopwords: Set<string>;
  };
  /** Word lists of the engagement measure (engage.ts). */
  engagement: {
    service: Set<string>;
    cause: Set<string>;
    channels: Set<string>;
    requests: Set<string>;
    dataWords: Set<string>;
    /** What identifies a customer (one word, or two: "order number"): asking for it is the first step of a process. */
    identifiers: Identifiers;
    determiners: Set<string>;
    /** "which", "welke": a channel word right after one is asked about ("which store was it?"), not sent to. */
    interrogatives: Set<string>;
    elsewhere: Set<string>;
    thanks: Set<string>;
  };
  /** First-person rewrites: folded phrase (one to three words) to its replacement. */
  rewrites: Map<string, string>;
  rewriteMaxWords: number;
}

export const DATA = generated as GeneratedRules;

/** Checks that only mark a place (the last word, the opening sentence): their flags give way to content. */
export const POSITIONAL = new Set(['unsigned', 'corporate-we', 'unacknowledged-distress', 'unused-name', 'ignored-specifics', 'nothing-specific', 'left-unanswered', 'no-voice']);

const cache = new Map<Lang, Pack>();

export function getPack(lang: Lang): Pack {
  let pack = cache.get(lang);
  if (!pack) {
    pack = buildPack(lang, DATA.packs[lang]);
    cache.set(lang, pack);
  }
  return pack;
}

const foldList = (list: readonly string[]) => new Set(list.map((w) => fold(w.trim())));

/** Identifiers by their last word: one-word ones match alone, two-word ones need the word before. */
export interface Identifiers {
  single: Set<string>;
  /** Last word to the words that may come before it. */
  pairs: Map<string, Set<string>>;
}

function identifiersOf(list: readonly string[]): Identifiers {
  const out: Identifiers = { single: new Set(), pairs: new Map() };
  for (const item of list) {
    const words = fold(item.trim()).split(/\s+/);
    if (words.length === 1) out.single.add(words[0]!);
    else {
      const last = words[words.length - 1]!;
      if (!out.pairs.has(last)) out.pairs.set(last, new Set());
      out.pairs.get(last)!.add(words[words.length - 2]!);
    }
  }
  return out;
}

/** Words so common that a pattern should not be indexed under them: function words and pronouns. */
export function commonWords(lexicon: Lexicon): Set<string> {
  return new Set([...lexicon.stopwords, ...lexicon.firstPerson, ...lexicon.orgVoice].map((w) => fold(w)));
}

export function buildPack(lang: Lang, src: PackSource, extra: readonly RuleSource[] = []): Pack {
  const { lexicon, macros } = src;
  // The language's function words and pronouns are poor anchors: set them before compiling.
  const common = commonWords(lexicon);
  // Built-in patterns come compiled from the rule build; extra rules are compiled here.
  const compile = (p: string): CompiledPattern => {
    const pre = src.compiled?.[p];
    return pre ? fromPrecompiled(p, pre) : compilePattern(p, macros, common);
  };
  const replySet = new PatternSet<MatchRef>();
  const rules: CompiledRule[] = [];
  const checkRules: CompiledRule[] = [];
  for (const rule of [...src.rules, ...extra]) {
    const compiled: CompiledRule = { src: rule, order: rules.length };
    rules.push(compiled);
    if (rule.check) checkRules.push(compiled);
    for (const p of rule.patterns ?? []) replySet.add(compile(p), { kind: 'rule', rule: compiled.order });
  }
  src.cues.forEach((cue, i) => {
    for (const p of cue.patterns ?? []) replySet.add(compile(p), { kind: 'cue', cue: i });
  });
  for (const p of lexicon.acknowledgement) replySet.add(compile(p), { kind: 'ack' });

  // Checks that flag content (a hashtag, a run of "!!!") place their spans before the ones that only
  // mark a position (the last word for a missing signature, the opening for a missing acknowledgement).
  // "Nothing specific" marks the reply as a whole: it takes a place last.
  const rank = (c: CompiledRule) => (c.src.check === 'nothing-specific' || c.src.check === 'left-unanswered' ? 2 : POSITIONAL.has(c.src.check!) ? 1 : 0);
  checkRules.sort((a, b) => rank(a) - rank(b) || a.order - b.order);

  const contextSet = new PatternSet<'distress' | 'positive'>();
  for (const p of lexicon.distress) contextSet.add(compile(p), 'distress');
  for (const p of lexicon.positive) contextSet.add(compile(p), 'positive');

  // Participles for the hidden-agent check ride along in the same single pass over the reply.
  for (const p of lexicon.passive.participles) replySet.add(compile(p), { kind: 'participle' });

  const rewrites = new Map<string, string>();
  let rewriteMaxWords = 1;
  for (const [from, to] of Object.entries(lexicon.firstPersonRewrite)) {
    const words = fold(from).trim().split(/\s+/);
    rewrites.set(words.join(' '), to);
    rewriteMaxWords = Math.max(rewriteMaxWords, words.length);
  }

  const classes: [Set<string>, number][] = [];
  const wordBits = new WordTable((word) => {
    let bits = 0;
    for (const [set, bit] of classes) if (set.has(word)) bits |= bit;
    return bits + 1;
  });
  const pack: Pack = {
    lang,
    wordBits,
    lexicon,
    macros,
    rules,
    checkRules,
    checkIds: new Set(checkRules.map((r) => r.src.id)),
    checkOf: new Map(checkRules.map((r) => [r.src.id, r.src.check!])),
    cues: src.cues,
    replySet,
    contextSet,
    words: {
      firstPerson: foldList(lexicon.firstPerson),
      orgVoice: foldList(lexicon.orgVoice),
      departments: foldList(lexicon.departments),
      greetings: foldList(lexicon.greetings),
      signoffLeads: lexicon.signoffLeads.map((s) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean)),
      negators: foldList(lexicon.negators),
      auxiliaries: foldList(lexicon.passive.auxiliaries),
      agents: foldList(lexicon.passive.agents),
      genericWords: foldList(lexicon.genericWords),
      sentenceStarters: foldList(lexicon.sentenceStarters),
      formal: foldList(lexicon.address?.formal ?? []),
      informal: foldList(lexicon.address?.informal ?? []),
      stopwords: foldList(lexicon.stopwords),
    },
    engagement: {
      service: foldList(lexicon.engagement.serviceWords),
      cause: foldList(lexicon.engagement.causeWords),
      channels: foldList(lexicon.engagement.channels),
      requests: foldList(lexicon.engagement.requests),
      dataWords: foldList(lexicon.engagement.dataWords),
      identifiers: identifiersOf(lexicon.engagement.identifiers),
      determiners: foldList(lexicon.engagement.determiners),
      interrogatives: foldList(lexicon.engagement.interrogatives),
      elsewhere: foldList(lexicon.engagement.elsewhere),
      thanks: foldList(lexicon.engagement.thanks),
    },
    rewrites,
    rewriteMaxWords,
  };
  const w = pack.words;
  classes.push([w.firstPerson, W.firstPerson], [w.orgVoice, W.orgVoice], [w.formal, W.formal], [w.informal, W.informal], [w.stopwords, W.stopword], [w.greetings, W.greeting], [w.negators, W.negator], [w.departments, W.department]);
  const e = pack.engagement;
  classes.push([e.service, W.service], [e.cause, W.cause], [e.channels, W.channel], [e.requests, W.request], [e.elsewhere, W.elsewhere], [e.thanks, W.thanks]);
  // An identifier's last word ("klantnummer", "number" of "order number"): where one may end.
  classes.push([new Set([...e.identifiers.single, ...e.identifiers.pairs.keys()]), W.identifier]);
  return pack;
}
