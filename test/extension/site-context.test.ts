/** Taught site rules as stored (storage.local `siteContext`): only valid entries are read, one by one, and never with text. */
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { ContextRuleSchema, readSiteContext, SiteContextEntrySchema } from '../../src/shared/site-context.js';

const RULE = { preceding: 'article[data-from="customer"]', text: 'p.wc-text' };

describe('stored taught rules', () => {
  test('a rule as the picker saves it, and one from a team guide, are read as they are', () => {
    const stored = {
      'https://console.webcare.test': { rule: RULE, from: 'picked' },
      'https://help.example.org:8443': { rule: { closest: '[role="article"]', text: '[dir="auto"]', author: 'h3' }, from: 'guide', guide: 'Acme Care guide' },
    };
    expect(readSiteContext(stored)).toEqual(stored);
  });

  test('an entry without "from" was set by the person', () => {
    expect(readSiteContext({ 'https://console.webcare.test': { rule: RULE } })).toEqual({ 'https://console.webcare.test': { rule: RULE, from: 'picked' } });
  });

  test('bad entries are dropped one by one; the good ones stay; nothing throws', () => {
    const good = { rule: RULE, from: 'picked' };
    const read = readSiteContext({
      'https://ok.example': good,
      'console.webcare.test': good, // not an origin
      'https://with.path.example/inbox': good,
      'javascript:alert(1)': good,
      'https://both.example': { rule: { ...RULE, closest: 'main' } }, // closest and preceding
      'https://neither.example': { rule: { text: 'p' } },
      'https://markup.example': { rule: { preceding: '<img src=x onerror=alert(1)>', text: 'p' } },
      'https://braces.example': { rule: { preceding: 'p { color: red }', text: 'p' } },
      'https://newline.example': { rule: { preceding: 'article\np', text: 'p' } },
      'https://long.example': { rule: { preceding: 'a'.repeat(301), text: 'p' } },
      'https://empty.example': { rule: { preceding: '   ', text: 'p' } },
      'https://from.example': { rule: RULE, from: 'someone' },
      'https://number.example': { rule: { preceding: 5, text: 'p' } },
      'https://guide-name.example': { rule: RULE, from: 'guide', guide: 'x'.repeat(101) },
    });
    expect(read).toEqual({ 'https://ok.example': good });
    for (const junk of [null, undefined, 'text', 42, [RULE]]) expect(readSiteContext(junk)).toEqual({});
  });

  test('a selector that does not parse is stored as it is (whether it parses is checked where it is used)', () => {
    // The rule applied to a page then finds nothing and says so (test/extension/picker-derive.test.ts).
    expect(v.safeParse(ContextRuleSchema, { preceding: 'article[data-from=', text: 'p' }).success).toBe(true);
  });

  test('only selectors: an entry has no field for a message', () => {
    const parsed = v.parse(SiteContextEntrySchema, { rule: { ...RULE, message: 'Where is my refund?' }, from: 'picked', text: 'Where is my refund?' });
    expect(JSON.stringify(parsed)).not.toContain('refund');
  });
});
