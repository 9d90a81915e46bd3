/**
 * Whole-reply heuristics. A rule in rules/<lang>/<category>.yaml names one of these with `check:`;
 * the rule holds the words (message, why, suggestion templates), the code finds the spans.
 */
import { fold } from './fold.js';
import type { Pack } from './packs.js';
import { W } from './wordclass.js';
import { atSentenceStart, emojiSpans, isSpace, sentences, type Span, type Tokens } from './text.js';
import type { AnalyzeOptions, Engagement } from './types.js';
import { channelPushes } from './engage.js';
import { engagementJudgements } from './features.js';
import type { Signoff } from './voice.js';
import { findPersonalData, type PersonalItem, type PersonalKind } from './privacy.js';

export interface CheckContext {
  text: string;
  folded: string;
  tokens: Tokens;
  /** Per token: what the word is in this language (W bits). */
  bits: readonly number[];
  pack: Pack;
  options: AnalyzeOptions;
  signoff: Signoff | null;
  org: number;
  firstPerson: number;
  readerName: string | null;
  /** Folded forms that count as using the name (first name, surname). */
  readerForms: string[] | null;
  usesName: boolean;
  distress: boolean;
  acknowledged: boolean;
  contextFolded: string;
  /** Sentences, computed on first use (see sentencesOf): only a few checks need them. */
  sentenceCache: Span[] | null;
  /** Participle matches from the single pass over the reply (for hidden-agent). */
  participles: Span[];
  /** What the reply does with the message; set before the checks that judge it run (analyze.ts LATE_CHECKS). */
  engagement: Engagement | null;
  /** Channel pushes, computed on first use (see pushesOf). */
  pushCache?: Span[][];
  /** Personal data in the reply (privacy.ts), found on first use by the personal-* checks. */
  personal: PersonalItem[] | null;
}

export interface CheckHit {
  /** Candidate spans, best first: the first that does not overlap a phrase flag is used. */
  spans: Span[];
  slots?: Record<string, string>;
  /** Slots that fit only the first span (say, a rewrite of the opening sentence): dropped at any other place. */
  firstOnly?: readonly string[];
  /**
   * Spans from this index on are a last resort, tried only after the first span could not be freed;
   * there the flag adds a sentence after the flagged words: {after} holds them (closed with a full
   * stop) and {match} is not given, so only the rule's "{after} ..." suggestions apply.
   */
  addsAfterFrom?: number;
}

type Check = (ctx: CheckContext) => CheckHit[];

/** One hit per piece of personal data of a kind; the scan runs once per reply for all kinds. */
function personal(kind: PersonalKind): Check {
  return (ctx) => {
    const found = (ctx.personal ??= findPersonalData(ctx.text));
    const hits: CheckHit[] = [];
    for (const it of found) {
      if (it.kind !== kind) continue;
      // An order or case number the person wrote in their own public message is theirs to share:
      // taking it up shows the reply read the message, and repeating it exposes nothing new.
      if (kind === 'reference' && ctx.contextFolded && sharedDigits(ctx.text.slice(it.start, it.end), ctx.contextFolded)) continue;
      const slots: Record<string, string> = { your: yourWord(ctx) };
      if (it.word) {
        slots.tail = it.word;
        slots.words = it.word;
      }
      hits.push({ spans: [{ start: it.start, end: it.end }], slots });
    }
    return hits;
  };
}

/** Whether the digits of a reference (at least four in a row) appear in the message answered. */
function sharedDigits(item: string, contextFolded: string): boolean {
  const runs = item.match(/\d{4,}/g);
  return !!runs && runs.every((r) => contextFolded.includes(r));
}

/** "your", or in Dutch "je" or "uw" as the reply addresses the person. */
function yourWord(ctx: CheckContext): string {
  if (ctx.pack.lang === 'en') return 'your';
  let formal = 0, informal = 0;
  for (const b of ctx.bits) {
    if (b & W.formal) formal++;
    else if (b & W.informal) informal++;
  }
  return formal > informal ? 'uw' : 'je';
}

const speaksAsPerson = (ctx: CheckContext) => ctx.firstPerson > 0 || ctx.signoff?.kind === 'person';


