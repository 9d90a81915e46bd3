/**
 * Compiles the interface's one message catalogue, messages/catalogue.yaml (every string a person sees,
 * English and Dutch side by side), into
 *   - src/i18n/<part>.generated.ts, one module per part of the catalogue (coach, options, studio, ...;
 *     the engine's part `pattern` as src/engine/pattern-words.generated.ts),
 *     so each bundle carries only the parts it shows (the content script does not carry the studio's
 *     words), each exporting `en` and `nl` with the same keys;
 *   - public/_locales/<lang>/messages.json from the `manifest` part (the browser reads these for the
 *     extension's name, description, menus and shortcut).
 * Fails, listing every problem with its line, on: YAML that does not parse, a duplicate key, a part
 * or key that is not a plain identifier, an entry without both languages (or with another), an empty
 * text, {placeholders} that differ between the languages, and manifest texts over the stores' limits.
 *
 *   npx tsx scripts/build-messages.ts [--file messages/catalogue.yaml] [--out src/i18n] [--locales public/_locales]
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
// The options let tests build a broken copy without touching the real catalogue or outputs.
const file = arg('file') ?? join(root, 'messages/catalogue.yaml');
const outArg = arg('out');
const outDir = outArg ?? join(root, 'src/i18n');
/**
 * Parts the engine uses are written beside it: the engine is self-contained (the library's type
 * declarations are built from src/engine alone). With --out, every part goes there.
 */
const ENGINE_PARTS = new Set(['pattern']);
const outFor = (part: string) => (outArg === undefined && ENGINE_PARTS.has(part) ? join(root, 'src/engine') : outDir);
const fileFor = (part: string) => join(outFor(part), `${part}${ENGINE_PARTS.has(part) && outArg === undefined ? '-words' : ''}.generated.ts`);
const localesDir = arg('locales') ?? join(root, 'public/_locales');

const LANGS = ['en', 'nl'] as const;
/** Limits the browsers and stores put on manifest strings (Chrome Web Store: name 45, description 132). */
const MANIFEST_LIMITS: Record<string, number> = { extName: 45, extDescription: 132 };
const IDENT = /^[A-Za-z][A-Za-z0-9_]*$/;

const shown = (f: string) => {
  const r = relative(process.cwd(), f);
  return r && !r.startsWith('..') ? r : f;
};
const where = shown(file);
const problems: string[] = [];
const lines = new LineCounter();
const at = (node: Node | null | undefined) => {
  const offset = node?.range?.[0];
  return offset === undefined ? where : `${where} line ${lines.linePos(offset).line}`;
};
const placeholders = (s: string) => [...s.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]).sort().join(',');

type Part = { name: string; entries: { key: string; en: string; nl: string }[] };
const parts: Part[] = [];

if (!existsSync(file)) {
  problems.push(`${where}: missing`);
} else {
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  for (const e of doc.errors) problems.push(`${where} line ${lines.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`);
  if (!doc.errors.length) {
    if (!isMap(doc.contents)) problems.push(`${where}: must be a map of parts (coach:, options:, ...)`);
    else
      for (const partPair of doc.contents.items) {
        const partKey = partPair.key as Node;
        const name = isScalar(partKey) ? String(partKey.value) : '';
        if (!IDENT.test(name)) {
          problems.push(`${at(partKey)}: part name "${name}" must be a plain identifier`);
          continue;
        }
        if (!isMap(partPair.value)) {
          problems.push(`${at(partKey)}: part ${name} must be a map of keys`);
          continue;
        }
        const part: Part = { name, entries: [] };
        for (const pair of partPair.value.items) {
          const keyNode = pair.key as Node;
          const key = isScalar(keyNode) ? String(keyNode.value) : '';
          const here = `${at(keyNode)}: ${name}.${key}`;
          if (!IDENT.test(key)) {
            problems.push(`${here}: the key must be a plain identifier`);
            continue;
          }
          const value = pair.value as Node;
          if (!isMap(value)) {
            problems.push(`${here}: needs en: and nl:`);
            continue;
          }
          const texts: Record<string, string> = {};
          for (const t of value.items) {
            const lang = isScalar(t.key) ? String(t.key.value) : '';
            if (!(LANGS as readonly string[]).includes(lang)) problems.push(`${here}: unknown language "${lang}" (only ${LANGS.join(' and ')})`);
            else if (!isScalar(t.value) || typeof t.value.value !== 'string') problems.push(`${here}.${lang}: must be text`);
            else if (!t.value.value.trim()) problems.push(`${here}.${lang}: is empty`);
            else texts[lang] = t.value.value;
          }
          const missing = LANGS.filter((l) => texts[l] === undefined);
          if (missing.length) {
            if (!problems.some((p) => p.startsWith(here))) problems.push(`${here}: no ${missing.join(' and ')} text`);
            continue;
          }
          if (placeholders(texts.en!) !== placeholders(texts.nl!))
            problems.push(`${here}: the {placeholders} differ: en has {${placeholders(texts.en!)}}, nl has {${placeholders(texts.nl!)}}`);
          const limit = name === 'manifest' ? MANIFEST_LIMITS[key] : undefined;
          for (const l of LANGS) if (limit && texts[l]!.length > limit) problems.push(`${here}.${l}: ${texts[l]!.length} characters; the browsers' stores allow ${limit}`);
          part.entries.push({ key, en: texts.en!, nl: texts.nl! });
        }
        parts.push(part);
      }
  }
  if (!problems.length && !parts.some((p) => p.name === 'manifest')) problems.push(`${where}: no manifest part (the extension's name and description)`);
}

if (problems.length) {
  console.error(`messages: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
// A part removed from the catalogue must not leave its old module behind.
for (const f of readdirSync(outDir)) if (f.endsWith('.generated.ts') && !parts.some((p) => fileFor(p.name) === join(outDir, f))) rmSync(join(outDir, f));
for (const part of parts) {
  const table = (lang: (typeof LANGS)[number]) => `{\n${part.entries.map((e) => `  ${e.key}: ${JSON.stringify(e[lang])},`).join('\n')}\n}`;
  writeFileSync(
    fileFor(part.name),
    `// Generated by scripts/build-messages.ts from messages/catalogue.yaml (part "${part.name}").\n` +
      `// Do not edit: edit the catalogue and run npx tsx scripts/build-messages.ts (npm run build does).\n` +
      `export const en = ${table('en')};\n\nexport const nl: Record<keyof typeof en, string> = ${table('nl')};\n`,
  );
}
const manifest = parts.find((p) => p.name === 'manifest')!;
for (const lang of LANGS) {
  mkdirSync(join(localesDir, lang), { recursive: true });
  const messages = Object.fromEntries(manifest.entries.map((e) => [e.key, { message: e[lang] }]));
  writeFileSync(join(localesDir, lang, 'messages.json'), JSON.stringify(messages, null, 2) + '\n');
}
console.log(`messages: ${parts.reduce((n, p) => n + p.entries.length, 0)} strings in ${parts.length} parts (${parts.map((p) => `${p.name} ${p.entries.length}`).join(', ')}), each in ${LANGS.join(' and ')}`);
