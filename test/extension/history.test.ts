/**
 * The canned-o-meter and personal progress: fingerprints hold no text and find almost-the-same
 * replies, the history keeps 30 days of fingerprints and the day's numbers, and the worker records a
 * post and counts repeats (with a fake store and fixed days: no clock is read).
 */
import { describe, expect, test } from 'vitest';
import { handleMessage } from '../../src/background/handler.js';
import { ReplyHistory, type HistoryStore } from '../../src/background/history.js';
import { fingerprint, SAME_REPLY, similarity } from '../../src/report/fingerprint.js';
import { addTemplate, dayOf, emptyHistory, progressCsv, progressRows, readHistory, recordPost, repeatsOf, type History } from '../../src/shared/history.js';
import { DEFAULT_SETTINGS, readSettings } from '../../src/shared/settings.js';

const SALT = 0x1234abcd;
const TEMPLATE = (name: string, order: string, sign: string) =>
  `Hi ${name}, we are sorry for the trouble with order ${order}. Could you send us a DM with your postcode so that we can look into it for you? ${sign}`;

describe('fingerprints', () => {
  test('one template sent to different customers is the same reply', () => {
    const a = fingerprint(TEMPLATE('Greet', '55123', '^TV'), SALT, 'Greet')!;
    const b = fingerprint(TEMPLATE('Joost', '99871', '-Sam'), SALT, 'Joost')!;
    expect(similarity(a, b)).toBe(1);
  });

  test('a small change stays almost the same; a different reply does not', () => {
    const a = fingerprint(TEMPLATE('Greet', '1', '^TV'), SALT)!;
    const edited = fingerprint(TEMPLATE('Greet', '1', '^TV').replace('so that we can look into it for you', 'so that we can look into it for you today, promised'), SALT)!;
    const other = fingerprint('The 07:42 was cancelled because of a signal fault at Leeds; the next one runs at 08:12, and your ticket is valid on it.', SALT)!;
    expect(similarity(a, edited)).toBeGreaterThanOrEqual(SAME_REPLY);
    expect(similarity(a, edited)).toBeLessThan(1);
    expect(similarity(a, other)).toBeLessThan(0.2);
  });

  test('holds no words: only hex digits, and a different salt gives an unrelated fingerprint', () => {
    const text = TEMPLATE('Greet', '55123', '^TV');
    const fp = fingerprint(text, SALT)!;
    expect(fp).toMatch(/^[0-9a-f]{256}$/);
    for (const word of text.toLowerCase().match(/[a-z]{4,}/g)!) expect(fp).not.toContain(word);
    expect(similarity(fp, fingerprint(text, SALT ^ 1)!)).toBeLessThan(0.2);
  });

  test('too short a body has no fingerprint', () => {
    expect(fingerprint('Thanks Greet! ^TV', SALT)).toBeNull();
  });
});

const DAY = 20_000;
const post = (h: History, text: string, day: number, score = 40) =>
  recordPost(h, { fp: fingerprint(text, h.salt), score, verdict: score >= 65 ? 'human' : 'scripted', categories: score >= 65 ? [] : ['scripted', 'process', 'process'] }, day);

describe('history', () => {
  test('counts almost-the-same replies this week and in 30 days; older ones are forgotten', () => {
    let h = emptyHistory(SALT);
    h = post(h, TEMPLATE('A', '1', '^X'), DAY - 40); // gone after 30 days
    h = post(h, TEMPLATE('B', '2', '^X'), DAY - 20);
    h = post(h, TEMPLATE('C', '3', '^X'), DAY - 3);
    h = post(h, TEMPLATE('D', '4', '^X'), DAY);
    h = post(h, 'Your parcel left our depot in Ghent this morning; the courier has it now and it should reach you on Friday.', DAY);
    expect(h.prints.map((p) => p.d)).toEqual([DAY - 20, DAY - 3, DAY, DAY]);
    const fp = fingerprint(TEMPLATE('E', '5', '^Y'), SALT)!;
    expect(repeatsOf(h, fp, DAY)).toEqual({ week: 2, month: 3 });
    expect(repeatsOf(h, fp, DAY + 8)).toEqual({ week: 0, month: 3 });
  });

  test('a registered template is recognised by name, its text not kept', () => {
    const h = addTemplate(emptyHistory(SALT), 'delay', fingerprint(TEMPLATE('', '', ''), SALT)!);
    expect(JSON.stringify(h)).not.toMatch(/postcode|sorry/);
    const r = repeatsOf(h, fingerprint(TEMPLATE('Greet', '7', '^TV'), SALT)!, DAY);
    expect(r.template?.name).toBe('delay');
    expect(r.template!.similarity).toBeGreaterThanOrEqual(SAME_REPLY);
  });

  test('the day figures: replies, average score, verdicts, flagged categories, near repeats; CSV and rows', () => {
    let h = emptyHistory(SALT);
    h = post(h, TEMPLATE('A', '1', '^X'), DAY, 30);
    h = post(h, TEMPLATE('B', '2', '^X'), DAY, 40);
    h = post(h, 'Found it: the refund of €12.50 went out on Monday, so it should be in your account by Wednesday.', DAY, 90);
    const [row] = progressRows(h, DAY, 1);
    expect(row).toMatchObject({ replies: 3, averageScore: 53, human: 1, scripted: 2, repeats: 1 });
    expect(row!.topFlags).toEqual([
      ['process', 2],
      ['scripted', 2],
    ]);
    expect(progressRows(h, DAY, 30)).toHaveLength(30);
    const csv = progressCsv(h).trim().split('\n');
    expect(csv[0]).toMatch(/^date,replies,average_score,human,mixed,scripted,near_repeats,flagged_scripted,flagged_process/);
    expect(csv[1]).toMatch(/^\d{4}-\d\d-\d\d,3,53,1,0,2,1,2,2,/);
  });

  test('a broken store starts again and keeps a readable salt', () => {
    expect(readHistory({ salt: 77, prints: 'nonsense' }, () => 5)).toEqual(emptyHistory(77));
    expect(readHistory('junk', () => 5)).toEqual(emptyHistory(5));
    expect(readHistory(undefined, () => 9).salt).toBe(9);
  });

  test('the day is the local calendar day', () => {
    const d = new Date(2026, 11, 7, 23, 59);
    expect(dayOf(d)).toBe(dayOf(new Date(2026, 11, 7, 0, 1)));
    expect(dayOf(new Date(2026, 11, 8, 0, 1))).toBe(dayOf(d) + 1);
  });
});