/** The last chunk of the reply (up to the previous space): where a sign-off belongs. */
function lastWordSpan(ctx: CheckContext): Span | null {
  const text = ctx.text;
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  if (end === 0) return null;
  let start = end;
  while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
  return { start, end };
}

function signText(ctx: CheckContext): string {
  const sig = ctx.options.signature?.trim();
  if (sig) return /^[\^*~\-\u2013\u2014]/.test(sig) ? sig : /^\p{Lu}{1,3}$/u.test(sig) ? `^${sig}` : `\u2013 ${sig}`;
  return `\u2013 ${ctx.pack.lexicon.phrases.yourName}`;
}

function firstPersonRewrite(ctx: CheckContext): { span: Span; rewrite: string } | null {
  const { words, starts, ends } = ctx.tokens;
  const { rewrites, rewriteMaxWords } = ctx.pack;
  // The flag needs one place: the first "we" that has a rewrite. Past a few dozen "we"s without one
  // (a hostile paste of "we we we …"), stop looking.
  let tried = 0;
  for (let t = 0; t < words.length; t++) {
    if (!(ctx.bits[t]! & W.orgVoice)) continue;
    if (++tried > 40) break;
    // Longest phrase first; it may start one word before the org word ("kunnen wij" -> "kan ik").
    for (let len = Math.min(rewriteMaxWords, words.length); len >= 1; len--) {
      for (const s of [t, t - 1]) {
        if (s < 0 || s + len > words.length || s + len <= t) continue;
        const to = rewrites.get(len === 1 ? words[s]! : words.slice(s, s + len).join(' '));
        if (to !== undefined) return { span: { start: starts[s]!, end: ends[s + len - 1]! }, rewrite: to };
      }
    }
  }
  return null;
}

