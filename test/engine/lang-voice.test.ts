import { describe, expect, test } from 'vitest';
import { analyze, detectLanguage } from '../../src/engine/index.js';
import { getPack } from '../../src/engine/packs.js';
import { findSignoff, readerName } from '../../src/engine/voice.js';

describe('language', () => {
  test.each([
    ['Thanks for your message, I will check it today.', 'en'],
    ['Bedankt voor je bericht, ik kijk er vandaag naar.', 'nl'],
    ['Dank je, dat is top!', 'nl'],
    ['Sorry to hear that', 'en'],
    ['Vielen Dank für Ihre Nachricht, wir kümmern uns darum.', 'other'],
    ['Gracias por escribirnos, te ayudamos por DM.', 'other'],
    ['Merci pour votre message, nous regardons cela.', 'other'],
    ['お問い合わせありがとうございます。', 'other'],
    ['شكرا لتواصلك معنا', 'other'],
    ['🙂🙂🙂', 'other'],
    ['@12345 ^JD', 'other'],
  ])('%j is %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  test('a reply in a language we do not coach gets no flags and verdict unknown', () => {
    for (const text of ['Lo sentimos mucho, por favor envíanos un DM!!! #Promo', 'Es tut uns leid. Bitte schreiben Sie uns eine DM!!!', '申し訳ございません！！！']) {
      const r = analyze(text);
      expect(r).toMatchObject({ lang: 'other', verdict: 'unknown', flags: [] });
    }
  });

  test('empty and blank text is unknown', () => {
    for (const text of ['', '   ', '\n\n', '...']) expect(analyze(text)).toMatchObject({ lang: 'other', verdict: 'unknown', flags: [], cues: [] });
  });
});

