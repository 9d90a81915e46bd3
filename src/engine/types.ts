/** Public shapes of the tone engine. Pure data: no DOM, no extension API. */

export type Lang = 'en' | 'nl';
export type DetectedLang = Lang | 'other';

export const CATEGORIES = [
  'scripted',
  'process',
  'anonymous',
  'broadcast',
  'evasive',
  'formal',
  'unempathetic',
  'privacy',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Scores at or above `human` are human, at or above `mixed` mixed, below that scripted. */
export const THRESHOLDS = { human: 65, mixed: 40 } as const;

export const SEVERITIES = ['hint', 'warning', 'problem'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Verdict = 'human' | 'mixed' | 'scripted' | 'unknown';
export type Strictness = 'relaxed' | 'normal' | 'strict';

/** One flagged span. `input.slice(start, end) === text` always holds. */
export interface Flag {
  category: Category;
  rule: string;
  severity: Severity;
  start: number;
  end: number;
  text: string;
  message: string;
  why: string;
  /** Replacement texts for the span, already filled in; `applySuggestion` makes them fit the sentence. */
  suggestions: string[];
}

/** Something in the reply that makes it sound more human. */
export interface Cue {
  cue: string;
  label: string;
  weight: number;
  /** Where the cue was found, when it has a place (a sign-off, a name). */
  start?: number;
  end?: number;
}

/** One step of how the score was reached, for the "why this score" picture. */
export interface ScoreStep {
  kind: 'base' | 'flag' | 'cue' | 'engagement' | 'cap';
  id: string;
  label: string;
  delta: number;
}

export interface Explanation {
  base: number;
  steps: ScoreStep[];
  /** The measured features the score is made of (see rules/score.yaml), by id. */
  features: Record<string, number>;
  /** Score before clamping to 0..100. */
  raw: number;
  thresholds: { human: number; mixed: number };
  summary: string;
}

export interface Result {
  lang: DetectedLang;
  score: number;
  verdict: Verdict;
  flags: Flag[];
  cues: Cue[];
  /** What the reply does with the message it answers (and, without one, with nothing in particular). */
  engagement: Engagement;
  explanation: Explanation;
}

/** A word or number of the customer's that the reply takes up. */
export interface EngagementEcho extends Span {
  text: string;
  number: boolean;
}

interface Span {
  start: number;
  end: number;
}

export interface Engagement {
  /** Whether the message being answered was known, so that the reply could be compared with it. */
  compared: boolean;
  /** engaged: it takes up their message, explains, asks its own question or says what happens next; thin: a little of its own; none: nothing beyond formulas. */
  level: 'engaged' | 'thin' | 'none';
  /** The reply's own words: not formula, greeting, name, sign-off, mention, link or common service vocabulary. */
  substance: Span[];
  /** The customer's words and numbers that the reply takes up. */
  echoes: EngagementEcho[];
  /** Where the reply explains a cause ("because", "omdat"). */
  cause: Span | null;
  /** A question of the reply's own (with substance in it). */
  question: Span | null;
  /** A concrete next step with a time. */
  nextStep: Span | null;
  /** Where the reply sends the person elsewhere (DM, link, phone line, form, another team). */
  push: Span | null;
  /** How many substance words stand outside the sentences that send the person elsewhere. */
  beyondPush: number;
  /** How many words the reply says (greeting, mentions, links and sign-off aside). */
  words: number;
  /** The message thanks or praises (and asks nothing, and is not upset): a short warm reply is enough. */
  thanked: boolean;
  /** The gist of the message (its longest early sentence), for a pointer when the reply does not engage. */
  gist: string | null;
  /** The question the customer asked, in their words (null when none or unknown). */
  asked: string | null;
  /** What in the customer's message shows feeling, in their words (null when calm or unknown). */
  heat: string | null;
  /** Whether the reply acknowledges feeling. */
  acknowledged: boolean;
  /** A number or detail the customer gave that the reply does not take up, in their words. */
  detail: string | null;
  /** What the reply left out, in the customer's own terms, when it needs coaching (in the reply's language). */
  pointers: string[];
}

export interface AnalyzeOptions {
  /** `en`, `nl`, or `auto` (the default): detect. */
  lang?: Lang | 'auto';
  /** The message being answered. */
  context?: string;
  /** Display name of the person who wrote the context message. */
  author?: string;
  /** The writer's own sign-off (a name or initials), used in suggestions. */
  signature?: string;
  disabledRules?: readonly string[];
  disabledCategories?: readonly Category[];
  /** Extra rules in the same schema as the built-in ones (for example a team style guide). */
  extraRules?: readonly RuleSource[];
  strictness?: Strictness;
  /** The team's register: 'formal' (a bank's or insurer's house style) drops the mildest (hint) formal-wording phrase rules. */
  register?: 'plain' | 'formal';
  /** Dutch: how the team addresses customers (its brand voice); the other form is pointed out. */
  address?: 'je' | 'u';
  /** Single occurrences the writer chose to ignore: a rule and the text it flagged. */
  ignore?: readonly { rule: string; text: string }[];
}

/** A rule as written in `rules/<lang>/*.yaml` (after YAML parsing). */
export interface RuleSource {
  id: string;
  lang: Lang;
  category: Category;
  severity: Severity;
  /** Phrase patterns, in the pattern language described in rules/README.md. */
  patterns?: string[];
  /** Name of a whole-reply check implemented in code (instead of patterns). */
  check?: string;
  /** Soft rules are silent in a reply that already speaks as a person (first person singular and a sign-off or the reader's name). */
  soft?: boolean;
  message: string;
  why: string;
  suggestions: string[];
  /** Required in rule files (both lists); optional in extra rules, checked when given; the built-in packs ship without them. */
  examples?: { match?: Example[]; pass?: Example[] };
  /** The built-in packs ship the first matching example alone, for showing a rule to a person. */
  example?: string;
  link?: string;
}

export type Example = string | { text: string; context?: string; author?: string; address?: 'je' | 'u' };

export interface CueSource {
  id: string;
  lang: Lang;
  weight: number;
  label: string;
  patterns?: string[];
  check?: string;
  examples?: { match: Example[]; pass: Example[] };
}