function fakeStore(day = DAY): HistoryStore & { saved: History[] } {
  let stored = emptyHistory(SALT);
  const saved: History[] = [];
  return {
    saved,
    load: async () => stored,
    save: async (h) => {
      stored = h;
      saved.push(h);
    },
    today: () => day,
  };
}

const OWN = 'abcdefghijklmnopabcdefghijklmnop';

describe('the worker', () => {
  test('records a post (numbers and a fingerprint only) and counts it in the next analysis', async () => {
    const store = fakeStore();
    const history = new ReplyHistory(store);
    const ask = (m: unknown) => handleMessage(m, { id: OWN }, OWN, async () => DEFAULT_SETTINGS, undefined, history)!;
    const text = TEMPLATE('Greet', '55123', '^TV');
    expect(await ask({ type: 'analyze', text })).toMatchObject({ ok: true, value: { repeats: { week: 0, month: 0 } } });
    expect(await ask({ type: 'posted', text, author: 'Greet' })).toEqual({ ok: true, value: true });
    expect(await ask({ type: 'posted', text: TEMPLATE('Joost', '2', '-Sam') })).toEqual({ ok: true, value: true });
    const reply = await ask({ type: 'analyze', text: TEMPLATE('Priya', '3', '^TV') });
    expect(reply).toMatchObject({ ok: true, value: { repeats: { week: 2, month: 2 } } });
    const json = JSON.stringify(store.saved.at(-1));
    for (const word of ['sorry', 'postcode', 'Greet', 'trouble', '55123']) expect(json).not.toContain(word);
    expect(store.saved.at(-1)!.days[String(DAY)]!.n).toBe(2);
  });

  test('remembers nothing when the person switched it off', async () => {
    const store = fakeStore();
    const history = new ReplyHistory(store);
    const off = readSettings({ remember: false });
    const ask = (m: unknown) => handleMessage(m, { id: OWN }, OWN, async () => off, undefined, history)!;
    expect(await ask({ type: 'posted', text: TEMPLATE('Greet', '1', '^TV') })).toEqual({ ok: true, value: false });
    const reply = await ask({ type: 'analyze', text: TEMPLATE('Greet', '1', '^TV') });
    expect(reply.ok && 'repeats' in (reply.value as object)).toBe(false);
    expect(store.saved).toHaveLength(0);
  });

  test('a posted message is validated like any other', async () => {
    const history = new ReplyHistory(fakeStore());
    const ask = (m: unknown) => handleMessage(m, { id: OWN }, OWN, async () => DEFAULT_SETTINGS, undefined, history)!;
    expect(await ask({ type: 'posted', text: 5 })).toEqual({ ok: false, error: 'invalid message' });
    expect(await ask({ type: 'posted', text: 'hi', fp: 'x' })).toEqual({ ok: false, error: 'invalid message' });
  });

  test("a policy guide's templates are registered by fingerprint, once, in the same queue as the posts", async () => {
    const store = fakeStore();
    const history = new ReplyHistory(store);
    const ask = (m: unknown) => handleMessage(m, { id: OWN }, OWN, async () => DEFAULT_SETTINGS, undefined, history)!;
    const posting = ask({ type: 'posted', text: TEMPLATE('Greet', '1', '^TV') });
    const list = [{ name: 'delay', text: TEMPLATE('{name}', '{order}', '') }, { name: 'too short', text: 'Thanks!' }];
    await Promise.all([posting, history.templates(list)]);
    const last = store.saved.at(-1)!;
    expect(last.templates.map((t) => t.name)).toEqual(['delay']);
    expect(last.days[String(DAY)]!.n).toBe(1);
    expect(JSON.stringify(last)).not.toMatch(/sorry|postcode|DM/);
    const writes = store.saved.length;
    await history.templates(list);
    expect(store.saved).toHaveLength(writes);
    const reply = await ask({ type: 'analyze', text: TEMPLATE('Priya', '3', '^TV') });
    expect(reply).toMatchObject({ ok: true, value: { repeats: { template: { name: 'delay' } } } });
  });

  test('a store that cannot be read does not stop the analysis', async () => {
    const history = new ReplyHistory({ load: () => Promise.reject(new Error('quota')), save: async () => undefined, today: () => DAY });
    const reply = await handleMessage({ type: 'analyze', text: TEMPLATE('Greet', '1', '^TV') }, { id: OWN }, OWN, async () => DEFAULT_SETTINGS, undefined, history)!;
    expect(reply).toMatchObject({ ok: true, value: { lang: 'en' } });
  });
});
