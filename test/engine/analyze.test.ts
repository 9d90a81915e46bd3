import { describe, expect, test } from 'vitest';
import { analyze, applySuggestion, validateExtraRules, type RuleSource } from '../../src/engine/index.js';
import { MAX_WORD_CHARS, MAX_WORDS, wordEpoch, wordIds } from '../../src/engine/words.js';
import { WORD_CHARS_PATTERNS_SPLIT } from '../../src/engine/pattern.js';
import { tokenize } from '../../src/engine/text.js';
import { detectLanguage } from '../../src/engine/lang.js';

const rule = (over: Partial<RuleSource> & Pick<RuleSource, 'id' | 'patterns'>): RuleSource => ({
  lang: 'en',
  category: 'scripted',
  severity: 'warning',
  message: 'A team phrase we avoid.',
  why: 'It sounds like a form letter.',
  suggestions: ['Hi {name}', 'Hi there'],
  examples: { match: ['x'], pass: ['y'] },
  ...over,
});

// Invented words, so that no built-in rule competes with the team's rules in these tests.
const teamRules = [
  rule({ id: 'scripted.team-valued', patterns: ['zorbly (member|guest)'] }),
  rule({ id: 'scripted.team-dear-valued', severity: 'problem', patterns: ['fine zorbly member'] }),
  rule({ id: 'process.team-portal', category: 'process', severity: 'hint', soft: true, patterns: ['our [online] portal'], suggestions: ['the link below'] }),
];

