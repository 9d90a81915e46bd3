/** Every rule's own examples: the "match" ones are flagged by it, the "pass" ones are not. */
import { describe, expect, test } from 'vitest';
import { analyze, applySuggestion, ruleList, type Example, type Lang, type RuleSource } from '../../src/engine/index.js';
import allExamples from '../../src/engine/rules.examples.generated.js';

const asCase = (e: Example) => (typeof e === 'string' ? { text: e } : e);

for (const lang of ['en', 'nl'] as Lang[]) {
  const rules = ruleList(lang).map((r) => ({ ...r, examples: allExamples[lang][r.id]! }));
  const allIds = rules.map((r) => r.id);
  const only = (rule: RuleSource) => allIds.filter((id) => id !== rule.id);

  describe(`${lang} rules`, () => {
    test.each(rules.flatMap((r) => r.examples!.match.map((e) => [r.id, asCase(e), r] as const)))('%s flags %j', (_id, ex, rule) => {
      const res = analyze(ex.text, { lang, context: ex.context, author: ex.author, address: ex.address, disabledRules: only(rule) });
      const flags = res.flags.filter((f) => f.rule === rule.id);
      expect(flags.length, `no ${rule.id} flag in: ${ex.text}`).toBeGreaterThan(0);
      for (const f of flags) {
        expect(ex.text.slice(f.start, f.end)).toBe(f.text);
        expect(f.suggestions.length, `${rule.id} offers no suggestion`).toBeGreaterThan(0);
      }
    });

    test.each(rules.flatMap((r) => r.examples!.pass.map((e) => [r.id, asCase(e), r] as const)))('%s does not flag %j', (_id, ex, rule) => {
      const res = analyze(ex.text, { lang, context: ex.context, author: ex.author, address: ex.address, disabledRules: only(rule) });
      expect(res.flags.filter((f) => f.rule === rule.id).map((f) => f.text)).toEqual([]);
    });

    test.each(rules.flatMap((r) => r.examples!.match.map((e) => [r.id, asCase(e), r] as const)))(
      '%s: every suggestion applies cleanly to %j',
      (_id, ex, rule) => {
        const res = analyze(ex.text, { lang, context: ex.context, author: ex.author, address: ex.address, disabledRules: only(rule) });
        for (const f of res.flags) {
          f.suggestions.forEach((s, i) => {
            const out = applySuggestion(ex.text, f, i);
            const where = `${rule.id}: "${ex.text}" with "${s}" gave "${out}"`;
            expect(out, where).not.toMatch(/\{[a-zA-Z]+\}/);
            expect(out, where).not.toMatch(/ {2,}/.test(ex.text) ? /$^/ : / {2,}/);
            expect(out, where).not.toMatch(/ [,.;:!?](?!\S)/);
            expect(out, where).not.toMatch(/[,;:]\s*[,.;:]|\.\.(?!\.)|,\./);
            expect(out.startsWith(' '), where).toBe(false);
            if (/^\p{Lu}/u.test(ex.text) && /^\p{L}/u.test(out)) expect(out, where).toMatch(/^\p{Lu}/u);
            // Nothing before the flagged sentence changes.
            const safe = Math.max(0, ex.text.lastIndexOf(' ', f.start - 2));
            expect(out.slice(0, safe), where).toBe(ex.text.slice(0, safe));
          });
        }
      },
    );
  });

  describe(`${lang} cues`, () => {
    const cues = Object.entries(allExamples[lang]).filter(([id]) => id.startsWith('cue:'));
    test.each(cues.flatMap(([id, ex]) => ex.match.map((e) => [id.slice(4), asCase(e)] as const)))('%s is found in %j', (id, ex) => {
      const r = analyze(ex.text, { lang, context: ex.context, author: ex.author });
      expect(r.cues.map((c) => c.cue)).toContain(id);
    });
    test.each(cues.flatMap(([id, ex]) => ex.pass.map((e) => [id.slice(4), asCase(e)] as const)))('%s is not found in %j', (id, ex) => {
      const r = analyze(ex.text, { lang, context: ex.context, author: ex.author });
      expect(r.cues.map((c) => c.cue)).not.toContain(id);
    });
  });
}
