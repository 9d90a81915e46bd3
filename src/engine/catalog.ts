/** What the engine knows, for interfaces and documentation: categories and rules by language. */
import { CATEGORY_EXPLANATIONS, CATEGORY_NAMES } from './categories.generated.js';
import { DATA } from './packs.js';
import type { Category, Lang, RuleSource } from './types.js';

export const RULES_VERSION: string = (DATA as { version?: string }).version ?? '0';

export function categoryInfo(category: Category, lang: Lang): { name: string; explanation: string } {
  return { name: CATEGORY_NAMES[category][lang], explanation: CATEGORY_EXPLANATIONS[category][lang] };
}

export function ruleList(lang: Lang): readonly RuleSource[] {
  return DATA.packs[lang].rules;
}
