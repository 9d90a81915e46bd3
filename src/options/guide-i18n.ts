/** The team guide section's words (src/options/Guide.tsx): part `guide` of messages/catalogue.yaml. */
import { en, nl } from '../i18n/guide.generated.js';
import { makeTranslator } from '../shared/i18n.js';

export { en, nl };
export type GuideKey = keyof typeof en;
export function guideTranslator(lang: 'en' | 'nl') {
  return makeTranslator<GuideKey>(lang === 'nl' ? nl : en);
}
