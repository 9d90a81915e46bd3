/**
 * The privacy guard: checksums, the case set's precision and recall per kind and language
 * (goal: precision >= 0.95 and recall >= 0.90 for phone, e-mail, IBAN, card and postcode), and how
 * its flags sit in the engine (score, suggestions, switching it off).
 */
import { describe, expect, test } from 'vitest';
import { analyze, applySuggestion } from '../../src/engine/index.js';
import { findPersonalData, ibanValid, luhnValid } from '../../src/engine/privacy.js';
import { formatScores, privacyScores } from '../../scripts/privacy-report.js';
import { PRIVACY_CASES } from './privacy-cases.js';

describe('checksums', () => {
  test('IBAN mod-97', () => {
    expect(ibanValid('NL91ABNA0417164300')).toBe(true);
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('BE68539007547034')).toBe(true);
    expect(ibanValid('NL91ABNA0417164301')).toBe(false);
    expect(ibanValid('NL91ABNA041716430')).toBe(false); // too short for NL
    expect(ibanValid('XX91ABNA0417164300')).toBe(false); // no such country
  });
  test('Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('5500000000000004')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('1234567812345678')).toBe(false);
  });
});

describe('case set', () => {
  test('at least 60 replies per language, with and without personal data', () => {
    for (const lang of ['en', 'nl'] as const) {
      const mine = PRIVACY_CASES.filter((c) => c.lang === lang);
      expect(mine.length).toBeGreaterThanOrEqual(60);
      expect(mine.filter((c) => c.data.length === 0).length).toBeGreaterThanOrEqual(25);
      for (const kind of ['phone', 'email', 'iban', 'card', 'postcode', 'address', 'reference']) {
        expect(mine.filter((c) => c.data.some(([k]) => k === kind)).length, `${lang} ${kind}`).toBeGreaterThanOrEqual(4);
      }
    }
  });

  test('precision >= 0.95 and recall >= 0.90 for phone, e-mail, IBAN, card and postcode in both languages', () => {
    const { scores, misses } = privacyScores();
    console.log(formatScores(scores));
    for (const s of scores) {
      if (!['phone', 'email', 'iban', 'card', 'postcode'].includes(s.kind)) continue;
      expect(s.expected, `${s.lang} ${s.kind} has cases`).toBeGreaterThanOrEqual(6);
      expect(s.precision, `${s.lang} ${s.kind}\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.95);
      expect(s.recall, `${s.lang} ${s.kind}\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.9);
    }
    // Addresses without a postcode and references are fuzzier: hold them to a lower bar.
    for (const s of scores.filter((x) => x.kind === 'address' || x.kind === 'reference')) {
      expect(s.precision, `${s.lang} ${s.kind}\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.9);
      expect(s.recall, `${s.lang} ${s.kind}\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.8);
    }
  });
});

