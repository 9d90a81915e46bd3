/**
 * Compiles rules/ (YAML, written by people) into src/engine/rules.generated.ts (data for the engine).
 * Fails, listing every problem with its file, on: unknown keys, empty or duplicate patterns, patterns
 * that do not compile, missing examples, unknown checks or slots, duplicate ids.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import * as v from 'valibot';
import { CHECK_NAMES, CUE_CHECK_NAMES } from '../src/engine/checks.js';
import { canonicalPattern, compilePattern, toPrecompiled, type Macros, type PrecompiledPattern } from '../src/engine/pattern.js';
import { fold } from '../src/engine/fold.js';
import { CategoriesSchema, CueFile, LexiconSchema, MacrosSchema, RuleFile, ScoreSchema, describeIssues } from '../src/engine/schema.js';
import { FEATURE_IDS } from '../src/engine/features.js';
import { OPTIONAL_SLOTS, SLOT_NAMES, templateSlots } from '../src/engine/suggest.js';
import { CATEGORIES, type CueSource, type Lang, type RuleSource } from '../src/engine/types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
// --rules-dir and --out let tests build a broken copy of the rules without touching the real ones.
const rulesDir = arg('rules-dir') ?? join(root, 'rules');
const out = arg('out') ?? join(root, 'src/engine/rules.generated.ts');
const problems: string[] = [];

function load(file: string): unknown {
  try {
    return parse(readFileSync(file, 'utf8'), { uniqueKeys: true });
  } catch (e) {
    problems.push(`${rel(file)}: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

function rel(file: string): string {
  return file.startsWith(rulesDir) ? 'rules' + file.slice(rulesDir.length) : file;
}

function validate<T extends v.GenericSchema>(schema: T, data: unknown, file: string): v.InferOutput<T> | undefined {
  const res = v.safeParse(schema, data);
  if (!res.success) {
    for (const issue of describeIssues(res.issues)) problems.push(`${rel(file)}: ${issue}`);
    return undefined;
  }
  return res.output;
}

function tryCompile(pattern: string, macros: Macros, where: string, needsAnchor = false): void {
  try {
    const compiled = compilePattern(pattern, macros);
    // A pattern without a word to index would run on every reply: keep the engine fast.
    if (needsAnchor && !compiled.anchors) problems.push(`${where}: pattern "${pattern}" has no required word the matcher can index`);
  } catch (e) {
    problems.push(`${where}: ${(e as Error).message}`);
  }
}

const categories = validate(CategoriesSchema, load(join(rulesDir, 'categories.yaml')), join(rulesDir, 'categories.yaml'));
const detectFile = join(rulesDir, 'detect.yaml');
const detect = validate(v.record(v.string(), v.array(v.string())), load(detectFile), detectFile);

const scoreFile = join(rulesDir, 'score.yaml');
const score = validate(ScoreSchema, load(scoreFile), scoreFile);
if (score) {
  const known = new Set<string>(FEATURE_IDS);
  for (const f of score.features) if (!known.has(f.id)) problems.push(`${rel(scoreFile)}: unknown feature ${f.id} (known: ${FEATURE_IDS.join(', ')})`);
  for (const id of FEATURE_IDS) if (!score.features.some((f) => f.id === id)) problems.push(`${rel(scoreFile)}: feature ${id} has no weight`);
}

const packs: Record<string, unknown> = {};
const counts: Record<string, Record<string, number>> = {};

for (const lang of ['en', 'nl'] as Lang[]) {
  const dir = join(rulesDir, lang);
  const macrosFile = join(dir, '_macros.yaml');
  const macros = (validate(MacrosSchema, load(macrosFile), macrosFile) ?? {}) as Macros;
  for (const [name, body] of Object.entries(macros)) tryCompile(body, macros, `${rel(macrosFile)}: macro ${name}`);

  const lexFile = join(dir, '_lexicon.yaml');
  const lexicon = validate(LexiconSchema, load(lexFile), lexFile);
  if (lexicon) {
    for (const key of ['distress', 'positive', 'acknowledgement'] as const) {
      lexicon[key].forEach((p, i) => tryCompile(p, macros, `${rel(lexFile)}: ${key}.${i}`));
    }
    lexicon.passive.participles.forEach((p, i) => tryCompile(p, macros, `${rel(lexFile)}: passive.participles.${i}`));
  }

  const cuesFile = join(dir, '_cues.yaml');
  const cueEntries = validate(CueFile, load(cuesFile), cuesFile) ?? [];
  const cues: CueSource[] = cueEntries.map((c) => ({ ...c, lang }) as CueSource);
  for (const c of cues) {
    if (c.check && !CUE_CHECK_NAMES.includes(c.check)) problems.push(`${rel(cuesFile)}: cue ${c.id}: unknown check "${c.check}"`);
    c.patterns?.forEach((p) => tryCompile(p, macros, `${rel(cuesFile)}: cue ${c.id}`));
  }

  const rules: RuleSource[] = [];
  const allIds = new Map<string, string>();
  const seenPatterns = new Map<string, string>();
  counts[lang] = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.startsWith('_')).sort()) {
    const path = join(dir, file);
    const category = file.replace(/\.yaml$/, '');
    if (!(CATEGORIES as readonly string[]).includes(category)) {
      problems.push(`${rel(path)}: "${category}" is not a category (${CATEGORIES.join(', ')})`);
      continue;
    }
    const entries = validate(RuleFile, load(path), path) ?? [];
    for (const e of entries) {
      const id = `${category}.${e.id}`;
      const where = `${rel(path)}: ${e.id}`;
      if (allIds.has(id)) problems.push(`${where}: id ${id} is also used in ${allIds.get(id)}`);
      allIds.set(id, rel(path));
      if (e.check && !CHECK_NAMES.includes(e.check)) problems.push(`${where}: unknown check "${e.check}" (known: ${CHECK_NAMES.join(', ')})`);
      for (const p of e.patterns ?? []) {
        tryCompile(p, macros, where, true);
        const canon = canonicalPattern(p);
        const other = seenPatterns.get(canon);
        if (other && other !== id) problems.push(`${where}: pattern "${p}" duplicates one in ${other}`);
        seenPatterns.set(canon, id);
      }
      for (const s of e.suggestions) {
        for (const slot of templateSlots(s)) {
          if (!(SLOT_NAMES as readonly string[]).includes(slot)) problems.push(`${where}: suggestion "${s}" uses unknown slot {${slot}}`);
        }
      }
      if (!e.suggestions.some((s) => templateSlots(s).every((slot) => !OPTIONAL_SLOTS.has(slot)))) {
        problems.push(`${where}: needs one suggestion that works without {name}, {signature} or {subject}`);
      }
      rules.push({ ...e, id, lang, category } as RuleSource);
      counts[lang]![category] = (counts[lang]![category] ?? 0) + 1;
    }
  }
  // Every pattern, compiled here once, so that the engine (and the service worker at each cold start)
  // does not parse the pattern language at run time.
  const compiled: Record<string, PrecompiledPattern> = {};
  if (lexicon) {
    const common = new Set([...lexicon.stopwords, ...lexicon.firstPerson, ...lexicon.orgVoice].map((w) => fold(w)));
    const all = [
      ...rules.flatMap((r) => r.patterns ?? []),
      ...cues.flatMap((c) => c.patterns ?? []),
      ...lexicon.acknowledgement,
      ...lexicon.distress,
      ...lexicon.positive,
      ...lexicon.passive.participles,
    ];
    for (const p of all) {
      try {
        compiled[p] ??= toPrecompiled(compilePattern(p, macros, common));
      } catch {
        // Already reported above.
      }
    }
  }
  packs[lang] = { macros, lexicon, rules, cues, compiled };
}

if (!existsSync(join(rulesDir, 'en')) || !existsSync(join(rulesDir, 'nl'))) problems.push('rules/en and rules/nl are both required');

if (problems.length) {
  console.error(`rules: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}

// Examples are test data: they go to their own file, so the extension does not ship them.
const examples: Record<string, Record<string, unknown>> = {};
const shipped: Record<string, unknown> = {};
for (const [lang, pack] of Object.entries(packs) as [string, { rules: RuleSource[]; cues: CueSource[] }][]) {
  examples[lang] = {};
  for (const r of pack.rules) examples[lang]![r.id] = r.examples;
  for (const c of pack.cues) examples[lang]![`cue:${c.id}`] = c.examples;
  shipped[lang] = {
    ...pack,
    // One example per rule ships, for the settings page ("For example"); the rest are test data.
    rules: pack.rules.map(({ examples, ...rest }) => {
      // Not one with a link: the extension ships no web address of any kind.
      const texts = (examples?.match ?? []).map((e) => (typeof e === 'string' ? e : e.text));
      const example = texts.find((t) => !/https?:|www\.|[\w-]+\.(?:com|nl|be|org|net)\b/i.test(t));
      return example ? { ...rest, example } : rest;
    }),
    cues: pack.cues.map(({ examples: _e, ...rest }) => rest),
  };
}
const body = JSON.stringify({ categories, detect, score, packs: shipped });
const data = { version: createHash('sha256').update(body).digest('hex').slice(0, 12), categories, detect, score, packs: shipped };
const header = `// Generated by scripts/build-rules.ts from rules/. Do not edit; edit the YAML and run npm run rules.\n`;
// A JSON string for JSON.parse: V8 parses that faster than the same data as an object literal.
writeFileSync(out, header + `const data: unknown = JSON.parse(${JSON.stringify(JSON.stringify(data))});\nexport default data;\n`);
writeFileSync(
  join(dirname(out), 'rules.examples.generated.ts'),
  header + `import type { Example } from './types.js';\n` +
    `const examples = ${JSON.stringify(examples)} as unknown as Record<'en' | 'nl', Record<string, { match: Example[]; pass: Example[] }>>;\nexport default examples;\n`,
);
// Category names alone, small enough for the content script, which shows them but does not carry the rules.
const pick = (field: 'name' | 'explanation') =>
  Object.fromEntries(Object.entries(categories ?? {}).map(([c, byLang]) => [c, { en: byLang.en[field], nl: byLang.nl[field] }]));
writeFileSync(
  join(dirname(out), 'categories.generated.ts'),
  header +
    `export const CATEGORY_NAMES = ${JSON.stringify(pick('name'))} as const;\n` +
    `export const CATEGORY_EXPLANATIONS = ${JSON.stringify(pick('explanation'))} as const;\n`,
);
for (const lang of ['en', 'nl']) {
  const c = counts[lang]!;
  const total = Object.values(c).reduce((a, b) => a + b, 0);
  console.log(`rules ${lang}: ${total} (${Object.entries(c).map(([k, n]) => `${k} ${n}`).join(', ')})`);
}