describe('analyze', () => {
  test('result shape, with offsets that index the input', () => {
    const text = 'Fine zorbly member, we will look into this.';
    const r = analyze(text, { extraRules: teamRules });
    expect(r.lang).toBe('en');
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(100);
    expect(['human', 'mixed', 'scripted']).toContain(r.verdict);
    for (const f of r.flags) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      expect(f.message).toBeTruthy();
      expect(f.why).toBeTruthy();
      expect(f.suggestions.length).toBeGreaterThan(0);
    }
  });

  test('overlapping matches become one flag per span: the more severe and longer wins', () => {
    const r = analyze('Fine zorbly member, thanks.', { extraRules: teamRules });
    const team = r.flags.filter((f) => f.rule.startsWith('scripted.team'));
    expect(team).toHaveLength(1);
    expect(team[0]).toMatchObject({ rule: 'scripted.team-dear-valued', text: 'Fine zorbly member' });
    const spans = r.flags.map((f) => [f.start, f.end]).sort((a, b) => a[0]! - b[0]!);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]!);
  });

  test('disabled rules and categories are silent', () => {
    const text = 'Fine zorbly member, thanks.';
    expect(analyze(text, { extraRules: teamRules, disabledRules: ['scripted.team-dear-valued'] }).flags.map((f) => f.rule)).toContain('scripted.team-valued');
    const none = analyze(text, { extraRules: teamRules, disabledCategories: ['scripted'] });
    expect(none.flags.filter((f) => f.category === 'scripted')).toEqual([]);
  });

  test('slots: {name} suggestions appear only when the name is known', () => {
    const text = 'Thanks zorbly guest, it is fixed.';
    const withName = analyze(text, { extraRules: teamRules, author: 'Priya Shah' }).flags.find((f) => f.rule === 'scripted.team-valued')!;
    expect(withName.suggestions).toEqual(['Hi Priya', 'Hi there']);
    const without = analyze(text, { extraRules: teamRules }).flags.find((f) => f.rule === 'scripted.team-valued')!;
    expect(without.suggestions).toEqual(['Hi there']);
  });

  test('a whole-reply flag placed after the usual places are taken still offers a suggestion that fits where it sits', () => {
    const cases: [string, string][] = [
      ['@sam Hoi Sam, wat vervelend om te horen! Stuur me je klantnummer even in privé door dan zoek ik uit wat ik kan doen -Lien', 'De decoder valt al een week elke avond uit tijdens het nieuws.'],
      ['Thanks for getting in touch! Drop us a DM with the booking code.', 'Third time this month my train is cancelled and nobody tells me anything.'],
      ['We apologize for any inconvenience. Please DM us your booking number.', 'My suitcase never arrived in Lisbon.'],
    ];
    for (const [text, context] of cases) {
      const r = analyze(text, { context });
      for (const f of r.flags) {
        expect(f.suggestions.length, `${f.rule} on "${f.text}"`).toBeGreaterThan(0);
        // Added words go after the flagged ones as a new sentence, or after a dash mid-sentence; never glued on.
        for (const sug of f.suggestions) if (sug.startsWith(f.text) && sug.length > f.text.length) expect(sug.slice(f.text.length), `${f.rule}: ${sug}`).toMatch(/^(\.? |\s–\s)/);
      }
    }
    const nl = analyze(cases[0]![0], { context: cases[0]![1] }).flags.find((f) => f.rule === 'unempathetic.vraag-onbeantwoord');
    expect(nl).toBeDefined();
  });

  test('a signed reply whose own words are all a request to go elsewhere keeps its stock phrases; a channel word as a noun asks nothing', () => {
    const pushOnly = analyze('Hoi Bram, mag ik je klantnummer via een privébericht? Dan bekijk ik dit even voor je. Groetjes, Lotte', { context: 'Mijn internet valt steeds weg.' });
    expect(pushOnly.flags.map((f) => f.rule)).toContain('scripted.even-nakijken');
    expect(pushOnly.verdict).not.toBe('human');
    expect(analyze('Ik heb je mail ontvangen en de nieuwe pas is al onderweg. ^JD').engagement.push).toBeNull();
    expect(analyze('Just DM us your order number. ^JD').engagement.push).not.toBeNull();
    expect(analyze('Mail ons gerust je klantnummer. ^JD').engagement.push).not.toBeNull();
  });

  test('"nobody speaks" is a hint that says who is missing and moves no score; it needs a message answered or a signature set', () => {
    const context = 'The app crashes every time I open the camera.';
    const text = 'What error do you see when the camera opens?';
    const on = analyze(text, { context });
    const off = analyze(text, { context, disabledRules: ['anonymous.no-voice'] });
    const flag = on.flags.find((f) => f.rule === 'anonymous.no-voice');
    expect(flag?.severity).toBe('hint');
    expect(flag?.suggestions[0]).toMatch(/opens\?/);
    expect(on.score).toBe(off.score);
    expect(analyze(text).flags.some((f) => f.rule === 'anonymous.no-voice')).toBe(false);
    expect(analyze(text, { signature: 'JD' }).flags.find((f) => f.rule === 'anonymous.no-voice')?.suggestions[0]).toMatch(/\^JD$/);
    expect(analyze(`${text} ^JD`, { context }).flags.some((f) => f.rule === 'anonymous.no-voice')).toBe(false);
  });

  test('soft rules are silent in a reply that speaks as a person and says something of its own, not in a signed template', () => {
    const impersonal = analyze('You can change it in our portal.', { extraRules: teamRules });
    expect(impersonal.flags.map((f) => f.rule)).toContain('process.team-portal');
    const personal = analyze('I changed your address to Elm Street for you, and you can check it in our portal. ^JD', { extraRules: teamRules });
    expect(personal.flags.map((f) => f.rule)).not.toContain('process.team-portal');
    const signedTemplate = analyze('I can help: you can change it in our portal. ^JD', { extraRules: teamRules });
    expect(signedTemplate.flags.map((f) => f.rule)).toContain('process.team-portal');
  });

  test('extra rules are validated with a clear message', () => {
    expect(() => validateExtraRules([{ id: 'bad' }])).toThrow(/rule 1: .*id/);
    expect(() => validateExtraRules([{ ...teamRules[0], unknownKey: 1 }])).toThrow(/unknownKey|Invalid key/);
    expect(() => validateExtraRules([{ ...teamRules[0], patterns: [] }])).toThrow(/at least one pattern/);
    expect(() => validateExtraRules([{ ...teamRules[0], id: 'anonymous.unsigned' }])).toThrow(/built-in/);
    expect(() => analyze('hi there, thanks for the note', { extraRules: [{ ...teamRules[0]!, examples: { match: [], pass: ['x'] } }] })).toThrow(/example/);
  });

  test('the score explanation adds up', () => {
    const r = analyze('We have passed this on to the relevant department.');
    const sum = r.explanation.steps.reduce((a, s) => a + s.delta, 0);
    expect(Math.max(0, Math.min(100, sum))).toBe(r.score);
    expect(r.explanation.steps[0]).toMatchObject({ kind: 'base' });
    expect(r.explanation.summary).toBeTruthy();
  });

  test('a signature does not rescue a generic reply; a missing one does not sink a specific answer', () => {
    const template = analyze("I'm sorry to hear this. Please DM me your order number and I'll look into it. ^KC", { context: 'My parcel is lost and nobody answers' });
    expect(template.verdict).not.toBe('human');
    expect(template.flags.map((f) => f.category)).toEqual(expect.arrayContaining(['scripted', 'process']));
    const nl = analyze('Hallo Greet, kan je mij je klantnummer in privé doorsturen? Dan kijk ik het even na. Groetjes, ^^TV', { context: 'Al twee dagen geen tv meer, dit is de derde keer!' });
    expect(nl.verdict).not.toBe('human');
    const specific = analyze('Confirmation emails can take up to 24 hours; has it been longer?', { context: 'I never got my confirmation email for the booking' });
    expect(specific.verdict).toBe('human');
    expect(specific.flags.filter((f) => f.severity !== 'hint')).toEqual([]);
  });

  test('function words, a greeting in English and channel words are not words of its own', () => {
    const words = (text: string, context: string, lang?: 'en' | 'nl') => {
      const r = analyze(text, { context, lang });
      return r.engagement.substance.map((s) => text.slice(s.start, s.end).toLowerCase());
    };
    const en = words("I am glad you wrote. We can't see accounts via Twitter, so either DM us or call.", 'My bill is wrong');
    for (const w of ['am', "can't", 'via', 'either']) expect(en).not.toContain(w);
    const nl = words('Hello Sam, kan je je vraag even in mp sturen? Ze bekijken het daarna.', 'Mijn factuur klopt niet', 'nl');
    for (const w of ['sam', 'mp', 'ze']) expect(nl).not.toContain(w);
  });

  test('a feeling left unacknowledged is not outweighed by a signature, a question and a few words', () => {
    const context = 'THIRD time this week the wifi drops, I am so fed up 😡';
    // With the fitted 13 points this one scored 71, human; a feeling ignored now costs 20.
    const cold = analyze('Which router model do you have at home? ^JD', { context });
    expect(cold.engagement.heat).not.toBeNull();
    expect(cold.explanation.steps.map((s) => s.id)).toEqual(expect.arrayContaining(['cold-to-feeling', 'own-question', 'signed']));
    expect(cold.verdict).not.toBe('human');
    const warm = analyze('Three drops in a week is maddening, sorry. Which router model do you have at home? ^JD', { context });
    expect(warm.verdict).toBe('human');
  });

  test('a short answer to a thank-you is not sunk by its voice', () => {
    const r = analyze('Glad we could help!', { context: 'All sorted now, thanks so much!' });
    expect(r.engagement.thanked).toBe(true);
    expect(r.explanation.steps.map((s) => s.id)).not.toEqual(expect.arrayContaining(['unsigned']));
    expect(r.explanation.steps.map((s) => s.id)).not.toContain('corporate-we');
  });

  test('answering a thank-you, one stock closer moves no score; a second one does', () => {
    const context = 'The new router is flying, thanks so much for sorting it!';
    const one = analyze('So glad it is flying now! Have a great week. ^JD', { context });
    expect(one.engagement.thanked).toBe(true);
    expect(one.flags.map((f) => f.category)).toContain('scripted');
    expect(one.explanation.steps.map((s) => s.id)).not.toContain('scripted');
    const two = analyze('Thanks for reaching out! Have a great week. ^JD', { context });
    expect(two.explanation.steps.map((s) => s.id)).toContain('scripted');
    // Without the thank-you, the same closer counts.
    expect(analyze('So glad it is flying now! Have a great week. ^JD', { context: 'Is the router fixed yet?' }).explanation.steps.map((s) => s.id)).toContain('scripted');
  });

  test('an angry emoji is heat, and praise next to it is not a thank-you', () => {
    const en = analyze('Glad to hear it! ^JD', { context: 'Waited an hour at the door, your drivers are just perfect 😡' }).engagement;
    expect(en.heat).toContain('😡');
    expect(en.thanked).toBe(false);
    const nl = analyze('Kan je de winkel in privé doorsturen?', { context: 'Een half uur aan de deur gewacht. Echt top 🤬' });
    expect(nl.engagement.heat).toContain('🤬');
    expect(nl.engagement.thanked).toBe(false);
    expect(nl.verdict).not.toBe('human');
    // Without one, the same praise is a thank-you.
    expect(analyze('Glad to hear it! ^JD', { context: 'Your drivers are just perfect 😀' }).engagement.thanked).toBe(true);
  });

  test('"no name" and "the company speaks" move the score only where the reply says nothing of its own', () => {
    const steps = (text: string, context: string) => analyze(text, { context }).explanation.steps.map((s) => s.id);
    // Engaged (their words, a cause): the company voice is a hint, not a step down.
    const engaged = steps('We moved the Leeds depot run to Thursday because the van broke down, so your sofa comes then.', 'Where is my sofa? It was due on Monday');
    expect(engaged).not.toContain('unsigned');
    expect(engaged).not.toContain('corporate-we');
    // Generic: the same voice counts against it.
    const generic = steps('We are here to help. Let us know if there is anything we can do.', 'Where is my sofa? It was due on Monday');
    expect(generic).toContain('unsigned');
    // A push with nothing else is not rescued either.
    const push = steps('We need your order number, please send us a DM.', 'Where is my sofa? It was due on Monday');
    expect(push).toContain('push-only');
    expect(push).toEqual(expect.arrayContaining(['unsigned']));
    const nl = steps('We hebben de rit naar Gent naar donderdag verplaatst omdat de bestelwagen pech had, dus je zetel komt dan.', 'Waar blijft mijn zetel? Hij moest maandag komen');
    expect(nl).not.toContain('unsigned');
    expect(nl).not.toContain('corporate-we');
    // The flag stays, as a hint where it moved nothing and as a warning where it did.
    const severity = (text: string) => analyze(text, { context: 'Where is my sofa? It was due on Monday' }).flags.find((f) => f.rule === 'anonymous.unsigned')?.severity;
    expect(severity('We moved the Leeds depot run to Thursday because the van broke down, so your sofa comes then.')).toBe('hint');
    expect(severity('We are here to help. Let us know if there is anything we can do.')).toBe('warning');
  });

  test('the engagement says what the reply takes up from the message, and what it left out', () => {
    const context = 'My order 5512 never arrived. Will it come before Friday?';
    const engaged = analyze('Order 5512 is at the Leeds depot because the van broke down; it arrives Thursday. ^JD', { context });
    expect(engaged.engagement.compared).toBe(true);
    expect(engaged.engagement.level).toBe('engaged');
    expect(engaged.engagement.echoes.map((e) => e.text)).toEqual(expect.arrayContaining(['5512']));
    expect(engaged.engagement.cause).not.toBeNull();
    expect(engaged.engagement.pointers).toEqual([]);
    const generic = analyze('Thanks for reaching out! We are happy to help.', { context });
    expect(generic.engagement.level).toBe('none');
    expect(generic.engagement.asked).toBe('Will it come before Friday?');
    expect(generic.engagement.pointers.join(' ')).toContain('Will it come before Friday?');
    expect(generic.verdict).not.toBe('human');
    const placed = analyze('Let me know.', { context: 'My order 5512 is not here yet. Will it come before Friday?' }).flags.find((f) => f.rule === 'scripted.nothing-specific');
    expect(placed?.message).toContain('Will it come before Friday?');
    const nl = analyze('Bedankt voor je bericht! We helpen je graag verder.', { context: 'Dit is al de derde keer dat mijn pakket kwijt is!' });
    expect(nl.engagement.pointers.join(' ')).toMatch(/Ze schrijven “.*derde keer.*”: erken dat eerst\./);
    const alone = analyze('Thanks for reaching out! We are happy to help.');
    expect(alone.engagement.compared).toBe(false);
    expect(alone.engagement.pointers.join(' ')).toMatch(/could not be compared/);
  });

  test('every step that moves the score is shown with its reason', () => {
    const r = analyze("I'm sorry to hear this. Please DM me your order number and I'll look into it. ^KC", { context: 'My parcel is lost' });
    for (const s of r.explanation.steps) {
      expect(s.label.length).toBeGreaterThan(0);
      if (s.kind !== 'base') expect(s.delta).not.toBe(0);
    }
    expect(Object.keys(r.explanation.features).length).toBeGreaterThan(10);
  });

  test('strictness moves the score', () => {
    const text = 'We have passed this on to the relevant department.';
    const relaxed = analyze(text, { strictness: 'relaxed' }).score;
    const normal = analyze(text).score;
    const strict = analyze(text, { strictness: 'strict' }).score;
    expect(relaxed).toBeGreaterThan(normal);
    expect(normal).toBeGreaterThan(strict);
  });

  test('the language can be forced', () => {
    expect(analyze('ok', { lang: 'nl' }).lang).toBe('nl');
    expect(analyze('Bedankt voor je bericht, ik kijk ernaar.', { lang: 'en' }).lang).toBe('en');
  });

  test('unacknowledged distress in the message answered is flagged, negation-aware', () => {
    const upset = analyze('The parcel is with the courier.', { context: 'Still no parcel after two weeks, this is ridiculous' });
    expect(upset.flags.map((f) => f.rule)).toContain('unempathetic.unacknowledged-distress');
    const calm = analyze('The parcel is with the courier.', { context: 'Not angry at all, just curious where it is.' });
    expect(calm.flags.map((f) => f.rule)).not.toContain('unempathetic.unacknowledged-distress');
    const notHappy = analyze('The parcel is with the courier.', { context: 'Not happy with this delivery.' });
    expect(notHappy.flags.map((f) => f.rule)).toContain('unempathetic.unacknowledged-distress');
    const nl = analyze('Het pakket ligt bij de bezorger.', { context: 'Ik ben er echt klaar mee, nog steeds niks ontvangen' });
    expect(nl.flags.map((f) => f.rule)).toContain('unempathetic.unacknowledged-distress');
  });

  test('an ignored occurrence is gone, and so is its penalty', () => {
    const text = 'We will get back to you about this tomorrow.';
    const before = analyze(text);
    const we = before.flags.find((f) => f.rule === 'anonymous.corporate-we')!;
    const after = analyze(text, { ignore: [{ rule: we.rule, text: we.text }] });
    expect(after.flags.map((f) => f.rule)).not.toContain('anonymous.corporate-we');
    expect(after.score).toBeGreaterThan(before.score);
  });

  test('the same input gives the same output', () => {
    const text = 'Fine zorbly member!!! We have passed this on. #Promo #Deals';
    expect(analyze(text, { extraRules: teamRules })).toEqual(analyze(text, { extraRules: teamRules }));
  });

  test('suggestions from the whole-reply checks apply cleanly', () => {
    const text = 'We will get back to you about this tomorrow.';
    const r = analyze(text);
    const we = r.flags.find((f) => f.rule === 'anonymous.corporate-we')!;
    expect(applySuggestion(text, we, 0)).toBe('I will get back to you about this tomorrow.');
    const unsigned = analyze(text, { signature: 'JD' }).flags.find((f) => f.rule === 'anonymous.unsigned')!;
    expect(applySuggestion(text, unsigned, 0)).toBe('We will get back to you about this tomorrow. ^JD');
  });
});

