/** Who speaks in a reply: a person ("I", a sign-off) or an organisation ("we", a department). */
import { fold } from './fold.js';
import type { Pack } from './packs.js';
import { W } from './wordclass.js';
import { isSpace, type Span } from './text.js';

export interface Signoff extends Span {
  kind: 'person' | 'department';
  /** The name as written (person sign-offs only). */
  name?: string;
}

const NAME = "\\p{Lu}[\\p{L}'\\u2019-]*";
// ^JD, *JS, ^Kim, ^Marieke, ~Sam: a caret-style mark and initials or a first name.
const INITIALS_RE = new RegExp(`(?:^|[\\s.!?)\\]:,]|(?<=\\d)(?=\\^))([\\^*~/])\\^?\\s?(\\p{Lu}[\\p{L}'-]{0,19}|\\p{L}{1,3})(?:\\s*,\\s*[^\\n,]{1,40})?\\s*$`, 'u');
const DASH_RE = new RegExp(`(?:^|[\\s.!?)\\]]|\\p{Extended_Pictographic})([-\\u2013\\u2014~]{1,2})\\s?((?:${NAME}|[\\p{L}]+)(?:[\\s,]+(?:${NAME}|van|de|der|den|from|at|of|@|\\p{L}+)){0,4})\\s*$`, 'u');
/** Where the text ends before trailing spaces, emoji, symbols and a final . or ! (a backward scan). */
function trailerStart(text: string): number {
  let i = text.length;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (isSpace(c) || c === 0x2e || c === 0x21 || (c >= 0xd800 && c <= 0xdfff) || (c >= 0x2000 && c < 0x2c00) || c === 0xfe0f || c === 0x200d) i--;
    else break;
  }
  return i;
}

/**
 * What DASH_RE can match after a dash: one to five words of letters (a name may hold ' and -), or a
 * lone "@", separated by spaces and commas. Checked first because the regex, failing on a long tail,
 * tries every way to split it (most customer messages hold a dash somewhere near the end).
 */
