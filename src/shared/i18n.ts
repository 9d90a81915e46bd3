/** Interface strings in English and Dutch, following the browser's language. */
import { CATEGORY_NAMES } from '../engine/categories.generated.js';
import { CATEGORIES, type Category, type Severity } from '../engine/types.js';

export const en = {
  coachName: 'Human Tone',
  badgeLabel: 'Human Tone: {verdict}, score {score}. Open the coach.',
  verdict_human: 'Sounds human',
  verdict_mixed: 'Partly scripted',
  verdict_scripted: 'Sounds scripted',
  verdict_unknown: 'Not coached (language)',
  verdict_pending: 'Reading…',
  verdict_empty: 'Waiting for your reply',
  verdict_tooLong: 'Too long to coach: over 100,000 characters',
  verdict_failed: 'Could not coach this reply',
  badgeNote: 'Human Tone: {verdict}. Open the coach.',
  failedDetail: 'The check did not run this time. Your text is unchanged.',
  tooLongDetail: 'Human Tone reads replies up to 100,000 characters. Shorten the text and coaching starts again.',
  retry: 'Try again',
  popupError: 'Something went wrong, and nothing was changed. Close this and try again.',
  panelTitle: 'Tone coach',
  close: 'Close',
  score: 'Score',
  noFlags: 'Nothing to coach here. Nice.',
  why: 'Why',
  use: 'Use',
  useLabel: 'Use: {text}',
  remove: 'Remove it',
  removeLabel: 'Remove “{text}”',
  ignoreHere: 'Ignore here',
  ruleOff: 'Turn this rule off',
  ruleOffDone: 'Rule turned off. You can turn it back on in the popup.',
  inFavour: 'In its favour',
  leftOut: 'What it left out',
  answering: 'Message you are answering',
  answeringFound: 'found on the page',
  answeringPicked: 'set by you',
  answeringNone: 'Not known here. Paste it, and the coach checks whether your reply answers it.',
  answeringAdd: 'Add the message',
  answeringEdit: 'Edit',
  answeringClear: 'Clear',
  answeringSave: 'Use this message',
  answeringCancel: 'Cancel',
  answeringTaught: 'found with the rule taught for this site',
  taughtMissing: "The rule taught for this site found no message here. Point at the customer's message again, or paste it.",
  pickStart: "Point at the customer's message",
  pickHelp: "Click the customer's message (Esc cancels). Keyboard: ↑ ↓ to move, ← wider, → narrower, Enter to choose.",
  pickOutlined: 'Outlined: “{text}”',
  pickCancel: 'Cancel',
  pickCancelled: 'Pointing cancelled; nothing was saved.',
  pickSaved: "Saved for this site: the coach now finds the customer's message here by itself, also after a reload.",
  pickFailed_box: "That is the reply box. Point at the customer's message instead; nothing was saved.",
  pickFailed_empty: "That part holds no text. Point at the message's text; nothing was saved.",
  pickFailed_elsewhere: "That is not on this reply's page; nothing was saved.",
  pickFailed_unstable: 'This page gives no stable way to find that message again, so nothing was saved. Paste the message instead.',
  pickFailed_save: 'The rule could not be saved; nothing changed.',
  selectionTitle: 'Tone of the selected text',
  chooseLabel: 'Choose: {text}',
  copyChosen: 'Copy the text with the chosen suggestions',
  copied: 'Copied.',
  copyFailed: 'Could not copy: select the text and copy it yourself.',
  applyFailed: 'This editor did not accept the change; your text is unchanged. You can copy the suggestion instead.',
  copy: 'Copy',
  checkTitle: 'Before you post',
  checkIntro: 'This reply may come across as a script:',
  checkIntroPrivacy: 'This public reply holds personal data, which belongs in a private message:',
  review: 'Review',
  postAnyway: 'Post anyway',
  popupThisSite: 'Coach on this site',
  popupUnsupported: 'Not a supported site. Turn coaching on here and Human Tone will ask for permission to read this site.',
  popupNoPage: 'Open a page with a reply box to coach it.',
  popupReply: 'The reply you are writing',
  popupNoReply: 'No reply being written here yet.',
  popupPrePost: 'Check before posting',
  prePost_off: 'Never',
  prePost_scripted: 'When it sounds scripted',
  prePost_mixed: 'When it is partly scripted or worse',
  popupSignature: 'Your sign-off (name or initials)',
  locked: 'Set by your organisation',
  lockedBy: 'Set by your organisation: {who}',
  popupDisabledRules: 'Rules turned off',
  popupTurnOn: 'Turn on',
  popupStudio: 'Open the studio',
  popupSettings: 'Settings',
  popupLocal: 'Everything stays on this device.',
  repeatsWeekOne: 'You have sent almost this reply once before this week.',
  repeatsWeek: 'You have sent almost this reply {count} times this week.',
  repeatsMonth: 'You have sent almost this reply {count} times in the last 30 days.',
  repeatsTemplate: '{percent} % the same as the template “{name}”.',
  repeatsHint: 'Make this one about this customer: their words, their question.',
  popupToday: 'Today: {count} replies posted, average score {score}.',
  popupTodayNone: 'No replies posted through the coach today.',
};

