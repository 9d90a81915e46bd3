/**
 * Personal data in a reply: phone numbers, e-mail addresses, IBANs (mod-97), payment cards (Luhn),
 * postcodes with what makes them an address (NL "1234 AB 12", BE "Meir 12, 2000 Antwerpen", UK
 * "SW1A 1AA"), street addresses, and order, booking and account references given with such a word.
 * Pure and fast: a reply without a digit or an "@" costs one test. Used by the `personal-*` checks.
 *
 * Public service lines (0800, 0900, 03xx, 1-800, ...) and role mailboxes (info@, support@,
 * klantenservice@, ...) are the company's public contact points, not personal data: they are left
 * to the process rules, which coach sending people to another channel.
 */

export type PersonalKind = 'phone' | 'email' | 'iban' | 'card' | 'postcode' | 'address' | 'reference';
export const PERSONAL_KINDS: readonly PersonalKind[] = ['phone', 'email', 'iban', 'card', 'postcode', 'address', 'reference'];

export interface PersonalItem {
  /** 'none' only inside the scan: a stretch that looked like data and is not (an IBAN with a bad checksum). */
  kind: PersonalKind | 'none';
  start: number;
  end: number;
  /** For references: the word that names it ("order", "klantnummer"); for IBANs and cards: the last four characters. */
  word?: string;
}

// ---------------------------------------------------------------------------------------------
// Checksums

/** ISO 13616 mod-97 check of an IBAN without spaces, upper case. */
export function ibanValid(iban: string): boolean {
  const len = IBAN_LENGTHS[iban.slice(0, 2)];
  if (len === undefined || iban.length !== len || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (let i = 0; i < moved.length; i++) {
    const c = moved.charCodeAt(i);
    if (c >= 65) rest = (rest * 100 + (c - 55)) % 97;
    else rest = (rest * 10 + (c - 48)) % 97;
  }
  return rest === 1;
}

/** Luhn check of a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** IBAN length per country (SEPA and neighbours). */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18, FR: 27,
  GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27,
  MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27, TR: 26,
};

/** Card numbers by their first digits: Visa, Mastercard, Amex, Discover, Maestro, JCB, Diners, UnionPay. */
function cardPrefix(d: string): boolean {
  const two = +d.slice(0, 2);
  const four = +d.slice(0, 4);
  if (d[0] === '4') return d.length === 13 || d.length === 16 || d.length === 19;
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return d.length === 16;
  if (two === 34 || two === 37) return d.length === 15;
  if (two === 36 || two === 30 || two === 38) return d.length === 14;
  if (two === 35 || two === 62 || two === 65 || d.startsWith('6011')) return d.length >= 16;
  if (two === 50 || (two >= 56 && two <= 69)) return d.length >= 12; // Maestro
  return false;
}

// ---------------------------------------------------------------------------------------------
// Helpers

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x250);

/** A public place: an address after one of these words is a shop's or an office's, not a person's. */
const PUBLIC_PLACE = /\b(?:postbus|antwoordnummer|po box|p\.o\. box|freepost|shops?|stores?|branch(?:es)?|office|offices|showroom|station|depot|warehouse|pick-?up point|collection point|service point|winkels?|filiaal|filialen|vestiging(?:en)?|kantoor|showroom|afhaalpunt|pakketpunt|servicepunt|ophaalpunt|balie|magazijn|depot|hoofdkantoor|headquarters|HQ)\b[^.!?\n]{0,40}$/i;

/** Role mailboxes of a company: public, not personal. */
const ROLE_MAILBOX = /^(?:info|support|service|help|helpdesk|contact|hello|hallo|hi|webcare|care|customercare|customerservice|customer\.service|customer-service|klantenservice|klantendienst|klantenteam|privacy|dpo|gdpr|avg|noreply|no-reply|sales|verkoop|team|klachten|complaints|billing|facturatie|accounts|orders|bestellingen|press|pers|media|feedback|admin|servicedesk|reserveringen|reservations|bookings|boekingen|refunds|returns|retour|retouren|jobs|vacatures|marketing|abuse|security)$/i;

/** The start of the text around a position: enough to look back at a few words. */
const before = (text: string, at: number, n = 60) => text.slice(Math.max(0, at - n), at);

// ---------------------------------------------------------------------------------------------
// Number runs: digits with single separators, for phones and cards

interface Run {
  start: number;
  end: number;
  digits: string;
  groups: number[];
  seps: string;
  plus: boolean;
}