describe('word ids', () => {
  test('when the word table is full it starts afresh between replies, and results stay the same', () => {
    const replies = [
      'We apologize for any inconvenience. Please DM us your account number so we can look into this.',
      'Sorry Sam, that delay is on us. I have rebooked you on the 14:10 and will check in tomorrow. – Nadia',
      'Excuses voor het ongemak. Wij verwijzen u naar ons contactformulier. Met vriendelijke groet, Klantenservice',
    ];
    const team = { extraRules: teamRules };
    const before = replies.map((r) => [analyze(r), analyze(r, team)]);
    const epoch = wordEpoch();
    // Fill the table past its limit with words no reply has.
    const filler: string[] = [];
    for (let i = 0; i <= MAX_WORDS; i++) filler.push(`zq${i.toString(36)}`);
    wordIds(filler);
    expect(wordEpoch()).toBe(epoch);
    const after = replies.map((r) => [analyze(r), analyze(r, team)]);
    expect(wordEpoch()).toBe(epoch + 1);
    expect(after).toEqual(before);
  });

  test('long words count by their characters: an archive of unique long tokens does not grow memory without end', () => {
    analyze('warm up');
    const epoch = wordEpoch();
    const chunk = 'x'.repeat(50_000);
    for (let i = 0; i * 50_000 <= MAX_WORD_CHARS; i++) wordIds([`${i}${chunk}`]);
    expect(wordEpoch()).toBe(epoch);
    const r = analyze('We apologize for any inconvenience.');
    expect(wordEpoch()).toBe(epoch + 1);
    expect(r.flags.length).toBeGreaterThan(0);
  });

  test('a caller who only detects languages does not grow the word table without end', () => {
    const epoch = wordEpoch();
    const words = (i: number) => Array.from({ length: 10_000 }, (_, k) => `zq${i}x${k}`).join(' ');
    for (let i = 0; i * 10_000 <= MAX_WORDS + 20_000 && wordEpoch() === epoch; i++) detectLanguage(words(i));
    expect(wordEpoch()).toBe(epoch + 1);
  });
});

describe('patterns and tokens', () => {
  test('every character the tokenizer reads as part of a word, and the patterns do not, is listed', () => {
    const patternWord = /[\w\u00c0-\ud7ff]/;
    const missing: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (tokenize(`a${ch}`).words.length === 1 && tokenize(`a${ch}`).words[0]!.length === 2 && !patternWord.test(ch) && !WORD_CHARS_PATTERNS_SPLIT.test(ch)) {
        missing.push(c.toString(16));
      }
    }
    expect(missing).toEqual([]);
  });

  test('a phrase glued to such a character ("inconvenience²") is still found after an earlier one', () => {
    for (const tail of ['\u00b2', '\uff53 ok', '\u00b9 see note']) {
      const r = analyze(`Sorry for the inconvenience. Sorry for the inconvenience${tail}`);
      expect(r.flags.filter((f) => f.rule === 'scripted.inconvenience')).toHaveLength(2);
    }
  });
});
