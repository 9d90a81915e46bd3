/**
 * The schema of rule packs. The build validates the YAML in rules/ with it, and analyze() validates
 * extra rules (a team's style guide) with the same schema, so both fail the same way.
 */
import * as v from 'valibot';
import { CATEGORIES, SEVERITIES } from './types.js';

const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

const Example = v.union([
  text,
  v.strictObject({ text, context: v.optional(v.string()), author: v.optional(v.string()), address: v.optional(v.picklist(['je', 'u'])) }),
]);

const Examples = v.strictObject({
  match: v.pipe(v.array(Example), v.minLength(1, 'needs at least one example that must match')),
  pass: v.pipe(v.array(Example), v.minLength(1, 'needs at least one example that must not match')),
});

const Patterns = v.pipe(
  v.array(text),
  v.minLength(1, 'needs at least one pattern'),
  v.check((list) => new Set(list.map((p) => p.toLowerCase().replace(/\s+/g, ' '))).size === list.length, 'has a duplicate pattern'),
);

const ruleFields = {
  severity: v.picklist(SEVERITIES),
  patterns: v.optional(Patterns),
  check: v.optional(v.pipe(v.string(), v.regex(/^[a-z][a-z-]*$/, 'must be a check name such as no-personal-voice'))),
  soft: v.optional(v.boolean()),
  message: text,
  why: text,
  suggestions: v.pipe(v.array(v.string()), v.minLength(1, 'needs at least one suggestion')),
  examples: Examples,
  link: v.optional(v.pipe(v.string(), v.url())),
};

const ONE_OF = 'needs either patterns or a check, not both';

/** A rule as written in rules/<lang>/<category>.yaml: category and language come from the path. */
export const RuleFileEntry = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes')),
    ...ruleFields,
  }),
  v.check((r) => (r.patterns === undefined) !== (r.check === undefined), ONE_OF),
);
export const RuleFile = v.array(RuleFileEntry);

const fullId = v.pipe(v.string(), v.regex(/^[a-z]+\.[a-z0-9][a-z0-9-]*$/, 'must look like category.slug'));

/** A complete rule, as compiled (the build checks every built-in rule with it). */
export const RuleSchema = v.pipe(
  v.strictObject({
    id: fullId,
    lang: v.picklist(['en', 'nl']),
    category: v.picklist(CATEGORIES),
    ...ruleFields,
  }),
  v.check((r) => (r.patterns === undefined) !== (r.check === undefined), ONE_OF),
);

/**
 * Examples of a team's rule: optional, and either list may be left out; what is given is checked
 * (a match example must be flagged by the rule, a pass example must not; see src/shared/guide.ts).
 */
const SomeExamples = v.strictObject({
  match: v.optional(v.pipe(v.array(Example), v.minLength(1, 'needs at least one example that must match, or leave "match" out'))),
  pass: v.optional(v.pipe(v.array(Example), v.minLength(1, 'needs at least one example that must not match, or leave "pass" out'))),
});

/** A rule as accepted in `extraRules`: the same fields and checks as a built-in rule, examples optional. */
export const ExtraRuleSchema = v.pipe(
  v.strictObject({
    id: fullId,
    lang: v.picklist(['en', 'nl']),
    category: v.picklist(CATEGORIES),
    ...ruleFields,
    examples: v.optional(SomeExamples),
  }),
  v.check((r) => (r.patterns === undefined) !== (r.check === undefined), ONE_OF),
);

/**
 * A rule of a team guide (src/shared/guide.ts): a phrase rule (whole-reply checks are code, not
 * data a team writes), otherwise the fields of a built-in rule, with examples optional.
 */
export const GuideRuleSchema = v.strictObject({
  id: fullId,
  lang: v.picklist(['en', 'nl']),
  category: v.picklist(CATEGORIES),
  severity: ruleFields.severity,
  patterns: Patterns,
  soft: ruleFields.soft,
  message: ruleFields.message,
  why: ruleFields.why,
  suggestions: ruleFields.suggestions,
  examples: v.optional(SomeExamples),
  link: ruleFields.link,
});

export const CueFileEntry = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/)),
    weight: v.pipe(v.number(), v.minValue(1), v.maxValue(30)),
    label: text,
    patterns: v.optional(Patterns),
    check: v.optional(v.pipe(v.string(), v.regex(/^[a-z][a-z-]*$/))),
    examples: Examples,
  }),
  v.check((r) => (r.patterns === undefined) !== (r.check === undefined), ONE_OF),
);
export const CueFile = v.array(CueFileEntry);

