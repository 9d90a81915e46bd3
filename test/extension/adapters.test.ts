// @vitest-environment happy-dom
/** Site adapters are data: each finds its reply box, and the message answered, in its site's markup. */
import { beforeEach, describe, expect, test } from 'vitest';
import { findContext } from '../../src/content/context.js';
import { readContentEditable } from '../../src/content/editors/surface.js';
import { adapterFor, ALL_ADAPTERS, BLUESKY, FACEBOOK, GENERIC, INSTAGRAM, LINKEDIN, LOCAL, MASTODON, REDDIT, THREADS, X, YOUTUBE } from '../../src/content/sites/adapters.js';
import type { SiteAdapter } from '../../src/content/sites/types.js';

beforeEach(() => {
  document.body.replaceChildren();
});

function mount(html: string): void {
  // Test markup written here, not page text.
  document.body.insertAdjacentHTML('beforeend', html);
}

function boxesOf(adapter: SiteAdapter): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(adapter.boxes.join(','))];
}

const cases: [SiteAdapter, string, { text?: string; author?: string }][] = [
  [
    X,
    `<article data-testid="tweet"><div data-testid="User-Name"><a><span>Priya Shah</span></a><span>@priya</span></div><div data-testid="tweetText">My order is broken again</div></article>
     <div data-testid="tweetTextarea_0" contenteditable="true" role="textbox"></div>`,
    { text: 'My order is broken again', author: 'Priya Shah' },
  ],
  [
    FACEBOOK,
    `<div role="article"><h2><a>Mark de Vries</a></h2><div data-ad-preview="message"><div dir="auto">Table arrived cracked</div></div>
     <div contenteditable="true" role="textbox" data-lexical-editor="true"></div></div>`,
    { text: 'Table arrived cracked', author: 'Mark de Vries' },
  ],
  [
    LINKEDIN,
    `<div class="feed-shared-update-v2"><div class="update-components-actor__name"><span aria-hidden="true">Sanne Bakker</span></div>
     <div class="update-components-text">Still waiting for my invoice</div><div class="ql-editor" contenteditable="true"></div></div>`,
    { text: 'Still waiting for my invoice', author: 'Sanne Bakker' },
  ],
  [INSTAGRAM, `<article><header><a>jules</a></header><ul><li><span>Love the new colours</span></li></ul><form><textarea aria-label="Add a comment…"></textarea></form></article>`, { text: 'Love the new colours' }],
  [
    BLUESKY,
    `<div data-testid="postThreadItem-by-tom"><a aria-label="Tom"><span>Tom</span></a><div data-testid="postText">App crashes on login</div></div>
     <div class="ProseMirror" contenteditable="true"></div>`,
    { text: 'App crashes on login', author: 'Tom' },
  ],
  [THREADS, `<div data-pressable-container="true"><a href="/@kim"><span>kim</span></a><span dir="auto">Where is my refund?</span></div><div contenteditable="true" role="textbox"></div>`, { text: 'Where is my refund?', author: 'kim' }],
  [
    REDDIT,
    `<shreddit-post><a href="/user/throwaway">throwaway</a><div slot="text-body">The update wiped my saves</div></shreddit-post><textarea name="text"></textarea>`,
    { text: 'The update wiped my saves', author: 'throwaway' },
  ],
  [
    YOUTUBE,
    `<ytd-comment-thread-renderer><a id="author-text">@viewer</a><span id="content-text">Audio is out of sync</span>
     <div id="contenteditable-root" contenteditable="true"></div></ytd-comment-thread-renderer>`,
    { text: 'Audio is out of sync', author: '@viewer' },
  ],
  [
    MASTODON,
    `<div id="mastodon"><div class="status"><span class="display-name__html">Ada</span><div class="status__content">Server is down</div></div>
     <div class="compose-form"><textarea class="autosuggest-textarea__textarea"></textarea></div></div>`,
    { text: 'Server is down', author: 'Ada' },
  ],
];

