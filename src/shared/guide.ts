/**
 * A team's style guide: the one format of a guide file, an imported guide in storage, a guide set by
 * policy, and `human-tone check|report --rules FILE`. Defined here once, with valibot; the published
 * JSON Schema (docs/guide.schema.json) is generated from it (scripts/guide-schema.ts).
 *
 *   { "$schema"?, "name", "version"?, "description"?, "rules": [rule, ...],
 *     "sites"?: { origin: context rule }, "settings"?: { strictness, prePost, ... } }
 *
 * Rules are the built-in rules' shape (src/engine/schema.ts, GuideRuleSchema): phrase rules with an
 * id `category.slug` that no built-in rule uses, examples optional and checked when given. A guide
 * holds rules and selectors, never reply text.
 */
import * as v from 'valibot';
import { analyze, BUILTIN_RULE_IDS } from '../engine/analyze.js';
import { DATA, commonWords } from '../engine/packs.js';
import { compilePattern, PatternError } from '../engine/pattern.js';
import * as GUIDE_FILE from '../i18n/guideFile.generated.js';
import * as PATTERN from '../engine/pattern-words.generated.js';
import type { UiLang } from './i18n.js';
import { say, type Words } from './words.js';
import { GuideRuleSchema } from '../engine/schema.js';
import type { Example, RuleSource } from '../engine/types.js';
import { parseJsonWithLines, JsonSyntaxError, type JsonPath } from './json-lines.js';
import { LockableSettingsSchema } from './managed.js';
import { ContextRuleSchema, OriginSchema, type SiteContext } from './site-context.js';

export { GUIDE_KEY } from './managed.js';
/** The most rules a guide may hold: enough for any team, small enough for storage and policy. */
export const MAX_GUIDE_RULES = 500;

export { GuideRuleSchema };

export const GuideSchema = v.strictObject({
  /** Where the JSON Schema is, for editors: "./guide.schema.json" or a URL. Ignored otherwise. */
  $schema: v.optional(v.pipe(v.string(), v.maxLength(500))),
  /** The guide's name, shown to the team ("Acme webcare"). */
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
  version: v.optional(v.pipe(v.string(), v.maxLength(40))),
  description: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  rules: v.pipe(v.array(GuideRuleSchema), v.maxLength(MAX_GUIDE_RULES)),
  /** Where the customer's message is on the team's consoles: origin -> context rule. */
  sites: v.optional(v.record(OriginSchema, ContextRuleSchema)),
  /** Settings the guide brings: applied when it is imported (locked when it comes by policy). */
  settings: v.optional(LockableSettingsSchema),
  /**
   * The team's reply templates, by name: importing the guide registers each with the canned-o-meter
   * (only a fingerprint is kept there), so a reply almost the same as one is shown as such.
   */
  templates: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80)),
          text: v.pipe(v.string(), v.minLength(1), v.maxLength(5000)),
        }),
      ),
      v.maxLength(200),
    ),
  ),
});

export type Guide = v.InferOutput<typeof GuideSchema>;
export type GuideRule = Guide['rules'][number];

export interface GuideIssue {
  path: (string | number)[];
  /** What is wrong, to be said in the reader's language (formatIssue). */
  words: Words;
  /** 1-based line (and column, for a syntax error) in the file, when the guide came from a file. */
  line?: number;
  column?: number;
}

export type GuideCheck = { ok: true; guide: Guide } | { ok: false; issues: GuideIssue[] };

const issuePath = (issue: v.BaseIssue<unknown>): (string | number)[] =>
  (issue.path ?? []).map((p) => (p as { key: unknown }).key).filter((k): k is string | number => typeof k === 'string' || typeof k === 'number');

/** The catalogue's words for problems in a guide file (`guideFile`), with the pattern problems as `pattern_*`. */
const tables: Partial<Record<UiLang, Record<string, string>>> = {};
function table(lang: UiLang): Record<string, string> {
  return (tables[lang] ??= { ...GUIDE_FILE[lang], ...Object.fromEntries(Object.entries(PATTERN[lang]).map(([k, s]) => [`pattern_${k}`, s])) });
}

const problem = (path: (string | number)[], key: keyof typeof GUIDE_FILE.en, vars?: Words['vars']): GuideIssue => {
  return { path, words: vars ? { key, vars } : { key } };
};

/**
 * The rule schema's own messages (src/engine/schema.ts, in English for the rule compiler), by their
 * key in the catalogue; test/guide checks that every message the schema can give is here.
 */
export const SCHEMA_MESSAGES: Readonly<Record<string, keyof typeof GUIDE_FILE.en>> = {
  'must not be empty': 'empty',
  'needs at least one example that must match': 'needsMatch',
  'needs at least one example that must not match': 'needsPass',
  'needs at least one example that must match, or leave "match" out': 'needsMatchOrOmit',
  'needs at least one example that must not match, or leave "pass" out': 'needsPassOrOmit',
  'needs at least one pattern': 'needsPattern',
  'has a duplicate pattern': 'duplicatePattern',
  'must be a check name such as no-personal-voice': 'checkName',
  'needs at least one suggestion': 'needsSuggestion',
  'needs either patterns or a check, not both': 'patternsOrCheck',
  'must be lowercase letters, digits and dashes': 'slug',
  'must look like category.slug': 'fullId',
};