/** Reads a run of digits joined by single separators (space, dash, dot, slash, brackets) from `i`. */
function readRun(text: string, i: number, noSlash = false): Run {
  const start = i;
  let plus = false;
  if (text[i] === '+') {
    plus = true;
    i++;
  }
  let digits = '';
  const groups: number[] = [];
  let seps = '';
  let group = 0;
  let end = i;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      digits += text[i];
      group++;
      i++;
      end = i;
      continue;
    }
    // A separator, or "(0)" and "(020)" style brackets, must be followed by a digit soon.
    let j = i;
    let sep = '';
    while (j < n && j - i < 3 && (text[j] === ' ' || text[j] === '\u00a0' || text[j] === '-' || text[j] === '.' || text[j] === '/' || text[j] === '(' || text[j] === ')')) {
      sep += text[j];
      j++;
    }
    if (sep === '' || j >= n || !isDigit(text.charCodeAt(j)) || (noSlash && sep.includes('/'))) break;
    // Allowed joins: one of " -./", a spaced dash ("06 - 1234 5678"), or brackets ("(0)20", "(020) 123").
    const ok = sep.length === 1 ? sep !== '(' : /^(?: ?\( ?|\) ?| ?\(|\) | - )$/.test(sep.replace(/\u00a0/g, ' '));
    if (!ok) break;
    if (group) groups.push(group);
    group = 0;
    seps += sep.trim() || ' ';
    i = j;
  }
  if (group) groups.push(group);
  // "(020) 123 4567": take the opening bracket in.
  return { start: text[start - 1] === '(' ? start - 1 : start, end, digits, groups, seps, plus };
}

/** Nine digits or more joined by separators: the only stretches that can hold a phone or card number. */
const RUN_HINT = /\+?\d(?:[ \u00a0\-./()]{0,3}\d){8,}/g;

const DATE_START = /^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}/;

/** Country codes after + or 00 (the common ones, to tell "0031 6..." from an order number). */
const SERVICE_AFTER_CC = /^(?:31(?:800|90[069])|32(?:800|70|78|90)|44(?:800|808|3|84|87)|1(?:800|888|877|866|855|844|833))/;

/**
 * The company's own contact point or account, named as such just before it: "our customer service line
 * is", "our WhatsApp service team on", "call us on", "ons rekeningnummer", "bel ons op", "e-mail our
 * team at". Those are the brand's, published on purpose, not a person's data.
 */
const OWN_BEFORE = /(?:\b(?:our|ons|onze)\s+(?:[\p{L}-]+\s+){0,3}(?:line|number|helpline|hotline|phone|team|desk|account|address|inbox|mailbox|lijn|nummer|telefoonnummer|whatsapp-nummer|rekeningnummer|rekening|klantenservice|adres|e-mailadres|mailadres)\s*(?:is|:|is op|on|at|op|via|naar)?|\b(?:call|ring|phone|text|message|e-?mail|mail|write to)\s+us\s+(?:on|at|free on|via)|\bbel\s+(?:ons|onze klantenservice)\s+(?:op|via)|\b(?:mail|schrijf|stort)\s+(?:ons|naar ons)\s+(?:op|via|naar))\W*$/iu;

