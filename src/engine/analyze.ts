/** analyze(): the reply in, flags, cues, a score and a verdict out. Synchronous and pure. */
import { checkFunction, pushesOf, sentencesOf, type CheckContext, type CheckHit } from './checks.js';
import { emptyEngagement, engage, quoteOf } from './engage.js';
import { engagementJudgements, measureFeatures, scoreFrom } from './features.js';
import { fold } from './fold.js';
import { detectLanguage } from './lang.js';
import { buildPack, DATA, getPack, POSITIONAL, type CompiledRule, type Pack } from './packs.js';
import { W } from './wordclass.js';
import { makeRoomForWords } from './words.js';
import { ExtraRuleSchema, describeIssues, v } from './schema.js';
import { fillTemplate } from './suggest.js';
import { tokenize, type Span } from './text.js';
import type { AnalyzeOptions, Category, Cue, DetectedLang, Engagement, Flag, Lang, Result, RuleSource, Severity, Verdict } from './types.js';
import { THRESHOLDS } from './types.js';
import { findSignoff, readerName, voiceCounts } from './voice.js';

/** Where every reply starts (rules/score.yaml). */
export const BASE_SCORE: number = DATA.score.base;
const SEVERITY_RANK: Record<Severity, number> = { hint: 0, warning: 1, problem: 2 };
/** Longer than this, only the first part is coached: a reply is not a book. */
export const MAX_ANALYZED = 200_000;

const extraPacks = new WeakMap<readonly RuleSource[], Partial<Record<Lang, Pack>>>();

function packFor(lang: Lang, extra: readonly RuleSource[] | undefined): Pack {
  if (!extra || extra.length === 0) return getPack(lang);
  let byLang = extraPacks.get(extra);
  if (!byLang) {
    byLang = {};
    extraPacks.set(extra, byLang);
  }
  let pack = byLang[lang];
  if (!pack) {
    const mine = validateExtraRules(extra).filter((r) => r.lang === lang);
    pack = buildPack(lang, DATA.packs[lang], mine);
    byLang[lang] = pack;
  }
  return pack;
}

/** Ids of the built-in rules (both languages): extra rules may not reuse them. */
export const BUILTIN_RULE_IDS: ReadonlySet<string> = new Set([...DATA.packs.en.rules, ...DATA.packs.nl.rules].map((r) => r.id));

/**
 * Validates extra rules with the built-in rules' schema (examples optional; see ExtraRuleSchema);
 * throws one Error listing every problem.
 */
export function validateExtraRules(rules: readonly unknown[]): RuleSource[] {
  const problems: string[] = [];
  const out: RuleSource[] = [];
  const seen = new Set<string>();
  rules.forEach((entry, i) => {
    const res = v.safeParse(ExtraRuleSchema, entry);
    if (!res.success) {
      problems.push(...describeIssues(res.issues).map((p) => `rule ${i + 1}: ${p}`));
      return;
    }
    const rule = res.output as RuleSource;
    if (BUILTIN_RULE_IDS.has(rule.id)) problems.push(`rule ${i + 1}: id ${rule.id} is already a built-in rule`);
    else if (seen.has(rule.id)) problems.push(`rule ${i + 1}: id ${rule.id} is used twice`);
    else {
      seen.add(rule.id);
      out.push(rule);
    }
  });
  if (problems.length) throw new Error(`Invalid extra rules:\n${problems.join('\n')}`);
  return out;
}

interface Candidate {
  rule: RuleSource;
  order: number;
  spans: Span[];
  slots: Record<string, string>;
  fromCheck: boolean;
  firstOnly?: readonly string[];
  addsAfterFrom?: number;
}

function unknownResult(lang: DetectedLang): Result {
  return {
    lang,
    score: 0,
    verdict: 'unknown',
    flags: [],
    cues: [],
    engagement: emptyEngagement(),
    explanation: { base: BASE_SCORE, steps: [], raw: 0, features: {}, thresholds: { ...THRESHOLDS }, summary: '' },
  };
}