describe('site adapters', () => {
  test.each(cases.map(([a, html, ctx]) => [a.id, a, html, ctx] as const))('%s finds its box and what it answers', (_id, adapter, html, expected) => {
    mount(html);
    const boxes = boxesOf(adapter);
    expect(boxes.length).toBeGreaterThan(0);
    const ctx = findContext(boxes[0]!, adapter);
    if (expected.text) expect(ctx.text).toBe(expected.text);
    if (expected.author) expect(ctx.author).toBe(expected.author);
  });

  test('every adapter is complete data', () => {
    for (const a of ALL_ADAPTERS) {
      expect(a.boxes.length, a.id).toBeGreaterThan(0);
      for (const sel of [...a.boxes, ...a.postButtons, ...a.context.flatMap((c) => [c.closest, c.preceding, c.text, c.author].filter(Boolean) as string[])]) {
        expect(() => document.querySelector(sel), `${a.id}: ${sel}`).not.toThrow();
      }
    }
  });

  test('the adapter for a page: supported sites by host, Mastodon by its page, else generic only when turned on', () => {
    expect(adapterFor('x.com', document, false)).toBe(X);
    expect(adapterFor('mobile.twitter.com', document, false)).toBe(X);
    expect(adapterFor('www.facebook.com', document, false)).toBe(FACEBOOK);
    expect(adapterFor('127.0.0.1', document, false)).toBe(LOCAL);
    expect(adapterFor('example.org', document, false)).toBeNull();
    expect(adapterFor('example.org', document, true)).toBe(GENERIC);
    mount('<div id="mastodon"></div>');
    expect(adapterFor('mastodon.social', document, true)).toBe(MASTODON);
    // A look-alike host is not the site.
    expect(adapterFor('notx.com', document, false)).toBeNull();
  });

  test('the message text is never the reply box itself', () => {
    mount(`<div role="article" aria-label="Comment by Eve"><div dir="auto" contenteditable="true" role="textbox" data-lexical-editor="true">my draft</div></div>`);
    const [box] = boxesOf(FACEBOOK);
    expect(findContext(box!, FACEBOOK).text).toBeUndefined();
  });
});

describe('reading a contenteditable like its editor does', () => {
  const read = (html: string) => {
    mount(`<div id="ed" contenteditable="true">${html}</div>`);
    return readContentEditable(document.getElementById('ed')!).text;
  };

  test.each([
    ['Draft.js blocks', '<div data-contents="true"><div data-block="true"><div><span><span data-text="true">Hello</span></span></div></div><div data-block="true"><div><span><span data-text="true">world</span></span></div></div></div>', 'Hello\nworld'],
    ['Draft.js empty block between', '<div data-contents="true"><div data-block="true"><div><span><span data-text="true">a</span></span></div></div><div data-block="true"><div><span><br data-text="true"></span></div></div><div data-block="true"><div><span><span data-text="true">b</span></span></div></div></div>', 'a\n\nb'],
    ['Lexical paragraphs', '<p><span data-lexical-text="true">One</span></p><p><span data-lexical-text="true">Two</span></p>', 'One\nTwo'],
    ['Lexical line break inside a paragraph', '<p><span>One</span><br><span>Two</span></p>', 'One\nTwo'],
    ['Lexical empty paragraph', '<p><br></p>', ''],
    ['styled runs', '<p><span>We </span><strong>apologize</strong><span> for it</span></p>', 'We apologize for it'],
    ['plain text', 'just text', 'just text'],
  ])('%s', (_name, html, expected) => {
    expect(read(html)).toBe(expected);
  });

  test('offsets map back to the text nodes', () => {
    mount('<div id="ed" contenteditable="true"><p><span>We </span><strong>apologize</strong></p><p><span>Sorry</span></p></div>');
    const map = readContentEditable(document.getElementById('ed')!);
    expect(map.starts).toEqual([0, 3, 13]);
    expect(map.nodes.map((n) => n.data)).toEqual(['We ', 'apologize', 'Sorry']);
  });
});
