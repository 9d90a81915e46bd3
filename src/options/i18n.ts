/** The settings page's words: part `options` of messages/catalogue.yaml (kept out of the content script's bundle). */
import { en, nl } from '../i18n/options.generated.js';
import { makeTranslator, termsFor, type TermKey } from '../shared/i18n.js';

export { en, nl };
export type OptionsKey = keyof typeof en | TermKey;
export function optionsTranslator(lang: 'en' | 'nl') {
  return makeTranslator<OptionsKey>({ ...(lang === 'nl' ? nl : en), ...termsFor(lang) });
}
export type OptionsT = ReturnType<typeof optionsTranslator>;