describe('in the engine', () => {
  const warm = 'Hi Priya, sorry the driver missed you. I\'ve booked him for tomorrow between 8 and 10 and he\'ll call you on 07700 900461 when he\'s close. ^Dev';

  test('a flag per piece of personal data, exact spans, and a reply with one is never human', () => {
    const r = analyze(warm, { lang: 'en' });
    const p = r.flags.filter((f) => f.category === 'privacy');
    expect(p.map((f) => [f.rule, f.text])).toEqual([['privacy.phone', '07700 900461']]);
    expect(warm.slice(p[0]!.start, p[0]!.end)).toBe(p[0]!.text);
    expect(r.verdict).not.toBe('human');
    expect(r.explanation.steps.find((s) => s.id === 'privacy')?.delta).toBe(-30);
    const clean = analyze(warm.replace('07700 900461', 'your number'), { lang: 'en' });
    expect(clean.flags.some((f) => f.category === 'privacy')).toBe(false);
    expect(clean.score - r.score).toBeGreaterThanOrEqual(30);
  });

  test('however warm the rest, a reply with personal data is held below human', () => {
    const text = "Hi Priya, I'm so sorry, that's a rotten day and it's on us: the driver marked it delivered by mistake. I've found your parcel at the Leeds depot and booked it for tomorrow 8-10am; he'll ring you on 07700 900461 when he's close. Does that work? ^Dev";
    const opts = { context: 'My parcel says delivered but it is NOT here. Third time this month!', author: 'Priya Shah' };
    const r = analyze(text, opts);
    expect(r.verdict).not.toBe('human');
    expect(r.score).toBeLessThan(65);
    // Where the rest would still reach human, the cap holds it below, and says so as the last step.
    const beforeCap = r.explanation.steps.filter((s) => s.kind !== 'cap').reduce((sum, s) => sum + s.delta, 0);
    if (beforeCap >= 65) expect(r.explanation.steps.at(-1)).toMatchObject({ kind: 'cap', id: 'privacy-cap' });
    expect(r.explanation.steps.reduce((sum, s) => sum + s.delta, 0)).toBe(r.explanation.raw);
    expect(analyze(text.replace(' on 07700 900461', ''), opts).verdict).toBe('human');
    // Relaxed strictness shrinks the penalty; the cap still holds the reply below human.
    const relaxed = analyze(text, { ...opts, strictness: 'relaxed' });
    expect(relaxed.score).toBeLessThan(65);
    expect(relaxed.explanation.steps.at(-1)).toMatchObject({ kind: 'cap', id: 'privacy-cap' });
  });

  test('switched off with the category or the rule', () => {
    expect(analyze(warm, { lang: 'en', disabledCategories: ['privacy'] }).flags.some((f) => f.category === 'privacy')).toBe(false);
    expect(analyze(warm, { lang: 'en', disabledRules: ['privacy.phone'] }).flags.some((f) => f.category === 'privacy')).toBe(false);
  });

  test('suggestions move the data out: the last four digits of a card, je or u in Dutch', () => {
    const card = 'I can see the charge on 4111 1111 1111 1111 and I\'ve reversed it. ^JD';
    const f = analyze(card, { lang: 'en' }).flags.find((x) => x.rule === 'privacy.card')!;
    expect(f.suggestions).toContain('your card ending in 1111');
    expect(applySuggestion(card, f, f.suggestions.indexOf('your card ending in 1111'))).toBe("I can see the charge on your card ending in 1111 and I've reversed it. ^JD");
    const u = analyze('Wij hebben het bedrag teruggestort op NL91 ABNA 0417 1643 00, u ziet het morgen op uw rekening. Met vriendelijke groet, Karin', { lang: 'nl' });
    expect(u.flags.find((x) => x.rule === 'privacy.iban')!.suggestions).toContain('uw rekening');
    const je = analyze('Ik heb het teruggestort op NL91 ABNA 0417 1643 00, je ziet het morgen. Groetjes, Sanne', { lang: 'nl' });
    expect(je.flags.find((x) => x.rule === 'privacy.iban')!.suggestions).toContain('de rekening die eindigt op 4300');
    expect(je.flags.find((x) => x.rule === 'privacy.iban')!.suggestions).toContain('je rekening');
  });

  test('personal data is flagged even beside phrases other rules flag', () => {
    const r = analyze('Please call 020 123 4567 or DM us your account number.', { lang: 'en' });
    expect(r.flags.some((f) => f.rule === 'privacy.phone' && f.text === '020 123 4567')).toBe(true);
  });

  test('company contact points are not personal data', () => {
    for (const text of [
      'Call us free on 0800 022 3300 or write to support@brand.co.uk.',
      'Bel gratis naar 0800-0223 of mail klantenservice@bedrijf.nl.',
      // A number the company names as its own line, whatever its prefix.
      'From abroad, our customer service line is +44 20 7946 0000, open 8am to 6pm.',
      'Please call us on 020 123 4567 between 9 and 5.',
      'Bel ons op 020 123 4567, we zijn er tot vijf uur.',
    ]) {
      expect(findPersonalData(text)).toEqual([]);
    }
  });

  // How long the scan takes is measured by npm run bench, not here (no clock in tests).
  test('a reply without a digit or "@" has nothing to find; a long text of many cases is scanned whole', () => {
    expect(findPersonalData('Sorry, that is not how it should go. I have sorted it. ^JD')).toEqual([]);
    const long = PRIVACY_CASES.map((c) => c.text).join(' ').repeat(20);
    expect(findPersonalData(long).length).toBeGreaterThan(findPersonalData(PRIVACY_CASES.map((c) => c.text).join(' ')).length);
  });

  test('no pathological input takes long (100 000 characters each)', () => {
    for (const unit of ['a@', 'a@b.', '1 ', '1-', 'A1 ', '+1 ', 'Kerkstraat 1 ', '1 High ', 'order 1 ', '1234 AB ', '1234 Gent ', 'Jan De Vries ', '123456789 ']) {
      const text = unit.repeat(Math.ceil(100_000 / unit.length));
      // A pathological pattern would not return within the test's timeout.
      expect(Array.isArray(findPersonalData(text)), unit).toBe(true);
    }
  });
});

describe('a reference the person wrote themselves', () => {
  test('is not flagged when the reply takes it up from their public message, and is when it comes from nowhere', async () => {
    const { analyze } = await import('../../src/engine/index.js');
    const reply = "Priya, I'm so sorry, a cracked screen on order 48213 is not ok. I've sent a new one; it arrives tomorrow. ^JD";
    const theirs = analyze(reply, { context: 'my order #48213 arrived with the screen cracked' });
    expect(theirs.flags.filter((f) => f.category === 'privacy')).toEqual([]);
    const fromNowhere = analyze(reply, { context: 'my parcel arrived with the screen cracked' });
    expect(fromNowhere.flags.map((f) => f.rule)).toContain('privacy.reference');
  });
});
