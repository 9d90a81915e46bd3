/** Language packs: the compiled rule data of one language, built once on first use. */
import { fold } from './fold.js';
import { PatternSet } from './match.js';
import { compilePattern, type CompiledPattern, type Macros } from './pattern.js';
import type { CategoryInfo, Lexicon } from './schema.js';
import type { CueSource, Lang, RuleSource } from './types.js';
import generated from './rules.generated.js';

export interface PackSource {
  macros: Macros;
  lexicon: Lexicon;
  rules: RuleSource[];
  cues: CueSource[];
}

export interface GeneratedRules {
  categories: CategoryInfo;
  /** Function words of languages we do not coach in, so that they are recognised and left alone. */
  detect: Record<string, string[]>;
  packs: Record<Lang, PackSource>;
}

export type MatchRef =
  | { kind: 'rule'; rule: number }
  | { kind: 'cue'; cue: number }
  | { kind: 'ack' };

export interface CompiledRule {
  src: RuleSource;
  /** Position in the pack, for stable ordering. */
  order: number;
}

export interface Pack {
  lang: Lang;
  lexicon: Lexicon;
  macros: Macros;
  rules: CompiledRule[];
  checkRules: CompiledRule[];
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
    participles: PatternSet<'participle'>;
    agents: Set<string>;
    genericWords: Set<string>;
    sentenceStarters: Set<string>;
    formal: Set<string>;
    informal: Set<string>;
    stopwords: Set<string>;
  };
  /** First-person rewrites: folded phrase (one to three words) to its replacement. */
  rewrites: Map<string, string>;
  rewriteMaxWords: number;
}

export const DATA = generated as GeneratedRules;

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

export function compileRulePatterns(rule: RuleSource, macros: Macros): CompiledPattern[] {
  return (rule.patterns ?? []).map((p) => compilePattern(p, macros));
}

export function buildPack(lang: Lang, src: PackSource, extra: readonly RuleSource[] = []): Pack {
  const { lexicon, macros } = src;
  const replySet = new PatternSet<MatchRef>();
  const rules: CompiledRule[] = [];
  const checkRules: CompiledRule[] = [];
  for (const rule of [...src.rules, ...extra]) {
    const compiled: CompiledRule = { src: rule, order: rules.length };
    rules.push(compiled);
    if (rule.check) checkRules.push(compiled);
    for (const p of compileRulePatterns(rule, macros)) replySet.add(p, { kind: 'rule', rule: compiled.order });
  }
  src.cues.forEach((cue, i) => {
    for (const p of cue.patterns ?? []) replySet.add(compilePattern(p, macros), { kind: 'cue', cue: i });
  });
  for (const p of lexicon.acknowledgement) replySet.add(compilePattern(p, macros), { kind: 'ack' });

  const contextSet = new PatternSet<'distress' | 'positive'>();
  for (const p of lexicon.distress) contextSet.add(compilePattern(p, macros), 'distress');
  for (const p of lexicon.positive) contextSet.add(compilePattern(p, macros), 'positive');

  const participles = new PatternSet<'participle'>();
  for (const p of lexicon.passive.participles) participles.add(compilePattern(p, macros), 'participle');

  const rewrites = new Map<string, string>();
  let rewriteMaxWords = 1;
  for (const [from, to] of Object.entries(lexicon.firstPersonRewrite)) {
    const words = fold(from).trim().split(/\s+/);
    rewrites.set(words.join(' '), to);
    rewriteMaxWords = Math.max(rewriteMaxWords, words.length);
  }

  return {
    lang,
    lexicon,
    macros,
    rules,
    checkRules,
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
      participles,
      agents: foldList(lexicon.passive.agents),
      genericWords: foldList(lexicon.genericWords),
      sentenceStarters: foldList(lexicon.sentenceStarters),
      formal: foldList(lexicon.address?.formal ?? []),
      informal: foldList(lexicon.address?.informal ?? []),
      stopwords: foldList(lexicon.stopwords),
    },
    rewrites,
    rewriteMaxWords,
  };
}
