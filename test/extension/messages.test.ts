/** The limits the content script keeps to are the ones the worker enforces, and the interface names them right in both languages. */
import { describe, expect, test } from 'vitest';
import { handleMessage } from '../../src/background/handler.js';
import { translator } from '../../src/shared/i18n.js';
import { isWorkerReply, MAX_AUTHOR, MAX_IGNORED, MAX_IGNORED_TEXT, MAX_TEXT, parseMessage, BoxStatus } from '../../src/shared/messages.js';
import { DEFAULT_SETTINGS } from '../../src/shared/settings.js';

const OWN = 'abcdefghijklmnopabcdefghijklmnop';
const ask = (message: unknown) => handleMessage(message, { id: OWN }, OWN, async () => DEFAULT_SETTINGS);

describe('limits', () => {
  test('the badge names the limit the worker enforces, in English and Dutch', () => {
    expect(translator('en')('verdict_tooLong')).toBe(`Too long to coach: over ${MAX_TEXT.toLocaleString('en')} characters`);
    expect(translator('nl')('verdict_tooLong')).toBe(`Te lang om te coachen: meer dan ${MAX_TEXT.toLocaleString('nl')} tekens`);
  });

  test('a request at every limit is analysed; one past any limit is refused', async () => {
    const ignore = Array.from({ length: MAX_IGNORED }, () => ({ rule: 'r'.repeat(MAX_AUTHOR), text: 'x'.repeat(MAX_IGNORED_TEXT) }));
    const atLimit = { type: 'analyze', text: 'a '.repeat(MAX_TEXT / 2), author: 'n'.repeat(MAX_AUTHOR), ignore };
    expect(await ask(atLimit)).toMatchObject({ ok: true });
    expect(await ask({ ...atLimit, text: atLimit.text + 'a' })).toEqual({ ok: false, error: 'invalid message' });
    expect(await ask({ ...atLimit, ignore: [...ignore, ignore[0]] })).toEqual({ ok: false, error: 'invalid message' });
  });
});

describe('replies', () => {
  test('the envelope of a worker reply is checked before it is used', () => {
    expect(isWorkerReply({ ok: true, value: 1 })).toBe(true);
    expect(isWorkerReply({ ok: false, error: 'x' })).toBe(true);
    expect(isWorkerReply({ ok: true })).toBe(false);
    expect(isWorkerReply({ ok: false })).toBe(false);
    expect(isWorkerReply(undefined)).toBe(false);
    expect(isWorkerReply('pong')).toBe(false);
  });

  test('the popup accepts a status answer only in its declared shape', () => {
    const good = { site: 'x', boxes: 1, active: { verdict: 'mixed', score: 50, flags: 2, lang: 'en' } };
    expect(parseMessage(BoxStatus, good)).toEqual(good);
    expect(parseMessage(BoxStatus, { ...good, active: null })).toEqual({ ...good, active: null });
    expect(parseMessage(BoxStatus, { ...good, extra: '<img>' })).toBeNull();
    expect(parseMessage(BoxStatus, { ...good, active: { ...good.active, verdict: '<b>' } })).toBeNull();
  });
});