function fewWordsAfter(segment: string, from: number): boolean {
  const words = segment.slice(from).trim().split(/[\s,]+/);
  return words.length <= 5 && words.every((w) => w === '@' || /^[\p{L}'\u2019-]+$/u.test(w));
}

/**
 * Where the reply's own words end: before trailing emoji, spaces and a final full stop, and before
 * what tools add after a sign-off: links ("^JD https://t.co/..."), and a thread counter ("Rowan 2/2").
 */
function signoffEnd(text: string): number {
  let end = trailerStart(text);
  for (;;) {
    const before = text.slice(0, end);
    const m = /(?:^|\s)(?:https?:\/\/\S+|\(?\d\/\d\)?)$/.exec(before);
    if (!m || m.index === 0) return end;
    end = trailerStart(before.slice(0, m.index));
  }
}

/** Finds a sign-off at the end of the reply. */
export function findSignoff(text: string, pack: Pack): Signoff | null {
  // Ignore trailing emoji, spaces, a final full stop, links and a thread counter after the sign-off.
  const end = signoffEnd(text);
  if (end <= 0) return null;
  // Only the last line, and at most its last 120 characters, can hold a sign-off.
  const lineStart = Math.max(text.lastIndexOf('\n', end - 1) + 1, end - 120);
  const segment = text.slice(lineStart, end);

  // ^JD, *JS, /AB, ~Kim
  const iniFrom = Math.max(0, segment.length - 66);
  const tailMarks = segment.slice(iniFrom);
  const ini = /[\^*~/]/.test(tailMarks) ? INITIALS_RE.exec(tailMarks) : null;
  if (ini && (ini.index > 0 || iniFrom === 0 || /[\s.!?)\]:,]/.test(segment[iniFrom - 1]!) || ini[0][0] !== ini[1])) {
    const s = lineStart + iniFrom + ini.index + ini[0].indexOf(ini[1]!);
    const name = ini[2]!;
    if (!isDepartment(name, pack)) return { kind: 'person', start: s, end, name };
    return { kind: 'department', start: s, end };
  }

  // - Tamsin, – Nadia, webcare, — Sanne van webcare
  const lastDash = Math.max(segment.lastIndexOf('-'), segment.lastIndexOf('\u2013'), segment.lastIndexOf('\u2014'), segment.lastIndexOf('~'));
  // A doubled dash ("…in a DM.--QX") starts at its first half.
  const dashAt = lastDash > 0 && segment[lastDash - 1] === segment[lastDash] ? lastDash - 1 : lastDash;
  // Only the part from just before the last dash can hold "- Name" (the regex is anchored at the end).
  const low = segment.charCodeAt(dashAt - 1);
  const dashFrom = Math.max(0, dashAt - (low >= 0xdc00 && low <= 0xdfff ? 2 : 1));
  const dashHit = dashAt >= 0 && segment.length - dashAt <= 70 && fewWordsAfter(segment, dashAt + 1) ? DASH_RE.exec(segment.slice(dashFrom)) : null;
  const dash = dashHit ? Object.assign(dashHit, { index: dashHit.index + dashFrom }) : null;
  if (dash && (dash.index === 0 || /[.!?)\]]\s*$|^\s*$/.test(segment.slice(0, dash.index + 1)) || /\s$/.test(segment.slice(0, dash.index + 1)) || /\p{Extended_Pictographic}$/u.test(segment.slice(0, dash.index + 2)))) {
    const s = lineStart + dash.index + dash[0].indexOf(dash[1]!);
    const words = dash[2]!.split(/[\s,]+/).filter(Boolean);
    const sig = classify(words, pack, dash[2]!);
    if (sig) return { ...sig, start: s, end };
  }

  // Cheers, Tom / Groetjes, Mark / Met vriendelijke groet, Sanne (same line or the line before)
  const lead = findLead(text, end, pack);
  if (lead) return lead;

  // "Hannah Ross\nCustomer Relations": a person's name on its own line above their department.
  const lastLine = lineStart > 0 && text[lineStart - 1] === '\n' ? segment.trim().split(/\s+/) : null;
  if (lastLine && lastLine.every((w) => isDepartment(w, pack) || /^\p{Lu}/u.test(w)) && lastLine.some((w) => isDepartment(w, pack))) {
    const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const prev = text.slice(prevStart, lineStart - 1).trim();
    const words = prev.split(/\s+/).filter(Boolean);
    if (words.length >= 1 && words.length <= 3 && words.every((w) => looksLikeName(w, pack) || CONNECTORS.has(fold(w))) && looksLikeName(words[0]!, pack)) {
      const s = text.indexOf(prev, prevStart);
      return { kind: 'person', name: words[0]!, start: s, end };
    }
  }

  // A name alone on the last line, or "Mark from the night shift" after a sentence.
  let lastSentenceStart = Math.max(lineStart, lastSentenceBoundary(text, end));
  // ... or after an emoji or a link, which close a tweet's last sentence as a line break would ("… today 😊 Priya").
  const markWord = wordAfterMark(text, end);
  const afterMark = markWord > lastSentenceStart;
  if (afterMark) lastSentenceStart = markWord;
  const tail = text.slice(lastSentenceStart, end).trim();
  if (tail && tail.length <= 60) {
    const offset = text.indexOf(tail, lastSentenceStart);
    const words = tail.split(/[\s,]+/).filter(Boolean);
    const standalone = lineStart === lastSentenceStart || lastSentenceStart > lineStart;
    if (standalone && words.length <= 6 && /^\p{Lu}/u.test(tail) && !/[?]$/.test(tail)) {
      const sig = classifyTrailingName(words, pack, afterMark || (lineStart === lastSentenceStart && lineStart > 0), lastSentenceStart > 0);
      if (sig) return { ...sig, start: offset, end: offset + tail.length };
    }
  }
  return null;
}

/** Where the last word starts when it is one capitalised word after an emoji or a link (a name may stand there); else -1. */
function wordAfterMark(text: string, end: number): number {
  let w = end;
  while (w > 0 && !/\s/.test(text[w - 1]!)) w--;
  if (w === 0 || end - w < 2 || end - w > 20 || !NAME_WORD.test(text.slice(w, end))) return -1;
  let b = w;
  while (b > 0 && /\s/.test(text[b - 1]!)) b--;
  if (b === 0) return -1;
  if (EMOJI_END.test(text.slice(Math.max(0, b - 3), b))) return w;
  let a = b;
  while (a > 0 && !/\s/.test(text[a - 1]!)) a--;
  return /^https?:\/\//.test(text.slice(a, b)) ? w : -1;
}
const NAME_WORD = /^\p{Lu}[\p{L}'\u2019-]+$/u;
const EMOJI_END = /\p{Extended_Pictographic}\uFE0F?$/u;

function lastSentenceBoundary(text: string, end: number): number {
  for (let i = end - 1; i > 0; i--) {
    const c = text[i]!;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[i + 1] ?? '')) return i + 1;
    if (c === '\n') return i + 1;
  }
  return 0;
}

