/**
 * The labelled corpus (test/corpus/*.yaml, written by the team): at least 95 % of replies land on the
 * right side (human or not), and at most 3 % of the good replies are called not human.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { analyze, CATEGORIES, type Lang } from '../../src/engine/index.js';

interface Item {
  id: string;
  split: 'dev' | 'holdout';
  label: 'human' | 'coach';
  categories: string[];
  text: string;
  context?: string;
  author?: string;
  trap?: string;
}

const load = (lang: Lang) => parse(readFileSync(new URL(`../corpus/${lang}.yaml`, import.meta.url), 'utf8')) as Item[];

describe.each(['en', 'nl'] as Lang[])('%s corpus', (lang) => {
  const items = load(lang);

  test('is well formed and large enough', () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const it of items) {
      expect(['human', 'coach']).toContain(it.label);
      expect(typeof it.text).toBe('string');
      if (it.label === 'coach') expect(it.categories.length).toBeGreaterThan(0);
      for (const c of it.categories) expect(CATEGORIES).toContain(c);
    }
    expect(items.filter((i) => i.trap).length).toBeGreaterThanOrEqual(40);
  });

  test('at least 95 % on the right side, at most 3 % of good replies called not human', () => {
    const wrong: string[] = [];
    let goodFlagged = 0;
    const good = items.filter((i) => i.label === 'human').length;
    for (const it of items) {
      const r = analyze(it.text, { context: it.context, author: it.author });
      const saysHuman = r.verdict === 'human';
      if (saysHuman !== (it.label === 'human')) {
        wrong.push(`${it.id} (${it.label}, got ${r.verdict} ${r.score}): ${r.flags.map((f) => f.rule).join(', ') || 'no flags'}`);
        if (it.label === 'human') goodFlagged++;
      }
    }
    const rightShare = 1 - wrong.length / items.length;
    const goodShare = goodFlagged / good;
    console.log(`${lang}: ${(100 * rightShare).toFixed(1)} % right side, ${(100 * goodShare).toFixed(1)} % of good replies called not human (${items.length} replies)`);
    expect(rightShare, wrong.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(goodShare, wrong.join('\n')).toBeLessThanOrEqual(0.03);
  });

  test('every reply that needs coaching gets at least one flag, and traps in good replies are left alone', () => {
    const unflagged = items.filter((i) => i.label === 'coach' && analyze(i.text, { context: i.context, author: i.author }).flags.length === 0);
    expect(unflagged.length / items.filter((i) => i.label === 'coach').length).toBeLessThanOrEqual(0.05);
    const traps = items.filter((i) => i.label === 'human' && i.trap);
    const nagged = traps.filter((i) => analyze(i.text, { context: i.context, author: i.author }).flags.some((f) => f.severity !== 'hint'));
    expect(nagged.map((i) => i.id)).toEqual([]);
  });
});
