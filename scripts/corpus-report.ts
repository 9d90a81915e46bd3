/**
 * How the engine does on the labelled corpus (test/corpus/*.yaml).
 *   npx tsx scripts/corpus-report.ts [--lang en|nl] [--split dev|holdout|all] [--misses]
 * "Right side": human replies get verdict human; replies that need coaching get mixed or scripted.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { analyze, type Lang } from '../src/engine/index.js';

interface Item { id: string; split: string; label: 'human' | 'coach'; categories: string[]; text: string; context?: string; author?: string; trap?: string }

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : dflt;
};
const langs = opt('lang', 'en,nl').split(',') as Lang[];
const split = opt('split', 'dev');
const showMisses = args.includes('--misses');

for (const lang of langs) {
  const items = (parse(readFileSync(new URL(`../test/corpus/${lang}.yaml`, import.meta.url), 'utf8')) as Item[]).filter(
    (i) => split === 'all' || i.split === split,
  );
  let right = 0;
  let humanN = 0;
  let humanWrong = 0;
  const misses: string[] = [];
  const catHit: Record<string, [number, number]> = {};
  for (const it of items) {
    const r = analyze(it.text, { context: it.context, author: it.author });
    const saysHuman = r.verdict === 'human';
    const ok = saysHuman === (it.label === 'human');
    if (ok) right++;
    if (it.label === 'human') {
      humanN++;
      if (!saysHuman) humanWrong++;
    } else {
      const found = new Set(r.flags.map((f) => f.category));
      for (const c of it.categories) {
        catHit[c] ??= [0, 0];
        catHit[c]![1]++;
        if (found.has(c as never)) catHit[c]![0]++;
      }
    }
    if (!ok || (showMisses && it.label === 'human' && r.flags.length > 0)) {
      misses.push(
        `${ok ? '  (flags on human)' : 'MISS'} ${it.id} [${it.label}${it.label === 'coach' ? ': ' + it.categories.join(',') : ''}] ${r.lang} ${r.score} ${r.verdict}\n` +
          `    ${JSON.stringify(it.text)}${it.context ? `\n    context: ${JSON.stringify(it.context)}` : ''}\n` +
          r.flags.map((f) => `    - ${f.rule} ${f.severity} ${JSON.stringify(f.text)}`).join('\n') +
          (r.cues.length ? `\n    + ${r.cues.map((c) => c.cue).join(', ')}` : ''),
      );
    }
  }
  console.log(
    `${lang} ${split}: ${items.length} replies, right side ${((100 * right) / items.length).toFixed(1)} %, ` +
      `human replies flagged as not human ${humanWrong}/${humanN} (${((100 * humanWrong) / Math.max(1, humanN)).toFixed(1)} %)`,
  );
  console.log('  category recall on coach replies: ' + Object.entries(catHit).map(([c, [h, n]]) => `${c} ${h}/${n}`).join(', '));
  if (showMisses) console.log(misses.join('\n'));
}
