/**
 * A guide file's problems in the person's language: the same problems, with the same places, said in
 * English or in Dutch from the message catalogue (part guideFile, and part pattern for patterns).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compilePattern, PatternError, patternProblem } from '../../src/engine/pattern.js';
import { checkRule, formatIssue, readGuideText, SCHEMA_MESSAGES } from '../../src/shared/guide.js';
import * as guideFile from '../../src/i18n/guideFile.generated.js';
import { RULE as rule } from './rule-fixture.js';

const both = (text: string) => {
  const res = readGuideText(text);
  if (res.ok) throw new Error('expected problems');
  return { en: res.issues.map((i) => formatIssue(i)), nl: res.issues.map((i) => formatIssue(i, 'nl')) };
};

describe('problems in a guide file, in English and Dutch', () => {
  test('a syntax error', () => {
    const { en, nl } = both('{\n  "name": "Acme",\n  "rules": [\n}');
    expect(en).toEqual(['line 4, column 1: not valid JSON: expected a value, found "}"']);
    expect(nl).toEqual(['regel 4, kolom 1: geen geldige JSON: verwachtte een waarde, vond "}"']);
    expect(both('{"name": "Acme", "rules": [').nl[0]).toMatch(/vond het einde van het bestand$/);
  });

  test('fields: unknown, missing, wrong type, wrong choice, too long, too many', () => {
    const text = JSON.stringify(
      { name: 'x'.repeat(101), rules: [{ ...rule, severity: 'loud', colour: 'red', why: undefined, soft: 'yes' }], templates: [{ name: '', text: 'Hi' }] },
      null,
      2,
    );
    const { en, nl } = both(text);
    expect(en).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^line 2: name: must be at most 100 characters$/),
        expect.stringMatching(/rules › #1 › severity: must be one of "hint", "warning", "problem", not "loud"$/),
        expect.stringMatching(/rules › #1 › colour: unknown field "colour" \(check its spelling, or leave it out\)$/),
        expect.stringMatching(/rules › #1 › why: is missing$/),
        expect.stringMatching(/rules › #1 › soft: must be true or false, not "yes"$/),
        expect.stringMatching(/templates › #1 › name: must not be empty$/),
      ]),
    );
    expect(nl).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^regel 2: name: mag hoogstens 100 tekens lang zijn$/),
        expect.stringMatching(/rules › #1 › severity: moet een van "hint", "warning", "problem" zijn, niet "loud"$/),
        expect.stringMatching(/rules › #1 › colour: onbekend veld "colour"/),
        expect.stringMatching(/rules › #1 › why: ontbreekt$/),
        expect.stringMatching(/rules › #1 › soft: moet true of false zijn, niet "yes"$/),
        expect.stringMatching(/templates › #1 › name: mag niet leeg zijn$/),
      ]),
    );
    expect(nl).toHaveLength(en.length);
  });

  test("a rule's own problems: its id, a pattern that does not compile, examples", () => {
    const res = checkRule({ ...rule, id: 'process.acme-x', patterns: ['valued (customer', 'we ab*'], examples: { match: ['Hello'] } });
    if (res.ok) throw new Error('expected problems');
    expect(res.issues.map((i) => formatIssue(i, 'nl'))).toEqual([
      'id: moet beginnen met zijn categorie: scripted.…',
      'patterns › #1: patroon "valued (customer": ")" ontbreekt',
      'patterns › #2: patroon "we ab*": joker "ab*" heeft minstens drie letters nodig',
    ]);
    expect(res.issues.map((i) => formatIssue(i))[1]).toBe('patterns › #1: pattern "valued (customer": missing ")"');
    const examples = checkRule({ ...rule, examples: { match: ['Hello there'], pass: ['a valued customer'] } });
    if (examples.ok) throw new Error('expected problems');
    expect(examples.issues.map((i) => formatIssue(i, 'nl'))).toEqual([
      'examples › match › #1: "Hello there" moet door deze regel gemarkeerd worden, en wordt het niet',
      'examples › pass › #1: "a valued customer" mag niet door deze regel gemarkeerd worden, en wordt het wel',
    ]);
  });

  test('every message the rule schema can give has its words in the catalogue', () => {
    const schema = readFileSync(new URL('../../src/engine/schema.ts', import.meta.url), 'utf8');
    // Every message the schema writes starts with one of these verbs.
    const own = [...schema.matchAll(/'((?:must|needs|has|may) [^']+)'/g)].map((m) => m[1]!);
    expect(own.length).toBeGreaterThan(8);
    const guideOnly = own.filter((m) => !m.includes('feature') && !m.includes('lesson'));
    for (const m of guideOnly) {
      expect(SCHEMA_MESSAGES[m], m).toBeDefined();
      expect(guideFile.en[SCHEMA_MESSAGES[m]!], m).toBe(m);
    }
  });

  test('pattern problems keep their English for the rule compiler, and say it in Dutch too', () => {
    let err: unknown;
    try {
      compilePattern('{nope} hello');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PatternError);
    expect((err as Error).message).toBe('pattern "{nope} hello": unknown macro {nope}');
    expect(patternProblem((err as PatternError).problem, (err as PatternError).vars, 'nl')).toBe('onbekende macro {nope}');
  });
});