const checks: Record<string, Check> = {
  /** The organisation speaks ("we"), nobody in person does. */
  'corporate-we'(ctx) {
    if (ctx.org === 0 || speaksAsPerson(ctx)) return [];
    const rw = firstPersonRewrite(ctx);
    if (!rw) return [];
    return [{ spans: [rw.span], slots: { rewrite: rw.rewrite } }];
  },

  /** Speaks for an organisation and nobody signs. */
  unsigned(ctx) {
    if (ctx.org === 0 || speaksAsPerson(ctx) || ctx.signoff) return [];
    const span = lastWordSpan(ctx);
    if (!span) return [];
    // When the last chunk is taken by another flag, the end of the text still takes the sign-off.
    const tail = { start: Math.max(span.start, span.end - 1), end: span.end };
    return [{ spans: [span, tail], slots: { sign: signText(ctx) } }];
  },

  /**
   * Nobody speaks at all: no "I", no "we", no name or initials, in a reply to someone's message (or
   * from a person who signs their replies). A hint only: a short, specific answer is fine unsigned;
   * the reader just does not know who answered.
   */
  'no-voice'(ctx) {
    if (ctx.org > 0 || speaksAsPerson(ctx) || ctx.signoff) return [];
    if (!ctx.contextFolded.trim() && !ctx.options.signature?.trim()) return [];
    const span = lastWordSpan(ctx);
    if (!span) return [];
    const tail = { start: Math.max(span.start, span.end - 1), end: span.end };
    // When the end is taken by another flag, any word from the end backwards marks it.
    return [{ spans: [span, tail, ...wordsFrom(ctx, { start: 0, end: 0 }).reverse()], slots: { sign: signText(ctx) } }];
  },

  /** Signed by a department or "the team" instead of a person. */
  'department-signoff'(ctx) {
    if (ctx.signoff?.kind !== 'department') return [];
    return [{ spans: [{ start: ctx.signoff.start, end: ctx.signoff.end }], slots: { sign: signText(ctx) } }];
  },

  /** Runs of exclamation marks, or many of them. */
  exclamations(ctx) {
    // "Congrats!!! I still remember..." from a friend is joy, not an advert: a person speaking as
    // "I" with no organisation voice keeps their exclamation marks.
    if (ctx.org === 0 && ctx.firstPerson > 0) return [];
    const hits: CheckHit[] = [];
    const re = /!+(?:[!?1]*!)?/g;
    let m: RegExpExecArray | null;
    const singles: Span[] = [];
    while ((m = re.exec(ctx.text)) !== null) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (m[0].length >= 2) hits.push({ spans: [span] });
      else singles.push(span);
    }
    const total = hits.length + singles.length;
    if (total >= 3) for (const s of singles.slice(1)) hits.push({ spans: [s] });
    return hits;
  },

  /** Runs of emoji, or many of them. */
  emoji(ctx) {
    // Emoji live outside the Basic Multilingual Plane or in the symbol blocks: most replies have none.
    if (!/[\u2190-\u2bff\ud83c-\ud83e]/.test(ctx.text)) return [];
    const spans = emojiSpans(ctx.text);
    if (spans.length < 3) return [];
    const hits: CheckHit[] = [];
    // Group emoji separated only by spaces into runs.
    const runs: Span[][] = [];
    for (const s of spans) {
      const last = runs[runs.length - 1];
      if (last && /^\s*$/.test(ctx.text.slice(last[last.length - 1]!.end, s.start))) last.push(s);
      else runs.push([s]);
    }
    let kept = 0;
    for (const run of runs) {
      if (run.length >= 3) {
        const first = run[0]!;
        hits.push({ spans: [{ start: first.start, end: run[run.length - 1]!.end }], slots: { keep: ctx.text.slice(first.start, first.end) } });
        kept++;
      } else if (spans.length >= 4) {
        for (const s of run) {
          if (kept++ >= 2) hits.push({ spans: [s], slots: { keep: '' } });
        }
      } else kept += run.length;
    }
    return hits;
  },

  /** Campaign hashtags the person did not use themselves. */
  hashtags(ctx) {
    if (ctx.text.indexOf('#') < 0) return [];
    const re = /(^|[\s(])#([\p{L}\p{N}_]+)/gu;
    const tags: { span: Span; word: string }[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.text)) !== null) {
      const start = m.index + m[1]!.length;
      const word = m[2]!;
      if (/^\d+$/.test(word)) continue;
      if (ctx.contextFolded.includes('#' + fold(word))) continue;
      tags.push({ span: { start, end: start + 1 + word.length }, word });
    }
    if (tags.length === 0 || (tags.length === 1 && ctx.org === 0)) return [];
    return tags.map((t) => ({ spans: [t.span], slots: { words: t.word.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/_/g, ' ') } }));
  },

  /** Links that sell rather than answer: tracking parameters, a bare home page, or a pile of links. */
  links(ctx) {
    if (ctx.text.indexOf('http') < 0 && ctx.text.indexOf('www.') < 0) return [];
    const re = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
    const found: { span: Span; url: string }[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.text)) !== null) {
      let url = m[0];
      url = url.replace(/[.,!?)]+$/, '');
      found.push({ span: { start: m.index, end: m.index + url.length }, url });
    }
    const hits: CheckHit[] = [];
    for (const f of found) {
      const bare = /^(?:https?:\/\/)?(?:www\.)?[^/?#]+\/?$/i.test(f.url);
      const tracking = /[?&](?:utm_[a-z]+|ref|promo|campaign|cmp)=/i.test(f.url);
      if (bare || tracking || found.length >= 3) hits.push({ spans: [f.span] });
    }
    return hits;
  },

  /** Words in capitals that shout a promotion. */
  shouting(ctx) {
    if (!/[A-Z\u00c0-\u00de]{4}/.test(ctx.text)) return [];
    const re = /(?<![\p{L}\p{N}])\p{Lu}{4,}(?![\p{L}\p{N}])/gu;
    const found: Span[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.text)) !== null) found.push({ start: m.index, end: m.index + m[0].length });
    if (found.length < 2) return [];
    return found.map((span) => ({ spans: [span], slots: { lower: ctx.text.slice(span.start, span.end).toLowerCase() } }));
  },

  /** Passives that hide who acts: "your complaint has been forwarded", "er wordt aan gewerkt". */
  'hidden-agent'(ctx) {
    const { words, starts, ends } = ctx.tokens;
    const hits: CheckHit[] = [];
    const participleHits = ctx.participles;
    const maxGap = ctx.pack.lexicon.passive.maxGap;
    let lastEnd = -1;
    for (const p of participleHits) {
      if (p.start < lastEnd) continue;
      // Token index of the participle.
      let pt = 0;
      while (pt < starts.length && starts[pt]! < p.start) pt++;
      let aux = -1;
      for (let t = pt - 1; t >= 0 && t >= pt - 1 - maxGap; t--) {
        if (/[.!?\n]/.test(ctx.text.slice(ends[t]!, starts[t + 1] ?? p.start))) break;
        if (ctx.pack.words.auxiliaries.has(words[t]!)) {
          aux = t;
          break;
        }
      }
      if (aux < 0) continue;
      // An agent right after ("by me", "door ons") or a personal subject right before means someone acts.
      let after = pt;
      while (after < starts.length && ends[after]! <= p.end) after++;
      if (after < words.length && ctx.pack.words.agents.has(words[after]!)) continue;
      // Dutch puts the agent in the middle: "is door mij doorgezet".
      if (words.slice(aux + 1, pt).some((w) => ctx.pack.words.agents.has(w))) continue;
      let auxStart = aux;
      while (auxStart > 0 && ctx.pack.words.auxiliaries.has(words[auxStart - 1]!)) auxStart--;
      // Subject: the words from the sentence start to the auxiliary, when short.
      let subjectStart = auxStart;
      while (subjectStart > 0 && auxStart - subjectStart < 4 && !atSentenceStart(ctx.text, starts[subjectStart]!)) subjectStart--;
      const hasSubject = subjectStart < auxStart && atSentenceStart(ctx.text, starts[subjectStart]!);
      const subjectWords = hasSubject ? words.slice(subjectStart, auxStart) : [];
      if (subjectWords.some((w) => ctx.pack.words.firstPerson.has(w) || ctx.pack.words.orgVoice.has(w))) continue;
      const dummy = subjectWords.length === 1 && (subjectWords[0] === 'er' || subjectWords[0] === 'there');
      const spanStart = hasSubject && !dummy ? starts[subjectStart]! : starts[auxStart]!;
      const span = { start: spanStart, end: p.end };
      const slots: Record<string, string> = {
        participle: ctx.text.slice(p.start, p.end),
        beforeParticiple: ctx.text.slice(spanStart, p.start).trim(),
      };
      if (hasSubject && !dummy) {
        const subj = ctx.text.slice(starts[subjectStart]!, ends[auxStart - 1]!);
        slots.subject = /^\p{Lu}\p{Ll}/u.test(subj) && ctx.pack.words.sentenceStarters.has(fold(subj.split(/\s/)[0]!)) ? subj[0]!.toLowerCase() + subj.slice(1) : subj;
      }
      hits.push({ spans: [span], slots });
      lastEnd = p.end;
    }
    return hits;
  },

  /** Dutch: "u" and "je" in one reply. */
  'mixed-address'(ctx) {
    const addr = ctx.pack.lexicon.address;
    if (!addr) return [];
    const formal: number[] = [];
    const informal: number[] = [];
    ctx.bits.forEach((bits, t) => {
      if (bits & W.formal) formal.push(t);
      else if (bits & W.informal) informal.push(t);
    });
    if (formal.length === 0 || informal.length === 0) return [];
    const useFormal = formal.length >= informal.length;
    const minority = useFormal ? informal : formal;
    const map = useFormal ? addr.formalFor : addr.informalFor;
    return minority.map((t) => {
      const w = ctx.tokens.words[t]!;
      // "je" before a noun is "your" (uw), elsewhere it is "you" (u).
      const next = ctx.tokens.words[t + 1];
      const glued = next !== undefined && /^[ \t]+$/.test(ctx.text.slice(ctx.tokens.ends[t]!, ctx.tokens.starts[t + 1]!));
      if (useFormal && w === 'je' && glued && !ctx.pack.words.stopwords.has(next)) {
        return { spans: [{ start: ctx.tokens.starts[t]!, end: ctx.tokens.ends[t]! }], slots: { other: map['jouw'] ?? 'uw' } };
      }
      return {
        spans: [{ start: ctx.tokens.starts[t]!, end: ctx.tokens.ends[t]! }],
        slots: { other: map[w] ?? (useFormal ? 'u' : 'je') },
      };
    });
  },

  /** Dutch: the team's brand voice is "je" (or "u"), and the reply uses the other form. */
  'brand-address'(ctx) {
    const addr = ctx.pack.lexicon.address;
    const want = ctx.options.address;
    if (!addr || !want) return [];
    const off = want === 'je' ? W.formal : W.informal;
    const map = want === 'je' ? addr.informalFor : addr.formalFor;
    const hits: CheckHit[] = [];
    ctx.bits.forEach((bits, t) => {
      if (!(bits & off)) return;
      const w = ctx.tokens.words[t]!;
      // "je" before a noun is "your" (uw), elsewhere it is "you" (u).
      const next = ctx.tokens.words[t + 1];
      const glued = next !== undefined && /^[ \t]+$/.test(ctx.text.slice(ctx.tokens.ends[t]!, ctx.tokens.starts[t + 1]!));
      const other = want === 'u' && w === 'je' && glued && !ctx.pack.words.stopwords.has(next) ? (map['jouw'] ?? 'uw') : (map[w] ?? want);
      hits.push({ spans: [{ start: ctx.tokens.starts[t]!, end: ctx.tokens.ends[t]! }], slots: { other, voice: want } });
    });
    return hits;
  },

  /** The person is upset and the reply neither acknowledges it nor does anything concrete (explains, says what happens next). */
  'unacknowledged-distress'(ctx) {
    if (!ctx.engagement || !engagementJudgements(ctx.engagement).cold) return [];
    // A private person answering as "I" is not the webcare script this check is for.
    if (ctx.org === 0 && ctx.firstPerson > 0 && ctx.signoff?.kind !== 'department' && ctx.engagement.push === null) return [];
    const first = firstSentenceAfterMentions(ctx);
    if (!first) return [];
    // The opening sentence; when a phrase flag has it, the first word of a later sentence: the
    // suggestion puts the acknowledgement in front, which reads right only at a sentence start. When
    // all are taken, the end of a sentence, where the acknowledgement follows ("{after} ...").
    const starts = replyPlaces(ctx, first, true);
    return [{ spans: [...starts, ...sentenceEnds(ctx, first)], addsAfterFrom: starts.length }];
  },

  /** They asked a question or gave a detail, and the reply takes up nothing of it. */
  'left-unanswered'(ctx) {
    const e = ctx.engagement;
    if (!e || !e.compared || e.level === 'engaged' || e.thanked || (!e.asked && !e.detail && !(e.gist && (e.push !== null || e.level === 'none')))) return [];
    if (engagementJudgements(e).cold) return [];
    const first = firstSentenceAfterMentions(ctx);
    if (!first) return [];
    // Said of the whole reply: when the usual places are taken (a formula, "nothing specific" on the
    // opening), the last word of a sentence marks it ("{matchEnd} {lead}" adds the answer after it),
    // else any word ("{matchMid} – {leadLower}"); the rewrite of the opening with their detail fits
    // the opening only.
    return [{ spans: [...replyPlaces(ctx, first), ...sentenceEnds(ctx, first), ...wordsFrom(ctx, first)], slots: substanceSlots(ctx, first), firstOnly: ['withDetail'] }];
  },

  /** Take away the formulas, greeting, name and sign-off: nothing is left that belongs to this message. */
  'nothing-specific'(ctx) {
    if (!ctx.engagement || !engagementJudgements(ctx.engagement).nothingSpecific) return [];
    const first = firstSentenceAfterMentions(ctx);
    if (!first) return [];
    return [{ spans: replyPlaces(ctx, first), slots: substanceSlots(ctx, first), firstOnly: ['withDetail'] }];
  },

  /** The reply's substance is "go somewhere else", with nothing said about the person's problem. */
  'push-only'(ctx) {
    const e = ctx.engagement;
    if (!e || !e.push || !engagementJudgements(e).pushOnly) return [];
    return [{ spans: [e.push], slots: substanceSlots(ctx, e.push) }];
  },

  /** A sentence that sends the person elsewhere: a channel (DM, a link, a phone line, a form) with a request. */
  'channel-push'(ctx) {
    const lead = ctx.pack.lexicon.phrases.leadIn;
    const leadLower = lead[0]!.toLowerCase() + lead.slice(1);
    return pushesOf(ctx).map((spans) => ({ spans, slots: { lead, leadLower } }));
  },

  /** The person's name is known and the reply never uses it. */
  'unused-name'(ctx) {
    if (!ctx.readerName || ctx.usesName) return [];
    const { words, starts, ends } = ctx.tokens;
    let t = 0;
    while (t < words.length && ctx.text[starts[t]! - 1] === '@') t++;
    if (t >= words.length) return [];
    const name = ctx.readerName;
    const greeting = ctx.pack.words.greetings.has(words[t]!);
    const span = { start: starts[t]!, end: ends[t]! };
    const match = ctx.text.slice(span.start, span.end);
    const greeted = greeting
      ? `${match} ${name}`
      : `${ctx.pack.lexicon.phrases.greeting} ${name}, ${lowerStarter(match, ctx)}`;
    return [{ spans: [span], slots: { greeted } }];
  },

  /** The person wrote specifics (an order number, a time, a place) and the canned reply picks up none. */
  'ignored-specifics'(ctx) {
    if (!ctx.contextFolded) return [];
    if (/\d/.test(ctx.text)) return [];
    const specifics = contextSpecifics(ctx);
    if (specifics.length === 0) return [];
    const replyStems = new Set(ctx.tokens.words.map((w) => w.slice(0, 5)));
    if (specifics.some((s) => replyStems.has(s.stem))) return [];
    const contentWords = ctx.tokens.words.filter((w) => w.length >= 5 && !ctx.pack.words.stopwords.has(w) && !ctx.pack.words.genericWords.has(w));
    if (contentWords.length > 4) return [];
    const first = firstSentenceAfterMentions(ctx);
    if (!first) return [];
    const detail = specifics[0]!.text;
    const match = ctx.text.slice(first.start, first.end);
    return [{ spans: [first], slots: { detail, withDetail: `${ctx.pack.lexicon.phrases.about} ${detail}: ${lowerStarter(match, ctx)}` } }];
  },
};

