/** The worker validates every message and answers only this extension. */
import { describe, expect, test } from 'vitest';
import { handleMessage } from '../../src/background/handler.js';
import { MAX_TEXT } from '../../src/shared/messages.js';
import { DEFAULT_SETTINGS, readSettings } from '../../src/shared/settings.js';

const OWN = 'abcdefghijklmnopabcdefghijklmnop';
const settings = async () => DEFAULT_SETTINGS;
const ask = (message: unknown, id = OWN) => handleMessage(message, { id }, OWN, settings);

describe('worker messages', () => {
  test('analyses a valid request', async () => {
    const reply = await ask({ type: 'analyze', text: 'We will look into this and get back to you.' });
    expect(reply).toMatchObject({ ok: true, value: { lang: 'en' } });
  });

  test('ignores other extensions and web pages entirely', () => {
    expect(ask({ type: 'analyze', text: 'x' }, 'someotherextensionid')).toBeUndefined();
    expect(handleMessage({ type: 'analyze', text: 'x' }, {}, OWN, settings)).toBeUndefined();
  });

  test.each([
    ['not an object', 'analyze this'],
    ['null', null],
    ['unknown type', { type: 'eval', code: 'alert(1)' }],
    ['text not a string', { type: 'analyze', text: 42 }],
    ['extra keys', { type: 'analyze', text: 'hi', __proto__x: 1, extra: true }],
    ['text too long', { type: 'analyze', text: 'a'.repeat(MAX_TEXT + 1) }],
    ['bad ignore list', { type: 'analyze', text: 'hi', ignore: [{ rule: 1 }] }],
    ['author too long', { type: 'analyze', text: 'hi', author: 'x'.repeat(1000) }],
  ])('rejects %s without analysing', async (_name, message) => {
    expect(await ask(message)).toEqual({ ok: false, error: 'invalid message' });
  });

  test('answers ping', async () => {
    expect(await ask({ type: 'ping' })).toEqual({ ok: true, value: 'pong' });
  });

  test('applies the settings: disabled rules and the signature', async () => {
    const s = readSettings({ disabledRules: ['anonymous.corporate-we'], signature: 'JD' });
    const reply = await handleMessage({ type: 'analyze', text: 'We will look into this and get back to you.' }, { id: OWN }, OWN, async () => s);
    if (!reply || !('value' in (await reply))) throw new Error('no reply');
    const value = ((await reply) as { value: { flags: { rule: string; suggestions: string[] }[] } }).value;
    expect(value.flags.map((f) => f.rule)).not.toContain('anonymous.corporate-we');
    expect(value.flags.find((f) => f.rule === 'anonymous.unsigned')?.suggestions[0]).toMatch(/\^JD$/);
  });
});

describe('settings', () => {
  test('a broken settings object keeps every valid field and falls back for the rest', () => {
    const s = readSettings({ prePost: 'sometimes', signature: 'Sanne', disabledRules: 'all', strictness: 'strict' });
    expect(s).toMatchObject({ prePost: 'scripted', signature: 'Sanne', disabledRules: [], strictness: 'strict' });
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });
});

describe('brand voice', () => {
  type Flags = { flags: { rule: string; text: string; suggestions: string[] }[] };
  const voiceFlags = async (address: 'any' | 'je' | 'u', text: string) => {
    const reply = await handleMessage({ type: 'analyze', text }, { id: OWN }, OWN, async () => readSettings({ address }));
    if (!reply?.ok) throw new Error('not analysed');
    return (reply.value as Flags).flags.filter((f) => f.rule === 'formal.huisstijl-aanspreking');
  };
  const text = 'Dag Ilse, ik heb uw pakket teruggevonden in Gent; het komt morgen. ^JD';

  test('a team that says "je" gets "u" pointed out in Dutch, with the "je" form to use', async () => {
    expect(await voiceFlags('je', text)).toMatchObject([{ text: 'uw', suggestions: ['je'] }]);
  });

  test('without a brand voice, or with "u", the same reply passes', async () => {
    expect(await voiceFlags('any', text)).toEqual([]);
    expect(await voiceFlags('u', text)).toEqual([]);
  });
});

describe('register', () => {
  test('a formal house style hears only about the stiffest officialese', async () => {
    const text = 'Middels dit bericht laat ik u weten dat uw pakket morgen komt. ^JD';
    const rules = async (register: 'plain' | 'formal') => {
      const reply = await handleMessage({ type: 'analyze', text }, { id: OWN }, OWN, async () => readSettings({ register }));
      if (!reply?.ok) throw new Error('not analysed');
      return (reply.value as { flags: { rule: string }[] }).flags.map((f) => f.rule);
    };
    expect(await rules('plain')).toContain('formal.middels');
    expect(await rules('formal')).not.toContain('formal.middels');
  });
});
