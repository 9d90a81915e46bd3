// @vitest-environment happy-dom
/** "Teach a site once": the rule derived from the element the person pointed at, and how a taught rule is applied. */
import { beforeEach, describe, expect, test } from 'vitest';
import { applyRule, findContext } from '../../src/content/context.js';
import { deriveRule, generatedClass } from '../../src/content/picker/derive.js';
import { FACEBOOK, GENERIC, X } from '../../src/content/sites/adapters.js';

beforeEach(() => {
  document.body.replaceChildren();
});

function mount(html: string): void {
  // Test markup written here, not page text.
  document.body.insertAdjacentHTML('beforeend', html);
}
const $ = <E extends Element = HTMLElement>(s: string) => document.querySelector<E>(s) as unknown as E;

const CONSOLE = `
  <main class="wc-main">
    <section class="wc-thread" data-conversation="c-1041">
      <article class="wc-msg css-1x2y3z" data-from="customer"><div class="meta">Tom · Mon</div><p class="wc-text sc-abc123">First message from the customer</p></article>
      <article class="wc-msg css-9k8j7h" data-from="agent"><div class="meta">Acme · Mon</div><p class="wc-text sc-abc123">Our earlier answer</p></article>
      <article class="wc-msg css-4r5t6y" data-from="customer"><div class="meta">Tom · Today</div><p class="wc-text sc-abc123" id="last">The customer's latest message</p></article>
    </section>
    <form><textarea id="box"></textarea></form>
  </main>`;

describe('generated class names', () => {
  test.each(['css-1x2y3z', 'sc-abc123', '_a1b2c3', 'x1n2onr6', 'Button_primary__3xYz1', 'jsx-2938471', 'a1b2c3'])('%s is generated', (c) => {
    expect(generatedClass(c)).toBe(true);
  });
  test.each(['wc-text', 'message', 'chat-bubble', 'customer_message'])('%s is not', (c) => {
    expect(generatedClass(c)).toBe(false);
  });
});

