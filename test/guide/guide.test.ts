/** The team guide format: schema, line-numbered errors, id clashes, examples, site rules, and its rules in analyze. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/engine/index.js';
import { checkGuide, checkRule, formatIssue, guideRules, guideToJson, mergeGuideSites, readGuideText, type Guide } from '../../src/shared/guide.js';
import { parseJsonWithLines, JsonSyntaxError } from '../../src/shared/json-lines.js';
import { RULE as rule } from './rule-fixture.js';

const root = new URL('../../', import.meta.url);
export const EXAMPLE = readFileSync(new URL('docs/examples/team-guide.json', root), 'utf8');


const guideText = (rules: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ name: 'Acme', rules, ...extra }, null, 2);

describe('reading JSON with lines', () => {
  test('each value has the line of its key or its start; a syntax error names line and column', () => {
    const text = '{\n  "a": 1,\n  "b": [\n    {"c": true},\n    {\n      "d": "x"\n    }\n  ]\n}';
    const located = parseJsonWithLines(text);
    expect(located.value).toEqual(JSON.parse(text));
    expect(located.lineOf(['a'])).toBe(2);
    expect(located.lineOf(['b', 0, 'c'])).toBe(4);
    expect(located.lineOf(['b', 1])).toBe(5);
    expect(located.lineOf(['b', 1, 'd'])).toBe(6);
    // A missing key: the nearest parent that exists.
    expect(located.lineOf(['b', 1, 'missing'])).toBe(5);
    expect(() => parseJsonWithLines('{\n  "a": 1,\n}')).toThrow(JsonSyntaxError);
    try {
      parseJsonWithLines('{\n  "a": 1,\n}');
    } catch (e) {
      expect([(e as JsonSyntaxError).line, (e as JsonSyntaxError).column]).toEqual([3, 1]);
    }
    for (const bad of ['', '{', '[1 2]', '{"a" 1}', '"\n"', 'tru', '{} x', "{'a': 1}", '[01]']) expect(() => parseJsonWithLines(bad), bad).toThrow(JsonSyntaxError);
    for (const good of ['1', '"\\u00e9\\n"', '[]', '{"__proto__": 1}', '-0.5e3', '\ufeff{"a":null}']) expect(parseJsonWithLines(good).value).toEqual(JSON.parse(good.replace('\ufeff', '')));
  });
});

describe('a guide file', () => {
  test('the example guide is good, and its rules flag in English and Dutch', () => {
    const res = readGuideText(EXAMPLE);
    expect(res.ok, res.ok ? '' : res.issues.map((i) => formatIssue(i)).join('\n')).toBe(true);
    if (!res.ok) return;
    const extraRules = guideRules(res.guide);
    const en = analyze('We are sorry your journey experience was not as expected.', { extraRules });
    expect(en.flags.map((f) => f.rule)).toContain('scripted.northwind-journey-experience');
    const nl = analyze('Het spijt ons dat uw reisbeleving niet naar wens was.', { extraRules });
    expect(nl.flags.map((f) => f.rule)).toContain('scripted.northwind-reisbeleving');
    // Its text can be exported and read back unchanged.
    const again = readGuideText(guideToJson(res.guide));
    expect(again.ok && again.guide).toEqual(res.guide);
  });

  test('a broken file gets one message per wrong field, each with its line', () => {
    const text = `{
  "name": "Acme",
  "rules": [
    {
      "id": "scripted.acme-valued",
      "lang": "en",
      "category": "scripted",
      "severity": "urgent",
      "patterns": ["valued customer"],
      "message": "m",
      "why": "w",
      "suggestions": ["customer"],
      "colour": "red"
    },
    {
      "id": "formal.acme-dear",
      "lang": "fr",
      "category": "formal",
      "severity": "hint",
      "patterns": ["(dear|"],
      "message": "m",
      "why": "w"
    }
  ],
  "sites": { "console.acme.example": { "closest": ".c", "text": ".t" } }
}`;
    const res = readGuideText(text);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const lines = res.issues.map((i) => formatIssue(i));
    expect(lines).toEqual([
      expect.stringMatching(/^line 8: rules › #1 › severity: .*"urgent"/),
      expect.stringMatching(/^line 13: rules › #1 › colour: /),
      expect.stringMatching(/^line 15: rules › #2 › suggestions: /),
      expect.stringMatching(/^line 17: rules › #2 › lang: .*"fr"/),
      expect.stringMatching(/^line 25: sites › console\.acme\.example: .*origin/),
    ]);
  });

  test('a JSON syntax error names its line and column', () => {
    const res = readGuideText('{\n  "name": "Acme",\n  "rules": [\n    { "id": "x" },\n  ]\n}');
    expect(!res.ok && res.issues.map((i) => formatIssue(i))).toEqual(['line 5, column 3: not valid JSON: expected a value, found "]"']);
  });

  test('ids: a built-in rule id, an id without its category, and the same id twice are refused', () => {
    const res = readGuideText(guideText([{ ...rule, id: 'scripted.inconvenience' }, { ...rule, id: 'formal.acme-valued' }, rule, rule]));
    expect(!res.ok && res.issues.map((i) => formatIssue(i))).toEqual([
      expect.stringMatching(/rules › #1 › id: scripted\.inconvenience is a built-in rule/),
      expect.stringMatching(/rules › #2 › id: must start with its category: scripted\./),
      expect.stringMatching(/rules › #4 › id: scripted\.acme-valued is also the id of rule #3/),
    ]);
  });

  test('examples are optional; when given, a match example must be flagged and a pass example must not', () => {
    expect(checkGuide({ name: 'Acme', rules: [rule] }).ok).toBe(true);
    const res = readGuideText(guideText([{ ...rule, examples: { match: ['Thanks for being a valued member!', 'Hi there'], pass: ['Dear valued customer'] } }]));
    expect(!res.ok && res.issues.map((i) => formatIssue(i))).toEqual([
      expect.stringMatching(/rules › #1 › examples › match › #2: "Hi there" must be flagged/),
      expect.stringMatching(/rules › #1 › examples › pass › #1: "Dear valued customer" must not be flagged/),
    ]);
    // A rule that a built-in rule overlaps is still checked on its own words.
    expect(checkRule({ ...rule, examples: { match: ['Dear valued customer, your order is late.'] } }).ok).toBe(true);
  });

  test('patterns must compile and have a word to look for', () => {
    const res = checkRule({ ...rule, patterns: ['valued (customer', '[dear]'] });
    expect(!res.ok && res.issues.map((i) => formatIssue(i))).toEqual([expect.stringMatching(/^patterns › #1: pattern "valued \(customer"/), expect.stringMatching(/^patterns › #2: /)]);
  });

  test('whole-reply checks are not guide rules; unknown keys are refused', () => {
    const res = checkGuide({ name: 'Acme', rules: [{ ...rule, patterns: undefined, check: 'unsigned' }], owner: 'me' });
    expect(!res.ok && res.issues.map((i) => formatIssue(i))).toEqual(expect.arrayContaining([expect.stringMatching(/owner/), expect.stringMatching(/rules › #1 › (check|patterns)/)]));
  });
});

describe('guide site rules', () => {
  const g = (sites: Guide['sites']): Guide => ({ name: 'Acme', rules: [], sites });
  const r = { closest: '.c', text: '.t' };
  test("come in from the guide; the person's picked rule for the same origin stays; a new guide replaces the old one's", () => {
    const current = {
      'https://a.example': { rule: { closest: '.mine', text: '.t' }, from: 'picked' as const },
      'https://old.example': { rule: r, from: 'guide' as const, guide: 'Old' },
    };
    const { sites, keptPicked } = mergeGuideSites(current, g({ 'https://a.example': r, 'https://b.example': r }));
    expect(keptPicked).toEqual(['https://a.example']);
    expect(sites).toEqual({
      'https://a.example': current['https://a.example'],
      'https://b.example': { rule: r, from: 'guide', guide: 'Acme' },
    });
    expect(mergeGuideSites(sites, null).sites).toEqual({ 'https://a.example': current['https://a.example'] });
  });
});
