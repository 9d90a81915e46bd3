/** Synthetic team replies for the duplicate-finder tests and the report benchmark (deterministic). */
import type { ReplyRow } from '../../src/report/parse.js';

/** A small deterministic random source (mulberry32). */
export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 10,000 replies like a month of a webcare team: templates with names and numbers, and free replies. */
export function syntheticRows(n: number, seed = 1): ReplyRow[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const names = ['Sam', 'Priya', 'Ana', 'Jan', 'Els', 'Mark', 'Kim', 'Noor', 'Bas', 'Lee', 'Dee', 'Tom'];
  const signs = ['^JD', '^KM', '-Anna', '- Bas', '~TJ', ''];
  const templates = [
    'Hi {name}, we are sorry to hear that. Please send us a DM with your order number {n} and postcode so we can look into this for you. {sign}',
    'We apologize for any inconvenience caused, {name}. Our team is working hard to resolve the issue as quickly as possible. {sign}',
    'Thanks for reaching out, {name}! Please follow us so we can send you a private message with further instructions. {sign}',
    'Hoi {name}, vervelend om te horen. Stuur ons een DM met je ordernummer {n} en postcode, dan zoeken we het voor je uit. {sign}',
    'Wij betreuren het ongemak, {name}. Ons team werkt er hard aan om de storing zo snel mogelijk op te lossen. {sign}',
    '{name}, your feedback is important to us and has been passed on to the relevant department for review. {sign}',
  ];
  const vocab = (
    'parcel refund kettle train delay router invoice order store manager phone screen battery charger coupon seat ' +
    'ticket platform driver window kitchen heater meter bill account password login app update photo receipt ' +
    'today tomorrow morning evening friday monday week soon later now already again still just really quite ' +
    'sent checked fixed booked cancelled moved called asked found changed added opened closed paid swapped ' +
    'i you we it they he she this that the a an your my our their his her its with for from into on at by'
  ).split(' ');
  const rows: ReplyRow[] = [];
  for (let i = 0; i < n; i++) {
    const author = pick(names);
    let text: string;
    if (rnd() < 0.45) {
      text = pick(templates)
        .replace('{name}', author)
        .replace('{n}', String(Math.floor(rnd() * 1e6)))
        .replace('{sign}', pick(signs));
    } else {
      const len = 10 + Math.floor(rnd() * 25);
      text = Array.from({ length: len }, () => pick(vocab)).join(' ') + '.';
    }
    rows.push({ line: i + 1, text, id: `m${i}`, author });
  }
  return rows;
}