for (const kind of ['phone', 'email', 'iban', 'card', 'postcode', 'address', 'reference'] as const) checks[`personal-${kind}`] = personal(kind);

export const CHECK_NAMES = Object.keys(checks);

/** Places a whole-reply judgement may take, best first: the opening sentence, the first word of each later sentence, then any word before the sign-off. */
function replyPlaces(ctx: CheckContext, first: Span, sentenceStartsOnly = false): Span[] {
  const end = ctx.signoff ? ctx.signoff.start : ctx.text.length;
  const out: Span[] = [first];
  for (const s of sentencesOf(ctx)) {
    if (s.start <= first.start) continue;
    const w = firstWordOf(ctx, s);
    // Not the sign-off, nor the closing word before it ("Groetjes,"): those belong to the writer.
    if (w && w.start < end && !(ctx.bits[ctx.tokens.starts.indexOf(w.start)]! & (W.service | W.greeting))) out.push(w);
  }
  if (sentenceStartsOnly) return out;
  const { starts, ends } = ctx.tokens;
  for (let t = 0; t < starts.length && starts[t]! < end; t++) {
    if (starts[t]! >= first.start && !(ctx.bits[t]! & (W.service | W.greeting | W.stopword))) out.push({ start: starts[t]!, end: ends[t]! });
  }
  return out;
}