/** Category names come from rules/categories.yaml (the one place they are written); severities are named here. */
export type TermKey = `cat_${Category}` | `sev_${Severity}`;
export type Key = keyof typeof en | TermKey;

export const nl: Record<keyof typeof en, string> = {
  coachName: 'Human Tone',
  badgeLabel: 'Human Tone: {verdict}, score {score}. Open de coach.',
  verdict_human: 'Klinkt menselijk',
  verdict_mixed: 'Deels gescript',
  verdict_scripted: 'Klinkt gescript',
  verdict_unknown: 'Geen coaching (taal)',
  verdict_pending: 'Lezen…',
  verdict_empty: 'Wacht op je antwoord',
  verdict_tooLong: 'Te lang om te coachen: meer dan 100.000 tekens',
  verdict_failed: 'Coachen lukte niet',
  badgeNote: 'Human Tone: {verdict}. Open de coach.',
  failedDetail: 'De controle liep deze keer niet. Je tekst is niet veranderd.',
  tooLongDetail: 'Human Tone leest antwoorden tot 100.000 tekens. Maak de tekst korter en het coachen begint weer.',
  retry: 'Opnieuw proberen',
  popupError: 'Er ging iets mis en er is niets veranderd. Sluit dit en probeer het opnieuw.',
  panelTitle: 'Tooncoach',
  close: 'Sluiten',
  score: 'Score',
  noFlags: 'Niets op aan te merken. Mooi.',
  why: 'Waarom',
  use: 'Gebruik',
  useLabel: 'Gebruik: {text}',
  remove: 'Weghalen',
  removeLabel: '“{text}” weghalen',
  ignoreHere: 'Hier negeren',
  ruleOff: 'Deze regel uitzetten',
  ruleOffDone: 'Regel uitgezet. In de pop-up zet je hem weer aan.',
  inFavour: 'Pluspunten',
  leftOut: 'Wat het laat liggen',
  answering: 'Bericht waarop je antwoordt',
  answeringFound: 'gevonden op de pagina',
  answeringPicked: 'door jou ingesteld',
  answeringNone: 'Hier onbekend. Plak het, en de coach kijkt of je antwoord erop ingaat.',
  answeringAdd: 'Bericht toevoegen',
  answeringEdit: 'Bewerken',
  answeringClear: 'Wissen',
  answeringSave: 'Dit bericht gebruiken',
  answeringCancel: 'Annuleren',
  answeringTaught: 'gevonden met de aangeleerde regel voor deze site',
  taughtMissing: 'De aangeleerde regel voor deze site vond hier geen bericht. Wijs het bericht van de klant opnieuw aan, of plak het.',
  pickStart: 'Wijs het bericht van de klant aan',
  pickHelp: 'Klik op het bericht van de klant (Esc annuleert). Toetsenbord: ↑ ↓ verplaatsen, ← ruimer, → smaller, Enter kiest.',
  pickOutlined: 'Omlijnd: “{text}”',
  pickCancel: 'Annuleren',
  pickCancelled: 'Aanwijzen geannuleerd; er is niets bewaard.',
  pickSaved: 'Bewaard voor deze site: de coach vindt het bericht van de klant hier nu zelf, ook na opnieuw laden.',
  pickFailed_box: 'Dat is het antwoordvak. Wijs het bericht van de klant aan; er is niets bewaard.',
  pickFailed_empty: 'Daar staat geen tekst. Wijs de tekst van het bericht aan; er is niets bewaard.',
  pickFailed_elsewhere: 'Dat staat niet op de pagina van dit antwoord; er is niets bewaard.',
  pickFailed_unstable: 'Deze pagina biedt geen vaste manier om dat bericht terug te vinden, dus er is niets bewaard. Plak het bericht in plaats daarvan.',
  pickFailed_save: 'De regel kon niet worden bewaard; er is niets veranderd.',
  selectionTitle: 'Toon van de geselecteerde tekst',
  chooseLabel: 'Kies: {text}',
  copyChosen: 'Kopieer de tekst met de gekozen suggesties',
  copied: 'Gekopieerd.',
  copyFailed: 'Kopiëren lukte niet: selecteer de tekst en kopieer hem zelf.',
  applyFailed: 'Deze editor nam de wijziging niet aan; je tekst is ongewijzigd. Je kunt de suggestie ook kopiëren.',
  copy: 'Kopiëren',
  checkTitle: 'Voordat je plaatst',
  checkIntro: 'Dit antwoord kan overkomen als een script:',
  checkIntroPrivacy: 'Dit openbare antwoord bevat persoonsgegevens, en die horen in een privébericht:',
  review: 'Nakijken',
  postAnyway: 'Toch plaatsen',
  popupThisSite: 'Coaching op deze site',
  popupUnsupported: 'Geen ondersteunde site. Zet coaching hier aan en Human Tone vraagt toestemming om deze site te lezen.',
  popupNoPage: 'Open een pagina met een antwoordvak om te coachen.',
  popupReply: 'Het antwoord dat je schrijft',
  popupNoReply: 'Hier wordt nog geen antwoord geschreven.',
  popupPrePost: 'Controle voor het plaatsen',
  prePost_off: 'Nooit',
  prePost_scripted: 'Als het gescript klinkt',
  prePost_mixed: 'Als het deels gescript is of erger',
  popupSignature: 'Je ondertekening (naam of initialen)',
  locked: 'Ingesteld door je organisatie',
  lockedBy: 'Ingesteld door je organisatie: {who}',
  popupDisabledRules: 'Uitgezette regels',
  popupTurnOn: 'Aanzetten',
  popupStudio: 'Open de studio',
  popupSettings: 'Instellingen',
  popupLocal: 'Alles blijft op dit apparaat.',
  repeatsWeekOne: 'Je hebt deze week al één keer bijna dit antwoord verstuurd.',
  repeatsWeek: 'Je hebt deze week al {count} keer bijna dit antwoord verstuurd.',
  repeatsMonth: 'Je hebt de laatste 30 dagen {count} keer bijna dit antwoord verstuurd.',
  repeatsTemplate: 'Voor {percent} % hetzelfde als het sjabloon ‘{name}’.',
  repeatsHint: 'Maak dit antwoord van deze klant: hun woorden, hun vraag.',
  popupToday: 'Vandaag: {count} antwoorden geplaatst, gemiddelde score {score}.',
  popupTodayNone: 'Vandaag nog geen antwoorden via de coach geplaatst.',
};

export type UiLang = 'en' | 'nl';

export function uiLangFrom(tag: string | undefined): UiLang {
  return tag && /^nl\b|^nl-|^nl_/i.test(tag) ? 'nl' : 'en';
}

/** The interface language: the person's choice in the settings, else the browser's language. */
export function interfaceLang(choice: 'auto' | UiLang | undefined, browserTag: string | undefined): UiLang {
  return choice === 'en' || choice === 'nl' ? choice : uiLangFrom(browserTag);
}

const SEVERITY_NAMES: Record<UiLang, Record<Severity, string>> = {
  en: { hint: 'hint', warning: 'warning', problem: 'problem' },
  nl: { hint: 'tip', warning: 'let op', problem: 'probleem' },
};

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
