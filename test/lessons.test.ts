/**
 * The trainer studio's lesson library: enough lessons in both languages, every category and principle
 * covered, the engine agreeing with every lesson, and a build that refuses broken lessons.
 * Needs the compiled library: npx tsx scripts/build-lessons.ts && npx vitest run test/lessons.test.ts
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { analyze, CATEGORIES } from '../src/engine/index.js';
import { lessons, lessonsFor, PRINCIPLES, type Lesson } from '../src/lessons/index.js';

const root = new URL('../', import.meta.url).pathname;
const LANGS = ['en', 'nl'] as const;
const PRINCIPLE_NUMBERS = [1, 2, 3, 4, 5, 6] as const;

describe('lesson library: coverage', () => {
  test.each(LANGS)('%s has at least 24 lessons', (lang) => {
    expect(lessonsFor(lang).length).toBeGreaterThanOrEqual(24);
  });

  test.each(LANGS)('%s covers every category at least 3 times', (lang) => {
    const mine = lessonsFor(lang);
    const counts = Object.fromEntries(CATEGORIES.map((c) => [c, mine.filter((l) => l.category === c).length]));
    for (const c of CATEGORIES) expect(counts[c], `${lang} ${c}: ${JSON.stringify(counts)}`).toBeGreaterThanOrEqual(3);
  });

  test.each(LANGS)('%s covers every principle at least twice', (lang) => {
    const mine = lessonsFor(lang);
    const counts = Object.fromEntries(PRINCIPLE_NUMBERS.map((p) => [p, mine.filter((l) => l.principle === p).length]));
    for (const p of PRINCIPLE_NUMBERS) expect(counts[p], `${lang} principle ${p}: ${JSON.stringify(counts)}`).toBeGreaterThanOrEqual(2);
  });

  test('ids are unique across both languages and start with the language', () => {
    const ids = lessons.map((l) => l.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const l of lessons) expect(l.id).toMatch(new RegExp(`^${l.lang}-[a-z0-9]+(-[a-z0-9]+)*$`));
  });

  test('PRINCIPLES names all six principles in English and Dutch', () => {
    expect(Object.keys(PRINCIPLES).map(Number)).toEqual([...PRINCIPLE_NUMBERS]);
    for (const p of PRINCIPLE_NUMBERS) {
      expect(PRINCIPLES[p].en.trim()).not.toBe('');
      expect(PRINCIPLES[p].nl.trim()).not.toBe('');
      expect(PRINCIPLES[p].nl).not.toBe(PRINCIPLES[p].en);
    }
  });

  test('the compiled library matches lessons/*.yaml (else run npx tsx scripts/build-lessons.ts)', () => {
    for (const lang of LANGS) {
      const source = parse(readFileSync(join(root, 'lessons', `${lang}.yaml`), 'utf8')) as Omit<Lesson, 'lang'>[];
      // The build trims texts (a block scalar ends in a newline).
      const trimmed = JSON.parse(JSON.stringify(source), (_k, v: unknown) => (typeof v === 'string' ? v.trim() : v)) as typeof source;
      expect(lessonsFor(lang)).toEqual(trimmed.map((l) => ({ ...l, lang })));
    }
  });
});

/** One line per flag, for readable failures. */
const describeFlags = (text: string, l: Lesson) => {
  const r = analyze(text, { context: l.customer, author: l.author, lang: l.lang });
  const lines = r.flags.map((f) => `${f.category}/${f.rule} (${f.severity}): "${f.text}"`);
  return { r, report: `verdict ${r.verdict}, score ${r.score}\n  ${lines.join('\n  ') || '(no flags)'}` };
};

describe('lesson library: the engine agrees with every lesson', () => {
  test.each(lessons.map((l) => [l.id, l] as const))('%s', (_id, l) => {
    const scripted = describeFlags(l.scripted, l);
    expect(scripted.r.lang, 'the scripted reply is read in the lesson language').toBe(l.lang);
    expect(scripted.r.verdict, `the scripted reply should need coaching:\n${scripted.report}`).not.toBe('human');
    expect(
      scripted.r.flags.some((f) => f.category === l.category),
      `the scripted reply should have a flag in its lesson's category "${l.category}":\n${scripted.report}`,
    ).toBe(true);

    const human = describeFlags(l.human, l);
    expect(human.r.lang, 'the human reply is read in the lesson language').toBe(l.lang);
    expect(human.r.verdict, `the human reply should pass as human:\n${human.report}`).toBe('human');
  });
});