/** Every word of the reply from `first` up to the sign-off: the last places a whole-reply flag can take. */
function wordsFrom(ctx: CheckContext, first: Span): Span[] {
  const end = ctx.signoff ? ctx.signoff.start : ctx.text.length;
  const { starts, ends } = ctx.tokens;
  const out: Span[] = [];
  for (let t = 0; t < starts.length && starts[t]! < end; t++) if (starts[t]! >= first.start && ctx.text[starts[t]! - 1] !== '@') out.push({ start: starts[t]!, end: ends[t]! });
  return out;
}

/** The last word of each sentence from `first` up to the sign-off, last sentence first: where a whole-reply flag can add a sentence. */
function sentenceEnds(ctx: CheckContext, first: Span): Span[] {
  const end = ctx.signoff ? ctx.signoff.start : ctx.text.length;
  const { starts, ends } = ctx.tokens;
  const out: Span[] = [];
  // One pass over sentences and words together (both in text order).
  let t = 0;
  for (const s of sentencesOf(ctx)) {
    if (s.start >= end) break;
    let last = -1;
    while (t < starts.length && starts[t]! < Math.min(s.end, end)) {
      if (starts[t]! >= s.start && starts[t]! >= first.start && ctx.text[starts[t]! - 1] !== '@') last = t;
      t++;
    }
    if (last >= 0) out.push({ start: starts[last]!, end: ends[last]! });
  }
  return out.reverse();
}