export function analyze(input: string, options: AnalyzeOptions = {}): Result {
  const text = typeof input === 'string' ? input : '';
  if (!/[\p{L}\p{N}]/u.test(text.length > MAX_ANALYZED ? text.slice(0, MAX_ANALYZED) : text)) return unknownResult('other');
  // Long input: coach the beginning; offsets stay those of the full input.
  const body = text.length > MAX_ANALYZED ? text.slice(0, MAX_ANALYZED) : text;
  const folded = fold(body);
  makeRoomForWords();
  const tokens = tokenize(folded);
  const ids = tokens.ids;
  const detected = options.lang && options.lang !== 'auto' ? options.lang : detectLanguage(body, folded, tokens);
  if (detected === 'other') return unknownResult('other');
  const lang: Lang = detected;
  const pack = packFor(lang, options.extraRules);

  const disabledRules = options.disabledRules?.length ? new Set(options.disabledRules) : null;
  const disabledCats = options.disabledCategories?.length ? new Set<Category>(options.disabledCategories) : null;
  // A team whose house style is formal (a bank, an insurer) hears only about the stiffest officialese.
  const formalHouse = options.register === 'formal';
  const enabled = (r: RuleSource) => !disabledRules?.has(r.id) && !disabledCats?.has(r.category) && !(formalHouse && r.category === 'formal' && r.severity === 'hint' && !r.check);

  // Each word hashed once (its id); one pass over the reply for phrase rules, cues and acknowledgements.
  const bits: number[] = [];
  for (let t = 0; t < ids.length; t++) bits.push(pack.wordBits.get(ids[t]!) - 1);
  const hits = pack.replySet.find(folded, tokens);
  const signoff = findSignoff(body, pack);
  const { org, firstPerson } = voiceCounts(bits);
  const context = typeof options.context === 'string' ? options.context.slice(0, MAX_ANALYZED) : '';
  const contextFolded = fold(context);
  const reader = readerName(options.author, context, pack);
  const name = reader?.first ?? null;
  const usesName = !!reader && reader.forms.some((f) => tokens.words.includes(f));
  const contextTokens = context ? tokenize(contextFolded) : null;
  const heat = contextTokens ? heatOf(context, contextFolded, contextTokens, pack) : null;
  const distress = heat !== null;
  let acknowledged = false;
  let nextStep: Span | null = null;
  const participles: Span[] = [];
  for (const h of hits) {
    if (h.ref.kind === 'ack') acknowledged = true;
    else if (h.ref.kind === 'participle') participles.push(h);
    else if (h.ref.kind === 'cue' && !nextStep && pack.cues[h.ref.cue]!.id === 'next-step') nextStep = { start: h.start, end: h.end };
  }
  const personal = firstPerson > 0 && (signoff?.kind === 'person' || usesName);

  const candidates: Candidate[] = [];
  // The engagement reads every formula and push the rules know, whichever rules are switched off:
  // switching a rule off hides its flag, not what the reply is.
  const formula: Span[] = [];
  const pushes: Span[] = [];
  for (const h of hits) {
    if (h.ref.kind !== 'rule') continue;
    const cr = pack.rules[h.ref.rule]!;
    formula.push({ start: h.start, end: h.end });
    if (cr.src.category === 'process') pushes.push({ start: h.start, end: h.end });
    if (!enabled(cr.src)) continue;
    candidates.push({ rule: cr.src, order: cr.order, spans: [{ start: h.start, end: h.end }], slots: {}, fromCheck: false });
  }

  const ctx: CheckContext = {
    text: body,
    folded,
    tokens,
    bits,
    pack,
    options,
    signoff,
    org,
    firstPerson,
    readerName: name,
    readerForms: reader?.forms ?? null,
    usesName,
    distress,
    acknowledged,
    contextFolded,
    sentenceCache: null,
    participles,
    engagement: null,
    personal: null,
  };
  const checkCandidates: Candidate[] = [];
  const plan = checkPlan(pack);
  for (const { cr, run } of plan.early) {
    if (!enabled(cr.src)) continue;
    for (const hit of run(ctx) as CheckHit[]) {
      checkCandidates.push({ rule: cr.src, order: cr.order, spans: hit.spans, slots: hit.slots ?? {}, fromCheck: true, firstOnly: hit.firstOnly, addsAfterFrom: hit.addsAfterFrom });
    }
  }

  // What the reply does with the message: its substance is what no formula covers.
  for (const spans of pushesOf(ctx)) pushes.push(spans[0]!);
  pushes.sort((a, b) => a.start - b.start);
  const engagement = engage({
    text: body,
    tokens,
    bits,
    pack,
    formula,
    signoff,
    readerForms: reader?.forms ?? null,
    context,
    contextFolded,
    heat,
    acknowledged,
    nextStep,
    pushes,
    contextTokens: contextTokens,
    sentences: () => sentencesOf(ctx),
  });
  ctx.engagement = engagement;
  const judged = engagementJudgements(engagement);
  engagement.pointers = pointersFor(engagement, judged, pack);
  // A soft formula ("sorry to hear that") stays quiet in a reply that speaks as a person and engages
  // with the message; in a generic reply it is what makes it generic, signed or not.
  // Words inside a request to go elsewhere ("stuur me je klantnummer in privé") are not the reply's own:
  // a reply that only pushes keeps its stock phrases (the push itself may be fine when personal).
  if (personal && (engagement.level === 'engaged' || engagement.substance.length >= 3)) {
    for (let i = candidates.length - 1; i >= 0; i--) if (candidates[i]!.rule.soft && !(judged.pushOnly && candidates[i]!.rule.category === 'scripted')) candidates.splice(i, 1);
  }
  const pointer = engagement.pointers[0];
  for (const { cr, run } of plan.late) {
    if (!enabled(cr.src)) continue;
    for (const hit of run(ctx) as CheckHit[]) {
      const slots = hit.slots ?? {};
      if (pointer) slots.pointer = pointer;
      checkCandidates.push({ rule: cr.src, order: cr.order, spans: hit.spans, slots, fromCheck: true, firstOnly: hit.firstOnly, addsAfterFrom: hit.addsAfterFrom });
    }
  }

  const coverage = new Coverage(body.length);
  if (options.ignore?.length) {
    const ignored = new Set(options.ignore.map((i) => `${i.rule}\u0000${fold(i.text)}`));
    const keep = (c: Candidate) => {
      const s = c.spans[0];
      return !s || !ignored.has(`${c.rule.id}\u0000${folded.slice(s.start, s.end)}`);
    };
    candidates.splice(0, candidates.length, ...candidates.filter(keep));
    checkCandidates.splice(0, checkCandidates.length, ...checkCandidates.filter(keep));
  }
  const flags = resolveFlags(body, candidates, checkCandidates, { name, signature: options.signature }, coverage);
  // A cue inside a flagged phrase does not count ("we apologize" is no acknowledgement); the spans of
  // whole-reply checks only mark a place (the last word, the first "we") and block nothing.
  const phraseCoverage = new Coverage(body.length);
  for (const f of flags) if (!pack.checkIds.has(f.rule)) phraseCoverage.take(f.start, f.end);
  const cues = findCues(pack, hits, phraseCoverage, ctx);
  const features = measureFeatures(flags, cues, engagement, (id) => pack.checkOf.get(id));
  // Where "no name" or "the organisation speaks" moved no score (the reply engages, or answers a
  // thank-you), the flag says so by its weight too: a hint, not a warning.
  for (const f of flags) {
    if (f.severity !== 'warning') continue;
    const check = pack.checkOf.get(f.rule);
    if ((check === 'unsigned' && !features.unsigned) || ((check === 'corporate-we' || check === 'department-signoff') && !features['corporate-we'])) f.severity = 'hint';
  }
  let { score, steps, raw } = scoreFrom(features, DATA.score, lang, options.strictness ?? 'normal', pack.lexicon.phrases.base);
  // Personal data in a public reply always needs coaching: however warm the rest, it is not human.
  if (features.privacy > 0 && score >= THRESHOLDS.human) {
    const delta = THRESHOLDS.human - 1 - raw;
    steps.push({ kind: 'cap', id: 'privacy-cap', label: PRIVACY_CAP[lang], delta });
    raw += delta;
    score = Math.max(0, Math.min(100, raw));
  }
  // A cue's weight is what it added to this score (a cue in a reply that says nothing specific adds nothing).
  for (const c of cues) c.weight = steps.find((st) => st.id === (c.cue === 'question' ? 'own-question' : c.cue))?.delta ?? 0;
  const verdict: Verdict = score >= THRESHOLDS.human ? 'human' : score >= THRESHOLDS.mixed ? 'mixed' : 'scripted';
  if (verdict === 'human') engagement.pointers = [];
  const phrases = pack.lexicon.phrases;
  const summary = (verdict === 'human' ? phrases.summaryHuman : verdict === 'mixed' ? phrases.summaryMixed : phrases.summaryScripted)
    .replace('{flags}', String(flags.length))
    .replace('{cues}', String(cues.length));
  return { lang, score, verdict, flags, cues, engagement, explanation: { base: DATA.score.base, steps, raw, features, thresholds: { ...THRESHOLDS }, summary } };
}