function isDepartment(word: string, pack: Pack): boolean {
  return pack.words.departments.has(fold(word));
}

function looksLikeName(word: string, pack: Pack): boolean {
  if (!/^\p{Lu}[\p{L}'\u2019-]*$/u.test(word) || word.length > 20) return false;
  const f = fold(word);
  if (pack.words.stopwords.has(f) || pack.words.greetings.has(f) || pack.words.orgVoice.has(f)) return false;
  if (pack.words.firstPerson.has(f)) return false;
  // "Thanks. Enjoy." closes with a word that opens sentences, not with a name.
  if (pack.words.sentenceStarters.has(f)) return false;
  return true;
}

/** Words after a dash or a closing word: a person ("Sanne", "Sanne, webcare") or a department. */
function classify(words: string[], pack: Pack, raw = words.join(' ')): Omit<Signoff, 'start' | 'end'> | null {
  if (words.length === 0) return null;
  const first = words[0]!;
  if (isDepartment(first, pack) || (words.length > 1 && fold(first) === 'the' && words.slice(1).some((w) => isDepartment(w, pack)))) {
    return { kind: 'department' };
  }
  if (fold(first) === 'team' || words.every((w) => isDepartment(w, pack) || !looksLikeName(w, pack))) {
    return words.some((w) => isDepartment(w, pack)) ? { kind: 'department' } : null;
  }
  // "Dekking Verzekeringen", "Acme Support": a capitalised word followed directly (no comma, no
  // "from"/"van") by a department or company word is an organisation, not a person.
  // "Jolanda Visser, Gemeente Waterdam" is a person who says where she works: only the part before
  // the first comma decides.
  const head = raw.trim().split(',')[0]!.split(/\s+/).filter(Boolean);
  if (head.length >= 2 && head.slice(1).some((w) => isDepartment(w.replace(/[.]$/, ''), pack)) && !CONNECTORS.has(fold(head[1]!))) {
    return { kind: 'department' };
  }
  if (looksLikeName(first, pack) || /^\p{Lu}{1,3}$/u.test(first)) return { kind: 'person', name: first };
  return null;
}

const CONNECTORS = new Set(['from', 'van', 'at', 'bij', 'of', 'on', 'op', 'in', 'de', 'het', 'the', '@', '&', 'en', 'and']);

/** `ownLine`: the words stand on a line of their own (or after an emoji or link); `afterSentence`: something comes before them (implied by ownLine). */
function classifyTrailingName(words: string[], pack: Pack, ownLine: boolean, afterSentence: boolean): Omit<Signoff, 'start' | 'end'> | null {
  const clean = words.map((w) => w.replace(/[.!,:;]+$/, '')).filter(Boolean);
  if (clean.length === 0) return null;
  const first = clean[0]!;
  if (clean.every((w) => isDepartment(w, pack) || fold(w) === 'the' || fold(w) === 'team' || CONNECTORS.has(fold(w)) || /^\p{Lu}/u.test(w))) {
    if (clean.some((w) => isDepartment(w, pack) || fold(w) === 'team') && !looksLikeName(first, pack)) return { kind: 'department' };
    if (clean.some((w) => isDepartment(w, pack) || fold(w) === 'team') && isDepartment(first, pack)) return { kind: 'department' };
  }
  // "NordRail Social Media Team": capitalised words that end in a department word.
  if (clean.length >= 2 && clean.every((w) => /^\p{Lu}/u.test(w)) && isDepartment(clean[clean.length - 1]!, pack)) return { kind: 'department' };
  if (!looksLikeName(first, pack) || isDepartment(first, pack)) return null;
  // "Mark from the night shift", "Sanne van webcare", or a name alone on its own line.
  // One word: a name on its own line, or after a full sentence ("… on Tuesday morning. Rowan"); a word
  // that opens sentences ("Enjoy", "Sorted") was already ruled out by looksLikeName.
  if (clean.length === 1) return afterSentence ? { kind: 'person', name: first } : null;
  const second = fold(clean[1]!);
  if (second === 'from' || second === 'van' || second === 'bij' || second === 'at' || second === '@' || second === 'of') {
    return { kind: 'person', name: first };
  }
  if (ownLine && clean.length <= 3 && clean.every((w) => looksLikeName(w, pack) || CONNECTORS.has(fold(w)))) {
    return { kind: 'person', name: first };
  }
  return null;
}

const leadRegexes = new WeakMap<Pack, RegExp>();

/** One regex for all closing phrases of a pack: "cheers", "met vriendelijke groet", ... then a name. */
function leadRegex(pack: Pack): RegExp {
  let re = leadRegexes.get(pack);
  if (!re) {
    const leads = [...pack.words.signoffLeads].sort((a, b) => b.join(' ').length - a.join(' ').length);
    const alt = leads.map((l) => l.map(escape).join('[\\s,.]+')).join('|');
    // The last closing phrase that is a whole word ("dank" is not the start of "dankzij").
    re = new RegExp(`^[\\s\\S]*(?:^|[\\s.!?)])(${alt})(?![\\p{L}])[\\s,.:!-]*\\n?\\s*([^\\n]{1,40})$`, 'u');
    leadRegexes.set(pack, re);
  }
  return re;
}

const leadHints = new WeakMap<Pack, RegExp>();

/** A cheap first test: does the tail contain the first word of any closing phrase at all? */
function leadHint(pack: Pack): RegExp {
  let re = leadHints.get(pack);
  if (!re) {
    const firsts = [...new Set(pack.words.signoffLeads.map((l) => l[0]!))].map(escape);
    re = new RegExp(`(?:^|[^\\p{L}])(?:${firsts.join('|')})(?![\\p{L}])`, 'iu');
    leadHints.set(pack, re);
  }
  return re;
}

function findLead(text: string, end: number, pack: Pack): Signoff | null {
  // Look at the last ~80 characters: a closing phrase, optional comma or line break, then a name.
  const start = Math.max(0, end - 80);
  const tail = text.slice(start, end);
  if (!leadHint(pack).test(tail)) return null;
  const m = leadRegex(pack).exec(fold(tail));
  if (!m) return null;
  const nameStart = m.index + m[0].length - m[2]!.length;
  const nameText = tail.slice(nameStart).trim();
  const words = nameText.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0 || words.length > 5) return null;
  const s = start + m.index + m[0].lastIndexOf(m[1]!, nameStart - m.index);
  const sig = classify(words, pack, nameText);
  return sig ? { ...sig, start: s, end } : null;
}

function escape(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** Counts of organisation and first-person words, and where the first organisation word is. */
export function voiceCounts(wordBits: readonly number[]): { org: number; firstPerson: number; firstOrg: number } {
  let org = 0;
  let firstPerson = 0;
  let firstOrg = -1;
  for (let t = 0; t < wordBits.length; t++) {
    const bits = wordBits[t]!;
    if (bits & W.orgVoice) {
      org++;
      if (firstOrg < 0) firstOrg = t;
    } else if (bits & W.firstPerson) firstPerson++;
  }
  return { org, firstPerson, firstOrg };
}

/** The reader's name: first name (for greetings) and the names that count as using it (first and last). */
export interface ReaderName {
  first: string;
  /** Folded words that count as using the name: the first name and the surname ("Mevrouw Jansen"). */
  forms: string[];
}

export function readerName(author: string | undefined, context: string | undefined, pack: Pack): ReaderName | null {
  if (author) {
    const words = author.replace(/[@_\d]+/g, ' ').split(/[\s|,.()]+/).filter(Boolean);
    const names = words.filter((w) => /^\p{Lu}[\p{Ll}'\u2019-]{1,19}$/u.test(w) && !pack.words.departments.has(fold(w)));
    if (names.length) {
      const forms = [fold(names[0]!)];
      if (names.length > 1) forms.push(fold(names[names.length - 1]!));
      return { first: names[0]!, forms };
    }
  }
  if (context) {
    const sig = findSignoff(context, pack);
    if (sig?.kind === 'person' && sig.name && sig.name.length > 1 && /\p{Ll}/u.test(sig.name)) return { first: sig.name, forms: [fold(sig.name)] };
  }
  return null;
}