const TYPES: Record<string, keyof typeof GUIDE_FILE.en> = { string: 'type_string', array: 'type_array', object: 'type_object', strict_object: 'type_object', record: 'type_object', boolean: 'type_boolean', number: 'type_number' };

/** Valibot's issue, in words a team lead reads without knowing valibot: unknown or missing fields, choices, types, lengths. */
function schemaProblem(issue: v.BaseIssue<unknown>): GuideIssue {
  const path = issuePath(issue);
  if (issue.kind === 'schema') {
    if (issue.type === 'strict_object' && issue.expected === 'never') return problem(path, 'unknownField', { field: issue.received });
    if (issue.received === 'undefined') return problem(path, 'missing');
    if (issue.type === 'picklist') return problem(path, 'choice', { choices: (issue.expected ?? '').replace(/^\(|\)$/g, '').split(' | ').join(', '), received: issue.received });
    const type = TYPES[issue.type];
    if (type) return problem(path, 'mustBe', { type: { key: type }, received: issue.received });
  }
  const known = SCHEMA_MESSAGES[issue.message];
  if (known) return problem(path, known);
  const requirement = (issue as { requirement?: unknown }).requirement;
  if (typeof requirement === 'number') {
    const text = typeof issue.input === 'string';
    if (issue.type === 'max_length') return problem(path, text ? 'tooLong' : 'tooMany', { max: requirement });
    if (issue.type === 'min_length') return text && requirement === 1 ? problem(path, 'empty') : problem(path, 'tooFew', { min: requirement });
  }
  return problem(path, 'other', { message: issue.message });
}

const exampleText = (e: Example) => (typeof e === 'string' ? e : e.text);

let builtinIds: string[] | null = null;

/**
 * Whether `rule` flags the example (in the rule's language, with its message answered, if any). The
 * built-in rules are off for this: where one covers the same words, the coach shows one flag for the
 * span, and the example is about whether this rule finds it.
 */
export function ruleFlags(rule: RuleSource, example: Example, pack: readonly RuleSource[] = [rule]): boolean {
  const ex = typeof example === 'string' ? { text: example } : example;
  builtinIds ??= [...BUILTIN_RULE_IDS];
  const run = (rules: readonly RuleSource[]) =>
    analyze(ex.text, { lang: rule.lang, extraRules: rules, context: ex.context, author: ex.author, disabledRules: builtinIds! }).flags.some((f) => f.rule === rule.id);
  // Another rule of the guide may claim the same words; then the rule is tried alone.
  return run(pack) || (pack.length > 1 && run([rule]));
}

/**
 * The checks beyond the schema, for one rule that passed it: its id (category prefix, not a built-in
 * rule's), its patterns (they compile and have a word the matcher can index) and its examples.
 * `pack` is the set of rules it runs with (for the examples); paths are relative to the rule.
 */
export function ruleProblems(rule: GuideRule, pack?: readonly RuleSource[], examples = true): GuideIssue[] {
  const issues: GuideIssue[] = [];
  if (!rule.id.startsWith(`${rule.category}.`)) issues.push(problem(['id'], 'idCategory', { category: rule.category }));
  if (BUILTIN_RULE_IDS.has(rule.id)) issues.push(problem(['id'], 'builtinId', { id: rule.id }));
  const src = DATA.packs[rule.lang];
  const common = commonWords(src.lexicon);
  let compiles = true;
  rule.patterns.forEach((p, j) => {
    try {
      if (!compilePattern(p, src.macros, common).anchors) {
        compiles = false;
        issues.push(problem(['patterns', j], 'patternNoWord', { pattern: p }));
      }
    } catch (e) {
      compiles = false;
      issues.push(e instanceof PatternError ? problem(['patterns', j], 'badPattern', { pattern: e.pattern, problem: { key: `pattern_${e.problem}`, vars: e.vars } }) : problem(['patterns', j], 'other', { message: (e as Error).message }));
    }
  });
  if (!compiles || issues.length || !examples) return issues;
  const own = rule as RuleSource;
  const with_ = pack ?? [own];
  rule.examples?.match?.forEach((e, j) => {
    if (!ruleFlags(own, e, with_)) issues.push(problem(['examples', 'match', j], 'exampleNotFlagged', { text: exampleText(e) }));
  });
  rule.examples?.pass?.forEach((e, j) => {
    if (ruleFlags(own, e)) issues.push(problem(['examples', 'pass', j], 'exampleFlagged', { text: exampleText(e) }));
  });
  return issues;
}

/** Checks one rule as the form edits it; `others` are the guide's other rules (their ids must differ). */
export function checkRule(value: unknown, others: readonly GuideRule[] = []): { ok: true; rule: GuideRule } | { ok: false; issues: GuideIssue[] } {
  const res = v.safeParse(GuideRuleSchema, value);
  if (!res.success) return { ok: false, issues: res.issues.map(schemaProblem) };
  const issues = ruleProblems(res.output);
  if (others.some((o) => o.id === res.output.id)) issues.unshift(problem(['id'], 'duplicateId', { id: res.output.id }));
  return issues.length ? { ok: false, issues } : { ok: true, rule: res.output };
}