function phoneOf(run: Run, text: string): boolean {
  const d = run.digits;
  if (OWN_BEFORE.test(before(text, run.start, 50))) return false;
  if (DATE_START.test(text.slice(run.start, run.end).replace(/^\(/, ''))) return false;
  if (run.seps.includes('/') && run.seps.split('/').length > 2) return false;
  if (run.plus || d.startsWith('00')) {
    const intl = run.plus ? d : d.slice(2);
    if (intl.length < 9 || intl.length > 15) return false;
    // "+31 (0)6 ...": the trunk zero does not count.
    const bare = intl.replace(/^(\d{2})0/, (m, cc: string) => (cc === '31' || cc === '32' || cc === '44' || cc === '33' || cc === '49' ? cc : m));
    return !SERVICE_AFTER_CC.test(bare);
  }
  if (d[0] === '0') {
    if (d.length < 9 || d.length > 11) return false;
    if (/^0(?:800|808|90[069]|88)/.test(d)) return false; // freephone, paid service lines, Dutch company lines (088)
    if (d.length === 11 && /^0(?:3|84|87)/.test(d)) return false; // UK non-geographic lines
    if (d.length === 9 && /^0(?:70|78|90)/.test(d)) return false; // Belgian service lines
    if (/^0+$/.test(d)) return false;
    // A run of one group of nine or more digits starting with 0 is a number like any other unless it looks like a phone: ten digits (NL), eleven (UK), nine (BE).
    return true;
  }
  // North American: 3-3-4 with separators or brackets, optionally "1-" first; toll-free lines are public.
  const g = run.groups;
  const us = (g.length === 3 && g[0] === 3 && g[1] === 3 && g[2] === 4 && d[0] !== '1') || (g.length === 4 && g[0] === 1 && d[0] === '1' && g[1] === 3 && g[2] === 3 && g[3] === 4);
  if (!us) return false;
  const area = d.length === 11 ? d.slice(1, 4) : d.slice(0, 3);
  if (/^(?:800|888|877|866|855|844|833)$/.test(area)) return false;
  // "123-456-7890" with dots could be a version or a price: dots need a phone word before.
  if (run.seps === '..' && !/(?:phone|call|ring|text|tel|mobile|cell|number|reach|bel|nummer)(?:\s+(?:me|you|us|him|her|them))?(?:\s+(?:at|on|op))?\W*$/i.test(before(text, run.start, 30))) return false;
  return area[0] !== '0' && area[0] !== '1';
}

function cardOf(run: Run): boolean {
  const d = run.digits;
  if (d.length < 13 || d.length > 19 || run.plus) return false;
  const g = run.groups;
  const seps = new Set(run.seps);
  if (seps.size > 1 || seps.has('.') || seps.has('/')) return false;
  const grouped = g.length === 1 || g.slice(0, -1).every((x) => x === 4) || (g.length === 3 && g[0] === 4 && g[1] === 6 && g[2] === 5);
  return grouped && cardPrefix(d) && luhnValid(d);
}

// ---------------------------------------------------------------------------------------------
// Addresses

const NL_STREET = '(?:straat|laan|weg|plein|gracht|kade|dijk|singel|steeg|pad|hof|dreef|markt|baan|lei|steenweg|veld|wal|burgwal|park|ring|dam|haven|plantsoen|erf|hoek|zijde|kanaal|boulevard|allee|wijk|akker|oord|rode|donk|horst|hout|berg|dal|straatje|gang|vest|vliet|kaai|berm|poort)';
const EN_STREET = '(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Crescent|Cres|Place|Pl|Square|Sq|Grove|Gardens|Gdns|Terrace|Ter|Court|Ct|Hill|Row|Mews|Walk|Boulevard|Blvd|Parade|Rise|Green|Park)';
const CAP = "\\p{Lu}[\\p{L}'’-]*";
const PARTICLE = "(?:van|de|der|den|het|te|ter|ten|'t|sint|st\\.?|von|le|la|du)";
/** "Kerkstraat 12", "Van Baerlestraat 12-II", "Prins Hendrikkade 5 bus 3". */
const NL_ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:${CAP}|${PARTICLE})\\s){0,3}\\p{Lu}[\\p{L}'’-]*${NL_STREET}\\s(\\d{1,4})(?:\\s?[a-zA-Z](?![\\p{L}\\p{N}]))?(?:\\s?-\\s?(?:\\d{1,3}|[IVX]{1,4}|[a-zA-Z])(?![\\p{L}\\p{N}]))?(?:\\s(?:bus|b|box)\\s?\\d{1,4})?(?![\\p{N}]|\\s?(?:%|km|m\\b|min|uur|euro|kg))`,
  'gu',
);
/** Cheap tests before the address patterns: a street word with a number after it (NL) or before it (EN). */
const NL_STREET_HINT = new RegExp(`${NL_STREET}\\s\\d`, 'i');
const EN_STREET_HINT = new RegExp(`\\d[A-Za-z]?,?\\s[A-Z][^\\n]{0,60}?\\s${EN_STREET}\\b`);
/** "12 High Street", "221B Baker St". */
const EN_ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}£$€.,:/-])(?:(?:flat|apt|apartment|unit)\\s?\\d{1,4}[A-Za-z]?,?\\s)?(\\d{1,4}[A-Za-z]?),?\\s(?:${CAP}\\s){1,3}${EN_STREET}(?![\\p{L}\\p{N}])`,
  'gu',
);
/** A US state and ZIP code ("IL 62704", "CA 94103-1234"); counted only after ", Town, ". */
const US_ZIP = /(?<![\p{L}\p{N}])([A-Z]{2})\s(\d{5})(?:-\d{4})?(?![\p{L}\p{N}])/gu;
const US_STATES = new Set('AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(' '));
const TOWN_BEFORE = /,\s*\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,2},\s*$/u;

/** A mailbox of a role, not a person: "support", "customer.relations", "business", "klachten-team". */
function roleMailbox(local: string): boolean {
  return local.split(/[._-]+/).every((part) => ROLE_MAILBOX.test(part) || ROLE_PART.test(part));
}
const ROLE_PART = /^(?:customer|customers|client|clients|relations|business|zakelijk|general|enquiries|enquiry|office|desk|online|web|social|shop|store|winkel|klant|klanten|dienst|vragen|questions|partners|groups|corporate|events|newsletter|nieuwsbrief|mail|post)$/i;

/** NL postcode "1234 AB" (never SA, SD, SS). */
const NL_POSTCODE = /(?<![\p{L}\p{N}€$£.,:/-])([1-9]\d{3}) ?([A-Z]{2})(?![\p{L}\p{N}])/gu;
const NL_POSTCODE_NOT = /^(?:SA|SD|SS|GB|MB|KB|TB|PK|KM|CM|MM|KG|KW|EU|NL|BE|EN|OK|TV|PC|UK|US|AM|PM|HD|ML|CL|DL|CC|PS|BC|AD|NR)$/;
/** UK postcode "SW1A 1AA", "M1 1AE" (inward letters never C, I, K, M, O, V). */
const UK_POSTCODE = /(?<![A-Za-z0-9])([A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?) ?(\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])/gi;
/** A Belgian or Dutch postcode with its town after a street and number: "Meir 12, 2000 Antwerpen". */
const POSTCODE_TOWN = /(?<![\p{L}\p{N}])([1-9]\d{3})\s(\p{Lu}\p{Ll}[\p{L}'’-]*(?:[\s-]\p{Lu}\p{Ll}[\p{L}'’-]*)?)/gu;
const STREET_NUMBER_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}])((?:(?:${CAP}|${PARTICLE})\\s){0,3}\\p{Lu}[\\p{L}'’-]+\\s\\d{1,4}[a-zA-Z]?(?:\\s?(?:bus|b|box)\\s?\\d{1,4})?)\\s?,?\\s*$`, 'du');
const HOUSE_NUMBER_AFTER = /^(?:,?\s?(?:nr\.?|no\.?|huisnummer|number)?\s?)(\d{1,5})(?:\s?-?\s?[a-zA-Z](?![\p{L}\p{N}])|-\d{1,3}(?![\p{N}]))?(?![\p{N}]|[.,]\d|\s?(?:%|km|uur|min|euro|GB|MB))/u;
const TOWN_AFTER = /^,?\s\p{Lu}[\p{Ll}'’-]{2,}(?:[\s-]\p{Lu}[\p{Ll}'’-]+)?/u;
const POSTCODE_WORD = /\b(?:postcode|postal code|post code|zip code|zip)\b[^.!?\n\d]{0,14}$/i;
/** A full name just before an address: "Jan de Vries, Kerkstraat 12". */
const NAME_BEFORE = new RegExp(`(?:^|[^\\p{L}])((?:(?:mr|mrs|ms|dhr|mevr|mw)\\.?\\s)?${CAP}(?:\\s(?:${PARTICLE}\\s){0,3}${CAP}){1,3})\\s?[,\\n]\\s*$`, 'du');
const GREETING = /^(?:hi|hey|hello|dear|beste|hallo|hoi|dag|goedemorgen|goedemiddag|goedenavond|thanks|bedankt|sorry)\b/i;