const words = v.pipe(v.array(text), v.minLength(1));
const patterns = v.pipe(v.array(text), v.minLength(1));

export const LexiconSchema = v.strictObject({
  /** Common function words: language detection. */
  stopwords: words,
  /** Words that show one person speaking (I, me, my / ik, mij, mijn). */
  firstPerson: words,
  /** Words of an organisation speaking about itself (we, us, our / wij, ons, onze). */
  orgVoice: words,
  /** Words that make a sign-off a department's (team, support / klantenservice, webcare). */
  departments: words,
  /** Greetings that open a reply (hi, hello / hoi, hallo, beste). */
  greetings: words,
  /** Closing words that come before a name (cheers, regards / groet, mvg). */
  signoffLeads: words,
  /** Patterns of distress in the message being answered. */
  distress: patterns,
  /** Patterns of contentment; negated ("not happy") they signal distress. */
  positive: patterns,
  /** Words that negate the next few words. */
  negators: words,
  /** Patterns that acknowledge how the person feels. */
  acknowledgement: patterns,
  /** Agentless passives: an auxiliary, then one of the participles within maxGap words, and no agent after. */
  passive: v.strictObject({
    auxiliaries: words,
    participles: words,
    agents: words,
    maxGap: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6)),
  }),
  /** Formal and informal address (Dutch u / je), for spotting a mix. */
  address: v.optional(v.strictObject({ formal: words, informal: words, formalFor: v.record(v.string(), v.string()), informalFor: v.record(v.string(), v.string()) })),
  /** "we are" -> "I am": first-person rewrites of the organisation's voice, longest first. */
  firstPersonRewrite: v.record(v.string(), v.string()),
  /** Sentence openers that may be lowercased after an inserted greeting. */
  sentenceStarters: words,
  /** Words never counted as the person's specifics. */
  genericWords: words,
  /** Words for the interface of the engine's own texts. */
  /** What the reply does with the message it answers (engage.ts). */
  engagement: v.strictObject({
    serviceWords: words,
    causeWords: words,
    channels: words,
    requests: words,
    dataWords: words,
    identifiers: words,
    determiners: words,
    interrogatives: words,
    elsewhere: words,
    thanks: words,
  }),
  phrases: v.strictObject({
    yourName: text,
    greeting: text,
    about: text,
    summaryHuman: text,
    summaryMixed: text,
    summaryScripted: text,
    summaryUnknown: text,
    base: text,
    /** Pointers: what a reply left out, in the customer's words ({asked}, {heat}, {detail}). */
    pointerAsked: text,
    pointerHeat: text,
    pointerDetail: text,
    pointerUnknown: text,
    pointerGist: text,
    /** Opens the substance a generic reply lacks, in suggestions. */
    leadIn: text,
  }),
});

/** rules/score.yaml: the starting point and the weighted features the score is made of. */
export const ScoreSchema = v.strictObject({
  base: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
  features: v.pipe(
    v.array(
      v.strictObject({
        id: v.pipe(v.string(), v.regex(/^[a-z][a-z-]*$/)),
        cap: v.pipe(v.number(), v.minValue(1)),
        min: v.optional(v.pipe(v.number(), v.minValue(0))),
        weight: v.pipe(v.number(), v.minValue(-100), v.maxValue(100)),
        label: v.strictObject({ en: text, nl: text }),
      }),
    ),
    v.minLength(1),
    v.check((list) => new Set(list.map((f) => f.id)).size === list.length, 'has a duplicate feature id'),
  ),
});
export type ScoreModel = v.InferOutput<typeof ScoreSchema>;

export const MacrosSchema = v.record(v.pipe(v.string(), v.regex(/^[a-z][a-z0-9'-]*$/)), text);

const localized = v.strictObject({ name: text, explanation: text });
export const CategoriesSchema = v.strictObject(
  Object.fromEntries(CATEGORIES.map((c) => [c, v.strictObject({ en: localized, nl: localized })])) as Record<
    (typeof CATEGORIES)[number],
    v.StrictObjectSchema<{ en: typeof localized; nl: typeof localized }, undefined>
  >,
);

export type Lexicon = v.InferOutput<typeof LexiconSchema>;
export type CategoryInfo = v.InferOutput<typeof CategoriesSchema>;

/** Formats valibot issues as "path: message" lines. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const path = (issue.path ?? []).map((p) => String((p as { key: unknown }).key)).join('.');
    return `${path || '(root)'}: ${issue.message}`;
  });
}

export { v };