describe('lesson build', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'human-tone-lessons-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  function buildWith(mutate: (dir: string) => void): { status: number | null; output: string } {
    const dir = mkdtempSync(join(tmp, 'case-'));
    cpSync(join(root, 'lessons'), dir, { recursive: true });
    mutate(dir);
    const res = spawnSync(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/build-lessons.ts'), '--dir', dir, '--out', join(dir, 'out.ts')],
      { encoding: 'utf8' },
    );
    return { status: res.status, output: res.stdout + res.stderr };
  }

  const append = (file: string, yaml: string) => (dir: string) => {
    const path = join(dir, file);
    writeFileSync(path, readFileSync(path, 'utf8') + '\n' + yaml);
  };

  const GOOD = `- id: en-test-lesson
  title: "A test lesson"
  category: scripted
  principle: 2
  customer: "My parcel is late."
  scripted: "We apologise for any inconvenience."
  human: "Sorry, I've found it: it arrives tomorrow before noon. ^JD"
  point: "Say what happens next."
`;

  test('the real lessons build, and a good extra lesson is accepted', () => {
    const { status, output } = buildWith(append('en.yaml', GOOD));
    expect(output).toMatch(/lessons en: \d+/);
    expect(status).toBe(0);
  });

  test.each([
    ['an unknown key', 'en.yaml', GOOD.replace('principle: 2', 'principle: 2\n  colour: red'), /en\.yaml: lesson en-test-lesson: .*colour/],
    ['an empty text', 'en.yaml', GOOD.replace('"My parcel is late."', '"  "'), /en\.yaml: lesson en-test-lesson: customer: must not be empty/],
    ['a missing text', 'en.yaml', GOOD.replace(/  human: .*\n/, ''), /en\.yaml: lesson en-test-lesson: human/],
    ['a bad category', 'en.yaml', GOOD.replace('category: scripted', 'category: rude'), /en\.yaml: lesson en-test-lesson: category: must be one of/],
    ['a principle outside 1-6', 'en.yaml', GOOD.replace('principle: 2', 'principle: 7'), /en\.yaml: lesson en-test-lesson: principle: must be a whole number from 1 to 6/],
    ['a bad id', 'en.yaml', GOOD.replace('en-test-lesson', 'en_Test'), /en\.yaml: lesson en_Test: id: must be lowercase/],
    ['an id in the wrong language', 'nl.yaml', GOOD, /nl\.yaml: lesson en-test-lesson: id must start with "nl-"/],
    ['an empty discussion list', 'en.yaml', GOOD + '  discussion: []\n', /en\.yaml: lesson en-test-lesson: discussion: must not be an empty list/],
  ])('fails on %s, naming the file and the lesson', (_name, file, yaml, message) => {
    const { status, output } = buildWith(append(file, yaml));
    expect(status).not.toBe(0);
    expect(output).toMatch(message);
  });

  test('fails on an id used twice, across the two files', () => {
    const id = lessons.find((l) => l.lang === 'en')!.id;
    const { status, output } = buildWith(append('nl.yaml', GOOD.replace('en-test-lesson', id)));
    expect(status).not.toBe(0);
    expect(output).toMatch(new RegExp(`nl\\.yaml: lesson ${id}: id is also used in .*en\\.yaml`));
  });

  test('fails on YAML that does not parse, and on a missing file', () => {
    const broken = buildWith(append('en.yaml', '- id: [unclosed'));
    expect(broken.status).not.toBe(0);
    expect(broken.output).toMatch(/en\.yaml: /);
    const missing = buildWith((dir) => rmSync(join(dir, 'nl.yaml')));
    expect(missing.status).not.toBe(0);
    expect(missing.output).toMatch(/nl\.yaml: missing/);
  });
});
