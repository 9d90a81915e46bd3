/** The studio's own words: part `studio` of messages/catalogue.yaml. */
import { en, nl } from '../i18n/studio.generated.js';
import { makeTranslator } from '../shared/i18n.js';

export { en, nl };
export type StudioLang = 'en' | 'nl';
export type StudioKey = keyof typeof en;

export function studioT(lang: StudioLang) {
  return makeTranslator<StudioKey>(lang === 'nl' ? nl : en);
}

export type ST = ReturnType<typeof studioT>;