function addressItems(text: string, items: PersonalItem[]): void {
  const found: PersonalItem[] = [];
  const add = (kind: PersonalKind, start: number, end: number) => {
    if (PUBLIC_PLACE.test(before(text, start, 50))) return;
    found.push({ kind, start, end });
  };
  let m: RegExpExecArray | null;
  NL_ADDRESS.lastIndex = NL_STREET_HINT.test(text) ? 0 : text.length;
  while ((m = NL_ADDRESS.exec(text)) !== null) {
    let start = m.index;
    // Words before the street name join only when they are capitalised or particles of the name.
    const words = m[0].slice(0, m[0].search(new RegExp(`\\p{Lu}[\\p{L}'’-]*${NL_STREET}\\s\\d`, 'u')));
    if (words && /^(?:naar|op|in|aan|bij|via|tot|to|at|on|from|van|vanaf|the|de|het|een)\s/i.test(words)) {
      const drop = /^\S+\s/.exec(words)![0].length;
      start += drop;
    }
    add('address', start, m.index + m[0].length);
  }
  EN_ADDRESS.lastIndex = EN_STREET_HINT.test(text) ? 0 : text.length;
  while ((m = EN_ADDRESS.exec(text)) !== null) add('address', m.index, m.index + m[0].length);

  // A US ZIP code after a town and a state: "Springfield, IL 62704".
  US_ZIP.lastIndex = /\b[A-Z]{2}\s\d{5}/.test(text) ? 0 : text.length;
  while ((m = US_ZIP.exec(text)) !== null) {
    if (!US_STATES.has(m[1]!)) continue;
    const town = TOWN_BEFORE.exec(before(text, m.index, 40));
    if (town) add('postcode', m.index - town[0].length + town[0].search(/\p{Lu}/u), m.index + m[0].length);
  }

  // Postcodes: a UK postcode on its own, a Dutch one with a house number, town or the word "postcode".
  UK_POSTCODE.lastIndex = /[A-Za-z]\d/.test(text) ? 0 : text.length;
  while ((m = UK_POSTCODE.exec(text)) !== null) {
    // Written in capitals, or after the word "postcode".
    if (m[0] !== m[0].toUpperCase() && !POSTCODE_WORD.test(before(text, m.index, 30))) continue;
    if (/^(?:GB|MB|TB|KB)$/i.test(m[2]!.slice(1))) continue;
    add('postcode', m.index, m.index + m[0].length);
  }
  NL_POSTCODE.lastIndex = /\d{4} ?[A-Z]{2}/.test(text) ? 0 : text.length;
  while ((m = NL_POSTCODE.exec(text)) !== null) {
    let end = m.index + m[0].length;
    const after = text.slice(end, end + 30);
    const keyword = POSTCODE_WORD.test(before(text, m.index, 30));
    const street = STREET_NUMBER_BEFORE.test(before(text, m.index, 60));
    // Letters that also read as a unit or a country ("1017 GB") count after a street and number.
    if (NL_POSTCODE_NOT.test(m[2]!) && !keyword && !street) continue;
    const house = HOUSE_NUMBER_AFTER.exec(after);
    const town = TOWN_AFTER.exec(after);
    if (house) end += house[0].length;
    else if (town) end += town[0].length;
    else if (!keyword && !street) continue;
    add('postcode', m.index, end);
  }
  POSTCODE_TOWN.lastIndex = /\d{4}\s[A-Z\u00c0-\u00de]/.test(text) ? 0 : text.length;
  while ((m = POSTCODE_TOWN.exec(text)) !== null) {
    const b = before(text, m.index, 70);
    const street = STREET_NUMBER_BEFORE.exec(b);
    if (!street || /^(?:postbus|antwoordnummer|po box|freepost)/i.test(street[1]!)) continue;
    add('postcode', m.index - b.length + street.indices![1]![0], m.index + m[0].length);
  }

  // Join an address with what is right next to it (street, postcode, town), and a name just before.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: PersonalItem[] = [];
  for (const f of found) {
    const last = merged[merged.length - 1];
    if (last && f.start >= last.end && /^[\s,]*(?:\p{Lu}[\p{L}'’-]+[\s,]+){0,2}$/u.test(text.slice(last.end, f.start))) {
      last.end = Math.max(last.end, f.end);
      if (f.kind === 'postcode') last.kind = 'postcode';
      continue;
    }
    if (last && f.start < last.end) continue;
    merged.push({ ...f });
  }
  for (const a of merged) {
    const b = before(text, a.start, 60);
    const name = NAME_BEFORE.exec(b);
    if (name && !GREETING.test(name[1]!)) a.start -= b.length - name.indices![1]![0];
    items.push(a);
  }
}

// ---------------------------------------------------------------------------------------------
// References: an order, booking or account number given with the word that names it. A bare
// "reference", a case or ticket number and a tracking code are the company's own handles, given so
// the person can follow up: not personal data (the process rules coach case numbers).

const REFERENCE = new RegExp(
  '\\b(' +
    [
      // English
      'order(?:\\s(?:number|no\\.?|nr\\.?|id|ref(?:erence)?))?',
      '(?:order|customer|account)\\sref(?:erence)?',
      'booking(?:\\s(?:ref(?:erence)?|number|no\\.?|code|id))?',
      'reservation(?:\\s(?:number|no\\.?|code|ref(?:erence)?))?',
      'confirmation\\s(?:number|code)',
      'account(?:\\s(?:number|no\\.?|id))?',
      'customer\\s(?:number|no\\.?|id|ref(?:erence)?)',
      'member(?:ship)?\\s(?:number|no\\.?|id)',
      'policy(?:\\s(?:number|no\\.?))?',
      'contract\\s(?:number|no\\.?)',
      'invoice(?:\\s(?:number|no\\.?))?',
      'pnr',
      // Dutch
      'bestel(?:nummer|nr\\.?|ling|code)',
      'order(?:nummer|nr\\.?|code)',
      'klant(?:nummer|nr\\.?|referentie)',
      'contract(?:nummer|nr\\.?)',
      'abonnement(?:snummer|snr\\.?)?',
      'polis(?:nummer|nr\\.?)?',
      'boeking(?:snummer|scode|sreferentie|snr\\.?)?',
      'reservering(?:snummer|scode|snr\\.?)?',
      'factuur(?:nummer|nr\\.?)?',
      'lid(?:maatschaps)?nummer',
      'rekeningnummer',
      'aansluitnummer',
      'ean[- ]?code',
      'meternummer',
    ].join('|') +
    ')(\\s?(?:[:#]|\\s)\\s?(?:(?:is|was|number|nummer|nr\\.?|no\\.?|code|id|ref)\\s?[:#]?\\s?)?#?)([A-Za-z0-9](?:[A-Za-z0-9]|[-/.](?=[A-Za-z0-9]))*)',
  'gi',
);
const BOOKING_WORD = /^(?:booking|reservation|pnr|boeking|reservering)/i;

function referenceItems(text: string, items: PersonalItem[]): void {
  REFERENCE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REFERENCE.exec(text)) !== null) {
    const id = m[3]!;
    const idEnd = m.index + m[0].length;
    if (isAlnum(text.charCodeAt(idEnd) || 0)) continue;
    const alnum = id.replace(/[^A-Za-z0-9]/g, '');
    const digits = alnum.replace(/\D/g, '').length;
    const codeLike = digits === 0 && alnum.length >= 6 && alnum.length <= 8 && /^[A-Z0-9]+$/.test(alnum) && BOOKING_WORD.test(m[1]!);
    if (!codeLike && (digits === 0 || alnum.length < 5)) continue;
    if (DATE_START.test(id) || /^\d{1,2}[:.]\d{2}$/.test(id)) continue;
    if (/^\d{4}$/.test(alnum)) continue;
    // "account 12345 euro", "order of 20000": amounts are not references.
    if (/^\s?(?:%|euro|eur|€|pounds?|dollars?|items?|stuks)/i.test(text.slice(idEnd, idEnd + 8))) continue;
    const keyword = m[1]!;
    items.push({ kind: 'reference', start: m.index, end: idEnd, word: keyword });
  }
}