describe('deriving a rule from the chosen message', () => {
  test('a console thread above the box: preceding, on data-* attributes, never on generated classes', () => {
    mount(CONSOLE);
    const d = deriveRule($('#box'), $('#last'));
    expect(d).toEqual({ ok: true, rule: { preceding: 'article[data-from="customer"]', text: 'p.wc-text' }, text: "The customer's latest message" });
    if (!d.ok) return;
    expect(JSON.stringify(d.rule)).not.toMatch(/css-|sc-/);
    // The same rule finds the latest customer message of another conversation.
    $('section').innerHTML = `<article class="wc-msg css-0a0a0a" data-from="customer"><p class="wc-text sc-zz9">Another customer, another question</p></article>
      <article class="wc-msg" data-from="agent"><p class="wc-text">We answered already</p></article>`;
    expect(applyRule($('#box'), d.rule).text).toBe('Another customer, another question');
  });

  test('roles come before generated classes, and a value that is page text (a name) is not used', () => {
    mount(`<div class="r-1oszu61"><div role="listitem" data-author="tomb" class="_3xk2a"><span class="x1lliihq" data-kind="body">Where is my parcel?</span><span>tomb</span></div></div>
      <div contenteditable="true" id="box"></div>`);
    const d = deriveRule($('#box'), $('[data-kind]'));
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.rule).toEqual({ preceding: 'div[role="listitem"][data-author]', text: 'span[data-kind="body"]' });
    expect(d.text).toBe('Where is my parcel?');
  });

  test('a box inside the comment it answers, one of several comments: closest', () => {
    mount(`<div role="article" data-kind="comment"><p dir="auto">First comment</p></div>
      <div role="article" data-kind="comment"><p dir="auto">The one answered</p><div contenteditable="true" id="box"></div></div>`);
    const d = deriveRule($('#box'), document.querySelectorAll('p')[1]!);
    expect(d).toEqual({ ok: true, rule: { closest: 'div[role="article"][data-kind="comment"]', text: 'p[dir="auto"]' }, text: 'The one answered' });
  });

  test('the chosen element itself can be the message: its text is its own (:scope)', () => {
    mount(`<div><div data-message="customer"><b>Tom</b> Refund still missing</div><div data-message="agent">Sorry!</div></div><textarea id="box"></textarea>`);
    const d = deriveRule($('#box'), $('[data-message="customer"]'));
    expect(d).toEqual({ ok: true, rule: { preceding: 'div[data-message="customer"]', text: ':scope' }, text: 'Tom Refund still missing' });
  });

  test('tag names when nothing else is stable; generated classes still avoided', () => {
    mount(`<div class="sc-aaa111"><blockquote class="css-q1w2e3">Quoted customer text</blockquote></div><textarea id="box"></textarea>`);
    const d = deriveRule($('#box'), $('blockquote'));
    expect(d.ok).toBe(true);
    if (d.ok) {
      expect(JSON.stringify(d.rule)).not.toMatch(/sc-|css-/);
      expect(applyRule($('#box'), d.rule).text).toBe('Quoted customer text');
    }
  });

  test('the reply box, what holds it, or an empty element: nothing derived', () => {
    mount(`<form id="f"><p id="empty"> </p><textarea id="box"></textarea></form>`);
    expect(deriveRule($('#box'), $('#box'))).toEqual({ ok: false, reason: 'box' });
    expect(deriveRule($('#box'), $('#f'))).toEqual({ ok: false, reason: 'box' });
    expect(deriveRule($('#box'), $('#empty'))).toEqual({ ok: false, reason: 'empty' });
  });

  test('no stable rule finds it: says so', () => {
    // Two identical messages with nothing stable to tell them apart, the wanted one first.
    mount(`<div class="x1a2b3"><span class="x9y8z7">Wanted message</span></div><div class="x1a2b3"><span class="x9y8z7">Later message</span></div><textarea id="box"></textarea>`);
    expect(deriveRule($('#box'), $('span'))).toEqual({ ok: false, reason: 'unstable' });
  });

  test('an element of another document is not this box’s page', () => {
    mount(`<textarea id="box"></textarea>`);
    const other = document.implementation.createHTMLDocument('other');
    other.body.innerHTML = '<p>Elsewhere</p>';
    expect(deriveRule($('#box'), other.querySelector('p')!)).toEqual({ ok: false, reason: 'elsewhere' });
  });
});

describe('a taught rule applied', () => {
  test('a selector that no longer parses, or finds nothing, gives nothing and never throws', () => {
    mount(CONSOLE);
    expect(applyRule($('#box'), { preceding: 'article[data-from=', text: 'p' })).toEqual({});
    expect(applyRule($('#box'), { preceding: 'article', text: '::nonsense(' })).toEqual({});
    expect(applyRule($('#box'), { closest: '[data-gone]', text: 'p' })).toEqual({});
    expect(findContext($('#box'), GENERIC, { preceding: '>>>', text: 'p' }, 'taught-first')).toEqual({});
  });

  test('on a turned-on site the taught rule is used; on a supported site the adapter comes first and the taught rule after', () => {
    mount(CONSOLE);
    const rule = { preceding: 'article[data-from="customer"]', text: 'p.wc-text' };
    expect(findContext($('#box'), GENERIC, rule, 'taught-first')).toEqual({ text: "The customer's latest message", taught: true });
    document.body.insertAdjacentHTML('afterbegin', '<article data-testid="tweet"><div data-testid="tweetText">The tweet</div></article>');
    expect(findContext($('#box'), X, rule, 'adapter-first')).toEqual({ text: 'The tweet' });
    expect(findContext($('#box'), FACEBOOK, rule, 'adapter-first')).toEqual({ text: "The customer's latest message", taught: true });
  });
});