/** Slots for suggestions that add substance: a lead-in, and the customer's detail when known. */
function substanceSlots(ctx: CheckContext, span: Span): Record<string, string> {
  const lead = ctx.pack.lexicon.phrases.leadIn;
  const slots: Record<string, string> = { lead, leadLower: lead[0]!.toLowerCase() + lead.slice(1) };
  const detail = ctx.engagement?.detail;
  if (detail) slots.withDetail = `${ctx.pack.lexicon.phrases.about} ${detail}: ${lowerStarter(ctx.text.slice(span.start, span.end), ctx)}`;
  return slots;
}

/** The reply's channel pushes, found once (the check and the engagement both use them). */
export function pushesOf(ctx: CheckContext): Span[][] {
  return (ctx.pushCache ??= channelPushes(ctx.text, ctx.tokens, ctx.bits, ctx.pack, () => sentencesOf(ctx)));
}

export function sentencesOf(ctx: CheckContext): Span[] {
  return (ctx.sentenceCache ??= sentences(ctx.text));
}

/** Cue checks implemented in analyze.ts. */
export const CUE_CHECK_NAMES = ['first-person', 'signed', 'uses-name', 'question', 'acknowledges'];

export function runCheck(name: string, ctx: CheckContext): CheckHit[] {
  const check = checks[name];
  return check ? check(ctx) : [];
}

