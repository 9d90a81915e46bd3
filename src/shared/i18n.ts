/**
 * Interface strings in English and Dutch, following the person's choice or the browser's language.
 * Every string a person sees is in one catalogue, messages/catalogue.yaml; scripts/build-messages.ts
 * compiles each of its parts into src/i18n/<part>.generated.ts, so a bundle carries only the parts it
 * shows. This module holds the coach's part (panel, popup, selection check) and the one translator
 * every surface uses.
 */
import { CATEGORY_NAMES } from '../engine/categories.generated.js';
import { CATEGORIES, type Category, type Severity } from '../engine/types.js';
import { en, nl } from '../i18n/coach.generated.js';
import * as severityNames from '../i18n/severity.generated.js';

export { en, nl };

/** Category names come from rules/categories.yaml (the one place they are written); severities are named here. */
export type TermKey = `cat_${Category}` | `sev_${Severity}`;
export type Key = keyof typeof en | TermKey;


export type UiLang = 'en' | 'nl';

export function uiLangFrom(tag: string | undefined): UiLang {
  return tag && /^nl\b|^nl-|^nl_/i.test(tag) ? 'nl' : 'en';
}

/** The interface language: the person's choice in the settings, else the browser's language. */
export function interfaceLang(choice: 'auto' | UiLang | undefined, browserTag: string | undefined): UiLang {
  return choice === 'en' || choice === 'nl' ? choice : uiLangFrom(browserTag);
}

const SEVERITY_NAMES: Record<UiLang, Record<Severity, string>> = severityNames;

/** The names of categories (`cat_*`) and severities (`sev_*`), for every table that shows flags. */
export function termsFor(lang: UiLang): Record<TermKey, string> {
  const terms = {} as Record<TermKey, string>;
  for (const c of CATEGORIES) terms[`cat_${c}`] = CATEGORY_NAMES[c][lang];
  for (const [sev, name] of Object.entries(SEVERITY_NAMES[lang]) as [Severity, string][]) terms[`sev_${sev}`] = name;
  return terms;
}

/** A lookup into string tables with {placeholders}; the extension, the studio and the report use it. */
export function makeTranslator<K extends string>(table: Readonly<Record<K, string>>) {
  return (key: K, vars?: Record<string, string | number>): string => {
    let s = table[key];
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
    return s;
  };
}

export function translator(lang: UiLang) {
  return makeTranslator<Key>({ ...(lang === 'nl' ? nl : en), ...termsFor(lang) });
}

export type T = ReturnType<typeof translator>;