describe('sign-offs', () => {
  const en = getPack('en');
  const nl = getPack('nl');
  test.each([
    ['Your refund is on its way. ^JD', 'person', 'JD'],
    ['Your refund is on its way ^Kim 🙂', 'person', 'Kim'],
    ['Your refund is on its way. *JS', 'person', 'JS'],
    ['Your refund is on its way. -Tamsin', 'person', 'Tamsin'],
    ['Your refund is on its way.\n– Nadia, webcare', 'person', 'Nadia'],
    ['Your refund is on its way. Cheers, Tom', 'person', 'Tom'],
    ['Your refund is on its way.\nKind regards,\nPriya', 'person', 'Priya'],
    ['Sorted! Mark from the night shift', 'person', 'Mark'],
    ['All sorted now.\nSanne', 'person', 'Sanne'],
    ['Your refund is on its way.\nThe Customer Care Team', 'department', undefined],
    ['Thanks for your message. - Support Team', 'department', undefined],
    ['Your refund is on its way. Kind regards, Customer Service', 'department', undefined],
    ['Thanks for your patience. NordRail Social Media Team', 'department', undefined],
    ['Good catch, fixed! 🙏 ^mk', 'person', 'mk'],
    ['So glad you like it! ^Ash, Bean There Kings Cross', 'person', 'Ash'],
    ['The fee is refunded.\n\nKind regards,\nHannah Ross\nCustomer Relations', 'person', 'Hannah'],
    ['Sorted.\nKind regards, Skyline Mobile Social Care Team', 'department', undefined],
    // What tools add after a sign-off: a link, a thread counter.
    ['Please DM us your booking number. ^GH https://t.co/abc123', 'person', 'GH'],
    ['We will post the times when they are final. 2/2^Dorian', 'person', 'Dorian'],
    ['The spare part ships on Friday, so check your mailbox then /KW https://t.co/x1', 'person', 'KW'],
    ['Your refund is on its way. ^JD (2/2)', 'person', 'JD'],
    // A name alone after an emoji or a link, which end a tweet's sentence as a line break would.
    ['Your refund went out this morning 😊 Priya', 'person', 'Priya'],
    ['The steps are here https://example.com/reset Priya', 'person', 'Priya'],
    // A name after a full sentence, and a doubled dash.
    ['The engineer comes on Tuesday morning. Rowan', 'person', 'Rowan'],
    ['The engineer comes on Tuesday morning. Rowan 2/2', 'person', 'Rowan'],
    ['We can carry on in a DM.--QX', 'person', 'QX'],
  ])('en %j', (text, kind, name) => {
    const s = findSignoff(text, en);
    expect(s?.kind).toBe(kind);
    expect(s?.name).toBe(name);
    if (s) expect(text.slice(s.start, s.end).length).toBeGreaterThan(0);
  });

  test.each([
    ['Je terugbetaling is onderweg. Groetjes, Sanne', 'person', 'Sanne'],
    ['Je terugbetaling is onderweg.\nMet vriendelijke groet,\nFleur', 'person', 'Fleur'],
    ['Komt goed! Gr. Fleur', 'person', 'Fleur'],
    ['Komt goed! Mvg, Joost', 'person', 'Joost'],
    ['Komt goed ^MK', 'person', 'MK'],
    ['Uw terugbetaling is onderweg.\nMet vriendelijke groet, Klantenservice', 'department', undefined],
    ['Bedankt voor je bericht. - Team Webcare', 'department', undefined],
    ['Komt goed.\nMet vriendelijke groet, Jolanda Visser, Gemeente Waterdam', 'person', 'Jolanda'],
    ['Uw polis is aangepast.\nMet vriendelijke groet, Dekking Verzekeringen', 'department', undefined],
    ['Geregeld ^Marieke', 'person', 'Marieke'],
    ['De monteur komt dinsdag tussen 8 en 12 uur langs. Groetjes, ^^PV', 'person', 'PV'],
    // The last closing phrase, as a whole word: not "dank" in "dankzij", not "gr" in "graag".
    ['Dat kan met een 4G-modem, dankzij de nieuwe antenne. Groetjes Wout', 'person', 'Wout'],
    ['We bekijken het graag verder! mvg, Femke', 'person', 'Femke'],
    ['Stuur het nummer gerust via pm! 😀- Ilse', 'person', 'Ilse'],
    ['Je nieuwe simkaart is onderweg 😊 Lotte', 'person', 'Lotte'],
    ['De monteur komt dinsdagochtend. Tibo', 'person', 'Tibo'],
  ])('nl %j', (text, kind, name) => {
    const s = findSignoff(text, nl);
    expect(s?.kind).toBe(kind);
    expect(s?.name).toBe(name);
  });

  test.each([
    'Thanks for letting us know!',
    'Have a great day!',
    'We are looking into it. Thank you',
    'Please DM us. Thanks',
    'Call us on 0800-123 456.',
    'Visit https://example.com/help-centre',
    'Our engineers work on it 24/7',
    'Read more in the thread (1/2)',
    // A word that opens sentences is not a name, even where a name could stand.
    'Your refund went out this morning. Thanks. Enjoy.',
    'Your refund went out this morning 😊 Enjoy',
    'Glad it arrived 🎉 Congrats',
    'The engineer comes on Tuesday morning. Bye',
    'All fixed now. Sorted',
    'Does that help? Yes',
  ])('no sign-off in %j', (text) => {
    expect(findSignoff(text, en)?.kind).not.toBe('person');
  });

  test('the reader name comes from the author, else from their own sign-off', () => {
    expect(readerName('Priya Shah 🌻', undefined, en)).toEqual({ first: 'Priya', forms: ['priya', 'shah'] });
    expect(readerName('@techguy_99', undefined, en)).toBeNull();
    expect(readerName(undefined, 'Where is my order?\n- Mark', en)).toEqual({ first: 'Mark', forms: ['mark'] });
    expect(readerName(undefined, 'Where is my order?', en)).toBeNull();
  });

  test('"Mevrouw Jansen" uses the name as much as "Ria" does', () => {
    const ctx = { context: 'Mijn aanvraag ligt al negen weken stil.', author: 'Ria Jansen' };
    const formal = analyze('Mevrouw Jansen, ik heb uw aanvraag vandaag doorgezet; u krijgt vrijdag een besluit. ^JV', ctx);
    expect(formal.flags.map((f) => f.rule)).not.toContain('unempathetic.unused-name');
    expect(formal.cues.map((c) => c.cue)).toContain('uses-name');
  });
});