const none: Check = () => [];

/** The function of a check, looked up once (a rule naming no known check finds nothing). */
export function checkFunction(name: string): Check {
  return Object.prototype.hasOwnProperty.call(checks, name) ? checks[name]! : none;
}

function firstSentenceAfterMentions(ctx: CheckContext): Span | null {
  for (const s of sentencesOf(ctx)) {
    const body = ctx.text.slice(s.start, s.end);
    const stripped = body.replace(/^(?:@\w+[\s,:]*)+/, '');
    if (!/[\p{L}]/u.test(stripped)) continue;
    return { start: s.start + (body.length - stripped.length), end: s.end };
  }
  return null;
}

function firstWordOf(ctx: CheckContext, s: Span): Span | null {
  const { starts, ends } = ctx.tokens;
  for (let t = 0; t < starts.length; t++) if (starts[t]! >= s.start && starts[t]! < s.end) return { start: starts[t]!, end: ends[t]! };
  return null;
}

function lowerStarter(word: string, ctx: CheckContext): string {
  const first = word.split(/[\s,]/)[0] ?? '';
  if (ctx.pack.words.sentenceStarters.has(fold(first)) && /^\p{Lu}\p{Ll}/u.test(first)) {
    return word[0]!.toLowerCase() + word.slice(1);
  }
  return word;
}

interface Specific {
  text: string;
  stem: string;
}

/** Numbers with the word before them ("order 55123", "the 7:42"), else a rare content word. */
function contextSpecifics(ctx: CheckContext): Specific[] {
  const src = ctx.options.context ?? '';
  const out: Specific[] = [];
  // Every specific holds a digit: a message without one has none (most have none).
  if (!/\d/.test(src)) return out;
  const re = /(?:([\p{L}]{3,})\s+)?(#?\d[\d:.,/-]*\d|\d)(?![\p{L}])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src)) !== null) {
    const before = m[1];
    if (src[m.index - 1] === '@') continue;
    const word = before && !ctx.pack.words.stopwords.has(fold(before)) ? `${before} ${m[2]}` : m[2]!;
    out.push({ text: word, stem: fold(m[2]!).slice(0, 5) });
  }
  return out;
}