const PRIVACY_CAP: Record<Lang, string> = {
  en: 'Personal data in public always needs coaching',
  nl: 'Persoonsgegevens in het openbaar vragen altijd om coaching',
};

const LATE_CHECKS = new Set(['unacknowledged-distress', 'nothing-specific', 'push-only', 'left-unanswered']);

interface PlannedCheck {
  cr: CompiledRule;
  run: (ctx: CheckContext) => CheckHit[];
}

const plans = new WeakMap<Pack, { early: PlannedCheck[]; late: PlannedCheck[] }>();

/** A pack's check rules split once into those that run before the engagement and those after, each with its function. */
function checkPlan(pack: Pack): { early: PlannedCheck[]; late: PlannedCheck[] } {
  let plan = plans.get(pack);
  if (!plan) {
    plan = { early: [], late: [] };
    for (const cr of pack.checkRules) (LATE_CHECKS.has(cr.src.check!) ? plan.late : plan.early).push({ cr, run: checkFunction(cr.src.check!) });
    plans.set(pack, plan);
  }
  return plan;
}

/** What in the message shows that the person is upset, in their words; null when nothing does. */
function heatOf(context: string, contextFolded: string, tokens: ReturnType<typeof tokenize>, pack: Pack): string | null {
  // "?!", "!?", "??": exasperated questions, in any language ("!!" alone may be joy).
  const marks = /\?!|!\?|\?\?/.exec(contextFolded);
  for (const h of pack.contextSet.find(contextFolded, tokens)) {
    const negated = isNegated(h.start, tokens, pack);
    if (h.ref === 'distress' ? !negated : negated) return context.slice(h.start, h.end);
  }
  // Shouting: most letters in capitals over a stretch of words.
  const caps = /\p{Lu}{3}/u.test(context) ? capitalShare(context.replace(/@\w+|https?:\/\/\S+|#\w+/g, '')) : null;
  if (caps && caps.letters >= 12) {
    if (caps.upper / caps.letters >= 0.6) {
      const shout = /\p{Lu}{2,}(?:[\s,']+\p{Lu}{2,}){1,5}/u.exec(context);
      return shout ? shout[0] : context.replace(/@\w+\s*/g, '').slice(0, 40).trim();
    }
  }
  // An angry face, swearing face, steam, anger mark, thumbs down or eye roll: heat in any language
  // ("your staff are just perfect 😡" is not praise).
  const angry = ANGRY_EMOJI.exec(context);
  if (angry) {
    const at = angry.index;
    const from = Math.max(context.lastIndexOf('.', at) + 1, context.lastIndexOf('\n', at) + 1, at - 60, 0);
    return context.slice(from, at + angry[0].length).replace(/^(?:\s*@\w+)+/, '').trim() || angry[0];
  }
  // Two exasperated marks or more ("?!?", "??!"): one "?!" is as often excitement.
  if (marks && /[?!]{3,}|(?:\?!|!\?|\?\?)[^?!]+(?:\?!|!\?|\?\?)/.test(contextFolded)) {
    const at = marks.index;
    const from = Math.max(context.lastIndexOf('.', at) + 1, context.lastIndexOf('\n', at) + 1, at - 60);
    return context.slice(from, at + 2).replace(/^(?:\s*@\w+)+/, '').trim() || marks[0];
  }
  return null;
}

const NOT_ASCII = /[^\x00-\x7f]/;
const ANGRY_EMOJI = /[\u{1F620}\u{1F621}\u{1F92C}\u{1F624}\u{1F4A2}\u{1F44E}\u{1F644}]/u;

/** How many letters a text has and how many of them are capitals (ASCII counted by code, the rest by \p{L}). */
function capitalShare(text: string): { letters: number; upper: number } {
  let letters = 0;
  let upper = 0;
  if (!NOT_ASCII.test(text)) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x41 && c <= 0x5a) {
        letters++;
        upper++;
      } else if (c >= 0x61 && c <= 0x7a) letters++;
    }
    return { letters, upper };
  }
  for (const c of text.match(/\p{L}/gu) ?? []) {
    letters++;
    if (c !== c.toLowerCase()) upper++;
  }
  return { letters, upper };
}

/** What the reply left out, in the customer's own terms: their question, their feeling, their detail. */
function pointersFor(e: Engagement, j: ReturnType<typeof engagementJudgements>, pack: Pack): string[] {
  const p = pack.lexicon.phrases;
  const out: string[] = [];
  if (j.cold && e.heat) out.push(p.pointerHeat.replace('{heat}', quoteOf(e.heat)));
  if (e.asked && e.level !== 'engaged') out.push(p.pointerAsked.replace('{asked}', quoteOf(e.asked)));
  if (e.detail && e.level !== 'engaged') out.push(p.pointerDetail.replace('{detail}', quoteOf(e.detail)));
  if (out.length === 0 && e.gist && e.level !== 'engaged') out.push(p.pointerGist.replace('{gist}', quoteOf(e.gist)));
  if (out.length === 0 && !e.compared && e.level !== 'engaged') out.push(p.pointerUnknown);
  return out;
}

function isNegated(start: number, tokens: ReturnType<typeof tokenize>, pack: Pack): boolean {
  let t = 0;
  while (t < tokens.starts.length && tokens.starts[t]! < start) t++;
  for (let k = t - 1; k >= 0 && k >= t - 3; k--) if (pack.words.negators.has(tokens.words[k]!)) return true;
  return false;
}

const POOL = [new Uint8Array(4097), new Uint8Array(4097)];
let poolTurn = 0;

/** Which characters of the reply a flag already covers: overlap checks cost the span's length, not the flag count. */
class Coverage {
  private readonly marks: Uint8Array;
  constructor(length: number) {
    // Short replies (nearly all) reuse one of two buffers instead of allocating.
    // Spans never reach past the text, so only its length is cleared and no view is made.
    const pooled = length < 4096 ? POOL[poolTurn++ & 1]! : null;
    if (pooled) pooled.fill(0, 0, length + 1);
    this.marks = pooled ?? new Uint8Array(length + 1);
  }
  // Plain numbers, not span objects: spans come in several shapes (hits, sign-offs, flags), and one
  // shape per call site keeps the optimised code from being thrown away while a batch warms up.
  free(start: number, end: number): boolean {
    const marks = this.marks;
    for (let i = start; i < end; i++) if (marks[i] !== 0) return false;
    return true;
  }
  take(start: number, end: number): void {
    this.marks.fill(1, start, end);
  }
  release(start: number, end: number): void {
    this.marks.fill(0, start, end);
  }
}

/** More flags than this in one reply help nobody; the first ones by position are kept. */
export const MAX_FLAGS = 1000;

function resolveFlags(text: string, phrase: Candidate[], check: Candidate[], slotValues: { name: string | null; signature?: string }, coverage: Coverage): Flag[] {
  // Phrase matches first: the more severe, then the longer, wins a contested span.
  phrase.sort(
    (a, b) =>
      SEVERITY_RANK[b.rule.severity] - SEVERITY_RANK[a.rule.severity] ||
      b.spans[0]!.end - b.spans[0]!.start - (a.spans[0]!.end - a.spans[0]!.start) ||
      a.spans[0]!.start - b.spans[0]!.start ||
      a.order - b.order,
  );
  const taken: { c: Candidate; span: Span }[] = [];
  // Personal data is flagged before any phrase: "call me on 06-12345678" is a privacy problem first.
  for (const c of check) {
    if (c.rule.category !== 'privacy') continue;
    const span = c.spans[0]!;
    if (coverage.free(span.start, span.end)) {
      coverage.take(span.start, span.end);
      taken.push({ c, span });
    }
  }
  for (const c of phrase) {
    const span = c.spans[0]!;
    if (coverage.free(span.start, span.end)) {
      coverage.take(span.start, span.end);
      taken.push({ c, span });
    }
  }
  // Whole-reply checks take the first of their spans that is still free. When none is, a check that
  // is more severe than every phrase flag on its first span takes that span: a missing acknowledgement
  // (a warning) must not vanish behind a hint.
  for (const c of check) {
    if (c.rule.category === 'privacy') continue;
    const preferred = c.addsAfterFrom === undefined ? c.spans : c.spans.slice(0, c.addsAfterFrom);
    let span = preferred.find((s) => s.end > s.start && coverage.free(s.start, s.end));
    if (!span && c.spans[0] && c.spans[0].end > c.spans[0].start) {
      const first = c.spans[0];
      const inWay = taken.filter((t) => t.span.start < first.end && first.start < t.span.end);
      // Only positional check flags give way (they mark a place, not words); phrase flags keep their words.
      if (inWay.length > 0 && inWay.every((t) => t.c.fromCheck && POSITIONAL.has(t.c.rule.check!) && SEVERITY_RANK[t.c.rule.severity] < SEVERITY_RANK[c.rule.severity])) {
        for (const t of inWay) {
          coverage.release(t.span.start, t.span.end);
          taken.splice(taken.indexOf(t), 1);
        }
        span = first;
      }
    }
    if (!span && c.addsAfterFrom !== undefined) span = c.spans.slice(c.addsAfterFrom).find((s) => s.end > s.start && coverage.free(s.start, s.end));
    if (span) {
      coverage.take(span.start, span.end);
      taken.push({ c, span });
    }
  }
  taken.sort((a, b) => a.span.start - b.span.start || a.c.order - b.c.order);
  if (taken.length > MAX_FLAGS) taken.length = MAX_FLAGS;
  return taken.map(({ c, span }) => {
    const matched = text.slice(span.start, span.end);
    // A suggestion that adds words after the flagged ones: {matchEnd} where they end a sentence (closed
    // with a full stop if need be), {matchMid} where the sentence goes on.
    const next = /^[^\S\n]*(.?)/.exec(text.slice(span.end, span.end + 16))![1]!;
    const endsSentence = /[.!?:;…]$/.test(matched) || next === '' || /[.!?…\n]/.test(next) || next.charCodeAt(0) >= 0xd800;
    const closed = /[.!?:;…]$/.test(matched) ? matched : `${matched}.`;
    const slots: Record<string, string> = { match: matched, ...c.slots };
    if (endsSentence) slots.matchEnd = closed;
    else slots.matchMid = matched;
    if (c.firstOnly && span !== c.spans[0]) for (const k of c.firstOnly) delete slots[k];
    if (c.addsAfterFrom !== undefined && c.spans.indexOf(span) >= c.addsAfterFrom) {
      slots.after = closed;
      delete slots.match;
    }
    if (slotValues.name) slots.name = slotValues.name;
    if (slotValues.signature?.trim()) slots.signature = slotValues.signature.trim();
    const suggestions: string[] = [];
    for (const tpl of c.rule.suggestions) {
      const filled = fillTemplate(tpl, slots);
      if (filled !== null && filled !== matched && !suggestions.includes(filled)) suggestions.push(filled);
    }
    return {
      category: c.rule.category,
      rule: c.rule.id,
      severity: c.rule.severity,
      start: span.start,
      end: span.end,
      text: matched,
      message: c.slots.pointer ? `${c.rule.message} ${c.slots.pointer}` : c.rule.message,
      why: c.rule.why,
      suggestions,
    };
  });
}

function findCues(pack: Pack, hits: ReturnType<Pack['replySet']['find']>, coverage: Coverage, ctx: CheckContext): Cue[] {
  const cues: Cue[] = [];
  const inFlag = (s: Span) => !coverage.free(s.start, s.end);
  pack.cues.forEach((cue, i) => {
    let found: Span | null | undefined;
    if (cue.check) found = cueCheck(cue.check, ctx, inFlag, hits);
    else found = hits.find((h) => h.ref.kind === 'cue' && h.ref.cue === i && !inFlag(h)) ?? null;
    if (found !== null && found !== undefined) {
      const c: Cue = { cue: cue.id, label: cue.label, weight: cue.weight };
      if (found.end > found.start) {
        c.start = found.start;
        c.end = found.end;
      }
      cues.push(c);
    }
  });
  return cues;
}

const NOWHERE: Span = { start: 0, end: 0 };

function cueCheck(name: string, ctx: CheckContext, inFlag: (s: Span) => boolean, hits: ReturnType<Pack['replySet']['find']>): Span | null {
  const { words, starts, ends } = ctx.tokens;
  switch (name) {
    case 'first-person': {
      for (let t = 0; t < words.length; t++) {
        const s = { start: starts[t]!, end: ends[t]! };
        if (ctx.bits[t]! & W.firstPerson && !inFlag(s)) return s;
      }
      return null;
    }
    case 'signed':
      return ctx.signoff?.kind === 'person' ? { start: ctx.signoff.start, end: ctx.signoff.end } : null;
    case 'uses-name': {
      if (!ctx.readerForms || !ctx.usesName) return null;
      const t = words.findIndex((w) => ctx.readerForms!.includes(w));
      return t >= 0 ? { start: starts[t]!, end: ends[t]! } : NOWHERE;
    }
    case 'question': {
      if (ctx.text.indexOf('?') < 0) return null;
      for (const s of sentencesOf(ctx)) {
        if (ctx.text[s.end - 1] === '?' && !inFlag(s)) return s;
      }
      return null;
    }
    case 'acknowledges': {
      const h = hits.find((x) => x.ref.kind === 'ack' && !inFlag(x));
      return h ? { start: h.start, end: h.end } : null;
    }
    default:
      return null;
  }
}
