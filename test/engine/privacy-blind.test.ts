/**
 * A privacy case set written by someone who never saw the detector (test/engine/privacy-blind.jsonl).
 * Measured once, before any tuning on it: any-privacy precision 0.99, recall 0.97; English phone
 * 0.86 / 0.86 and postcode recall 0.83 were under the product's goal (0.95 / 0.90), Dutch all 1.00.
 * Its three misses were then fixed (a dotted US number after "text you at", a company's own line
 * named as such, a US ZIP after the town), so since then this set is no longer blind: 1.00 on it
 * says little, and the floors below keep it from falling back. A fresh blind set is the measure.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/engine/index.js';

interface Case { id: string; lang: 'en' | 'nl'; text: string; kinds: string[] }
const cases = readFileSync(new URL('./privacy-blind.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Case);

describe('privacy guard on a blind case set', () => {
  test('any personal data is found (recall >= 0.94) and ordinary numbers are left alone (precision >= 0.95), in both languages', () => {
    for (const lang of ['en', 'nl'] as const) {
      let tp = 0, fp = 0, fn = 0;
      const wrong: string[] = [];
      for (const c of cases.filter((x) => x.lang === lang)) {
        const flagged = analyze(c.text, { lang }).flags.some((f) => f.category === 'privacy');
        const has = c.kinds.length > 0;
        if (flagged && has) tp++;
        else if (flagged) (fp++, wrong.push(`false alarm ${c.id}`));
        else if (has) (fn++, wrong.push(`missed ${c.id}`));
      }
      expect(tp / (tp + fp), `${lang}: ${wrong.join(', ')}`).toBeGreaterThanOrEqual(0.95);
      expect(tp / (tp + fn), `${lang}: ${wrong.join(', ')}`).toBeGreaterThanOrEqual(0.94);
    }
    expect(cases.length).toBeGreaterThanOrEqual(140);
  });
});
