/**
 * The engine on real brand replies, labelled by hand with ../shared/notes/judgement.md
 * (../shared/data, read at run time; never copied here). A floor a little under what the engine
 * reaches keeps the figures from falling back; `npm run eval` prints them all. The check part of
 * each set is never tuned on; the floors hold for it too.
 * Without ../shared the test says so and skips: the repository alone must pass its tests.
 */
import { describe, expect, test } from 'vitest';
import { dataAvailable, loadLabelled, type Label } from '../../scripts/eval/data.js';
import { scoreAll } from '../../scripts/eval/score.js';

const available = dataAvailable();
if (!available) console.warn('realdata.test: ../shared/data is missing; the real-reply floors are skipped');

/** Floors, per language, split and label: F1 a few points under what `npm run eval` measured. */
const FLOORS: Record<'en' | 'nl', Record<'tune' | 'check', Partial<Record<Label, number>>>> = {
  en: {
    tune: { needs_coaching: 0.76, process: 0.81, scripted: 0.8, anonymous: 0.92, unempathetic: 0.59 },
    check: { needs_coaching: 0.72, process: 0.82, scripted: 0.74, anonymous: 0.86, unempathetic: 0.6 },
  },
  nl: {
    tune: { needs_coaching: 0.75, process: 0.86, scripted: 0.84, anonymous: 0.88, unempathetic: 0.6 },
    check: { needs_coaching: 0.63, process: 0.88, scripted: 0.79, anonymous: 0.83, unempathetic: 0.56 },
  },
};

describe.skipIf(!available).each(['en', 'nl'] as const)('%s real replies', (lang) => {
  const all = available ? loadLabelled(lang) : [];
  test.each(['tune', 'check'] as const)('%s part: F1 at or above the floors', (split) => {
    const items = all.filter((i) => i.split === split);
    expect(items.length).toBeGreaterThan(100);
    const { byLabel } = scoreAll(items);
    for (const [label, floor] of Object.entries(FLOORS[lang][split]) as [Label, number][]) {
      expect(byLabel[label].f1, `${lang} ${split} ${label}: F1 ${byLabel[label].f1.toFixed(3)} under ${floor}`).toBeGreaterThanOrEqual(floor);
    }
  });
  test('the split is fixed by id: about a third of the replies are kept for checking', () => {
    const check = all.filter((i) => i.split === 'check').length;
    expect(check / all.length).toBeGreaterThan(0.25);
    expect(check / all.length).toBeLessThan(0.42);
  });
});