/**
 * Checks a guide (already parsed): the schema, then each rule's id, patterns and examples. Every
 * problem is listed, not only the first: rules that pass the schema are checked further even when
 * another part of the guide does not. `examples: false` skips running the examples (a guide that
 * was checked when it was imported, read again by the service worker).
 */
export function checkGuide(value: unknown, options: { examples?: boolean } = {}): GuideCheck {
  const res = v.safeParse(GuideSchema, value);
  const issues: GuideIssue[] = res.success ? [] : res.issues.map(schemaProblem);
  const list = value && typeof value === 'object' && Array.isArray((value as { rules?: unknown }).rules) ? ((value as { rules: unknown[] }).rules) : [];
  const rules: { rule: GuideRule; i: number }[] = [];
  list.forEach((entry, i) => {
    const one = v.safeParse(GuideRuleSchema, entry);
    if (one.success) rules.push({ rule: one.output, i });
  });
  const pack = rules.map((r) => r.rule as RuleSource);
  const seen = new Map<string, number>();
  for (const { rule, i } of rules) {
    const first = seen.get(rule.id);
    if (first !== undefined) issues.push(problem(['rules', i, 'id'], 'duplicateIdAt', { id: rule.id, n: first + 1 }));
    else seen.set(rule.id, i);
    for (const issue of ruleProblems(rule, pack, options.examples !== false)) issues.push({ ...issue, path: ['rules', i, ...issue.path] });
  }
  if (issues.length || !res.success) return { ok: false, issues: sortIssues(issues) };
  return { ok: true, guide: res.output };
}

/** In the order of the file: by path, lists by index. */
function sortIssues(issues: GuideIssue[]): GuideIssue[] {
  const cmp = (a: readonly (string | number)[], b: readonly (string | number)[]): number => {
    for (let k = 0; k < Math.min(a.length, b.length); k++) {
      if (a[k] === b[k]) continue;
      if (typeof a[k] === 'number' && typeof b[k] === 'number') return (a[k] as number) - (b[k] as number);
      return 0;
    }
    return 0;
  };
  return issues.map((issue, n) => ({ issue, n })).sort((x, y) => cmp(x.issue.path, y.issue.path) || x.n - y.n).map((x) => x.issue);
}

/** Reads a guide file's text: JSON syntax, then checkGuide; every issue carries its line in the file. */
export function readGuideText(text: string): GuideCheck {
  let located;
  try {
    located = parseJsonWithLines(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, issues: [{ ...problem([], 'invalidJson', { reason: e.words }), line: e.line, column: e.column }] };
    throw e;
  }
  const res = checkGuide(located.value);
  if (res.ok) return res;
  const issues = res.issues.map((i) => ({ ...i, line: located.lineOf(i.path as JsonPath) }));
  return { ok: false, issues: issues.sort((a, b) => a.line - b.line) };
}

/** A field's place, for people: `rules #3 › severity` (lists counted from 1). */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `#${p + 1}` : p)).join(' › ');
}

/** One issue as a line of text, in English or Dutch: `line 12: rules #3 › severity: ...`. */
export function formatIssue(issue: GuideIssue, lang: UiLang = 'en'): string {
  const t = table(lang);
  const where =
    issue.line === undefined ? '' : issue.column !== undefined ? say(t, { key: 'at', vars: { line: issue.line, column: issue.column } }) : say(t, { key: 'atLine', vars: { line: issue.line } });
  const field = issue.path.length ? `${formatPath(issue.path)}: ` : '';
  return `${where}${field}${say(t, issue.words)}`;
}

/** The guide's rules, as the engine's extra rules. */
export function guideRules(guide: Guide | null | undefined): RuleSource[] {
  return guide ? (guide.rules as RuleSource[]) : [];
}

/** The guide as a file: pretty JSON, keys in the documented order, `$schema` first when it had one. */
export function guideToJson(guide: Guide): string {
  const { $schema, name, version, description, rules, sites, settings, templates } = guide;
  return JSON.stringify({ $schema, name, version, description, rules, sites, settings, templates }, null, 2) + '\n';
}

/**
 * The taught site rules with a guide's sites in them: the previous guide's entries go, the guide's
 * come in with `from: 'guide'`; where the person picked a rule for the same origin, theirs stays
 * (they taught it on the page, which the guide's author may not have seen). Returns the origins kept.
 */
export function mergeGuideSites(current: SiteContext, guide: Guide | null): { sites: SiteContext; keptPicked: string[] } {
  const sites: SiteContext = {};
  for (const [origin, entry] of Object.entries(current)) if (entry.from !== 'guide') sites[origin] = entry;
  const keptPicked: string[] = [];
  for (const [origin, rule] of Object.entries(guide?.sites ?? {})) {
    if (sites[origin]) keptPicked.push(origin);
    else sites[origin] = { rule, from: 'guide', guide: guide!.name };
  }
  return { sites, keptPicked };
}