// ---------------------------------------------------------------------------------------------

const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const EMAIL = /(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}][\p{L}\p{N}._%+-]*)@((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[A-Za-z]{2,24})(?![\p{L}\p{N}-])/uy;
const IBAN_START = /(?<![A-Za-z0-9])([A-Za-z]{2})(\d{2})(?=[ ]?[A-Za-z0-9])/g;

/** Every piece of personal data in the text, in order, without overlaps. */
export function findPersonalData(text: string): PersonalItem[] {
  const hasAt = text.indexOf('@') >= 0;
  if (!hasAt && !/\d/.test(text)) return [];
  const items: PersonalItem[] = [];
  let m: RegExpExecArray | null;
  // E-mail: only around an "@" with a name before it (an @mention has none).
  for (let at = text.indexOf('@'); at > 0; at = text.indexOf('@', at + 1)) {
    if (!LOCAL_CHAR.test(text[at - 1]!)) continue;
    let from = at - 1;
    while (from > 0 && at - from < 64 && LOCAL_CHAR.test(text[from - 1]!)) from--;
    EMAIL.lastIndex = from;
    m = EMAIL.exec(text);
    if (!m) continue;
    if (!roleMailbox(m[1]!) && !OWN_BEFORE.test(before(text, m.index, 50))) items.push({ kind: 'email', start: m.index, end: m.index + m[0].length });
    at = m.index + m[0].length - 1;
  }
  if (!/\d/.test(text)) return items;

  // IBANs: country, check digits, then exactly the country's length of letters and digits (single spaces allowed).
  IBAN_START.lastIndex = 0;
  while ((m = IBAN_START.exec(text)) !== null) {
    const cc = m[1]!.toUpperCase();
    const len = IBAN_LENGTHS[cc];
    if (len === undefined) continue;
    let i = m.index + 4;
    let out = cc + m[2]!;
    while (out.length < len && i < text.length) {
      const c = text.charCodeAt(i);
      if (isAlnum(c) && c < 128) {
        out += text[i]!.toUpperCase();
        i++;
      } else if (c === 32 && i + 1 < text.length && isAlnum(text.charCodeAt(i + 1))) i++;
      else break;
    }
    if (out.length !== len || isAlnum(text.charCodeAt(i) || 0)) continue;
    // A bad checksum is no IBAN, and its digits are no phone number either.
    const own = OWN_BEFORE.test(before(text, m.index, 50));
    items.push({ kind: ibanValid(out) && !own ? 'iban' : 'none', start: m.index, end: i, word: out.slice(-4) });
    IBAN_START.lastIndex = i;
  }

  // Digit runs: cards, then phones.
  // Only stretches with nine digits or more can be either: a regular expression finds them, the
  // loop reads them. Within one, a run starts at a digit (or "+") that does not continue a word,
  // a price or a time.
  const n = text.length;
  RUN_HINT.lastIndex = 0;
  let hint: RegExpExecArray | null;
  while ((hint = RUN_HINT.exec(text)) !== null) {
    const hintEnd = hint.index + hint[0].length;
    for (let i = hint.index; i < hintEnd; i++) {
      const c = text.charCodeAt(i);
      const startsRun = isDigit(c) || (c === 43 /* + */ && i + 1 < n && isDigit(text.charCodeAt(i + 1)));
      if (!startsRun) continue;
      const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
      if (isAlnum(prev) || prev === 44 /* , */ || prev === 46 /* . */ || prev === 58 /* : */ || prev === 0x20ac || prev === 36 || prev === 0xa3) {
        // Inside a word, a price or a time: skip to its end.
        while (i + 1 < n && isAlnum(text.charCodeAt(i + 1))) i++;
        continue;
      }
      const run = readRun(text, i);
      const next = text.charCodeAt(run.end) || 32;
      const glued = isAlnum(next) || next === 37 /* % */ || (next === 44 && isDigit(text.charCodeAt(run.end + 1) || 0)) || (next === 58 && isDigit(text.charCodeAt(run.end + 1) || 0));
      // Fewer than nine digits is neither a phone number nor a card number.
      if (!glued && run.digits.length >= 9 && !overlaps(items, run.start, run.end)) {
        if (cardOf(run)) items.push({ kind: 'card', start: run.start, end: run.end, word: run.digits.slice(-4) });
        else if (phoneOf(run, text)) items.push({ kind: 'phone', start: run.start, end: run.end });
        else if (run.seps.includes('/')) {
          // "06-12345678/020-1234567": two numbers.
          let at = run.start;
          for (const piece of text.slice(run.start, run.end).split('/')) {
            const sub = readRun(text, at, true);
            if (sub.digits.length >= 9 && phoneOf(sub, text)) items.push({ kind: 'phone', start: sub.start, end: sub.end });
            at += piece.length + 1;
          }
        }
      }
      i = run.end - 1;
      while (i + 1 < n && isAlnum(text.charCodeAt(i + 1))) i++;
    }
    if (RUN_HINT.lastIndex < hintEnd) RUN_HINT.lastIndex = hintEnd;
  }

  const rest: PersonalItem[] = [];
  addressItems(text, rest);
  referenceItems(text, rest);
  for (const r of rest) if (!overlaps(items, r.start, r.end)) items.push(r);
  items.sort((a, b) => a.start - b.start);
  // Overlaps between addresses and references: the first found wins.
  const out: PersonalItem[] = [];
  let lastEnd = -1;
  for (const it of items) {
    if (it.start < lastEnd) continue;
    lastEnd = it.end;
    if (it.kind !== 'none') out.push(it);
  }
  return out;
}

function overlaps(items: readonly PersonalItem[], start: number, end: number): boolean {
  for (const it of items) if (it.start < end && start < it.end) return true;
  return false;
}
