/**
 * The supported sites. X and Facebook are checked against fixtures built with their real editor
 * libraries (Draft.js, Lexical); see test/e2e/fixtures/README.md for where each selector comes from.
 */
import type { SiteAdapter } from './types.js';

export const X: SiteAdapter = {
  id: 'x',
  name: 'X',
  hosts: ['x.com', 'twitter.com'],
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.twitter.com/*'],
  boxes: ['[data-testid^="tweetTextarea_"][contenteditable="true"]', '[data-testid^="tweetTextarea_"] [contenteditable="true"]'],
  context: [
    { preceding: 'article[data-testid="tweet"]', text: '[data-testid="tweetText"]', author: '[data-testid="User-Name"] a span, [data-testid="User-Name"] span' },
  ],
  postButtons: ['[data-testid="tweetButtonInline"]', '[data-testid="tweetButton"]'],
  submitKeys: ['mod-enter'],
};

export const FACEBOOK: SiteAdapter = {
  id: 'facebook',
  name: 'Facebook',
  hosts: ['facebook.com'],
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*', 'https://m.facebook.com/*'],
  boxes: ['[contenteditable="true"][role="textbox"][data-lexical-editor="true"]'],
  context: [
    { closest: '[role="article"][aria-label]', text: '[dir="auto"]', author: 'a[role="link"] span, strong span, strong, h3' },
    { closest: '[role="article"]', text: '[data-ad-preview="message"], [data-ad-comet-preview="message"], [data-ad-rendering-role="story_message"]', author: 'h2 a, h3 a, strong a, h2, h3, strong' },
    { preceding: '[role="article"]', text: '[data-ad-preview="message"], [data-ad-comet-preview="message"], [dir="auto"]', author: 'h2 a, h3 a, strong a, strong' },
  ],
  postButtons: ['[aria-label="Comment"][role="button"]', '[aria-label="Post"][role="button"]', '[aria-label="Reageren"][role="button"]', '[aria-label="Plaatsen"][role="button"]'],
  submitKeys: ['enter'],
};

export const LINKEDIN: SiteAdapter = {
  id: 'linkedin',
  name: 'LinkedIn',
  hosts: ['linkedin.com'],
  matches: ['https://www.linkedin.com/*'],
  boxes: ['.ql-editor[contenteditable="true"]', '[role="textbox"][contenteditable="true"]'],
  context: [{ closest: '.feed-shared-update-v2, [data-urn]', text: '.update-components-text, .feed-shared-text', author: '.update-components-actor__name span[aria-hidden="true"], .feed-shared-actor__name' }],
  postButtons: ['.comments-comment-box__submit-button', 'button.share-actions__primary-action'],
  submitKeys: [],
};

export const INSTAGRAM: SiteAdapter = {
  id: 'instagram',
  name: 'Instagram',
  hosts: ['instagram.com'],
  matches: ['https://www.instagram.com/*'],
  boxes: ['textarea[aria-label]', '[contenteditable="true"][role="textbox"]'],
  context: [{ closest: 'article', text: 'h1, ul li span', author: 'header a, h2 a' }],
  postButtons: ['form [role="button"]', 'form button[type="submit"]'],
  submitKeys: ['enter'],
};

export const BLUESKY: SiteAdapter = {
  id: 'bluesky',
  name: 'Bluesky',
  hosts: ['bsky.app'],
  matches: ['https://bsky.app/*'],
  boxes: ['.ProseMirror[contenteditable="true"]'],
  context: [{ preceding: '[data-testid^="postThreadItem"], [data-testid^="feedItem"]', text: '[data-testid="postText"]', author: 'a[aria-label] span' }],
  postButtons: ['[data-testid="composerPublishBtn"]'],
  submitKeys: ['mod-enter'],
};

export const THREADS: SiteAdapter = {
  id: 'threads',
  name: 'Threads',
  hosts: ['threads.net', 'threads.com'],
  matches: ['https://www.threads.net/*', 'https://www.threads.com/*'],
  boxes: ['[contenteditable="true"][role="textbox"]'],
  context: [{ preceding: '[data-pressable-container="true"]', text: 'span[dir="auto"]', author: 'a[href^="/@"] span' }],
  postButtons: ['[role="dialog"] [role="button"][tabindex="0"]'],
  submitKeys: ['mod-enter'],
};

export const REDDIT: SiteAdapter = {
  id: 'reddit',
  name: 'Reddit',
  hosts: ['reddit.com'],
  matches: ['https://www.reddit.com/*'],
  boxes: ['shreddit-composer [contenteditable="true"]', 'div[contenteditable="true"][role="textbox"]', 'textarea[name="text"]', 'textarea'],
  context: [
    { closest: 'shreddit-comment', text: '[slot="comment"]', author: '[slot="commentMeta"] a, faceplate-hovercard a' },
    { preceding: 'shreddit-post', text: '[slot="text-body"], [slot="title"]', author: '[slot="authorName"] a, a[href^="/user/"]' },
  ],
  postButtons: ['button[slot="submit-button"]', 'button[type="submit"]'],
  submitKeys: ['mod-enter'],
};

export const YOUTUBE: SiteAdapter = {
  id: 'youtube',
  name: 'YouTube',
  hosts: ['youtube.com'],
  matches: ['https://www.youtube.com/*'],
  boxes: ['#contenteditable-root[contenteditable="true"]'],
  context: [
    { closest: 'ytd-comment-thread-renderer, ytd-comment-view-model', text: '#content-text', author: '#author-text' },
    { preceding: 'ytd-watch-metadata', text: '#title', author: '#owner #channel-name a' },
  ],
  postButtons: ['#submit-button button', '#submit-button'],
  submitKeys: ['mod-enter'],
};

/** Mastodon runs on any host: enabled per instance by the person, recognised by its page. */
export const MASTODON: SiteAdapter = {
  id: 'mastodon',
  name: 'Mastodon',
  hosts: [],
  signature: '#mastodon, meta[name="application-name"][content="Mastodon"]',
  boxes: ['textarea.autosuggest-textarea__textarea', '.compose-form textarea'],
  context: [{ preceding: '.detailed-status, .status', text: '.status__content', author: '.display-name__html' }],
  postButtons: ['.compose-form__publish button[type="submit"]', '.compose-form button[type="submit"]'],
  submitKeys: ['mod-enter'],
};

/** Any other site the person turns on: every textarea and contenteditable box. */
export const GENERIC: SiteAdapter = {
  id: 'generic',
  name: 'Other site',
  hosts: [],
  boxes: ['textarea', '[contenteditable="true"]', '[contenteditable="plaintext-only"]'],
  context: [],
  postButtons: ['button[type="submit"]', 'input[type="submit"]'],
  submitKeys: ['mod-enter'],
};

/**
 * Local pages (the demo that `npm start` opens): X's and Facebook's boxes and any plain box. Only the
 * development build's manifest matches localhost; in a normal install it runs only if the person
 * turns coaching on for a local site.
 */
export const LOCAL: SiteAdapter = {
  id: 'local',
  name: 'Local page',
  hosts: ['localhost', '127.0.0.1'],
  boxes: [...X.boxes, ...FACEBOOK.boxes, 'textarea'],
  context: [...X.context, ...FACEBOOK.context],
  postButtons: [...X.postButtons, ...FACEBOOK.postButtons, 'button[type="submit"]'],
  submitKeys: ['mod-enter'],
};

export const SUPPORTED: readonly SiteAdapter[] = [X, FACEBOOK, LINKEDIN, INSTAGRAM, BLUESKY, THREADS, REDDIT, YOUTUBE];
export const ALL_ADAPTERS: readonly SiteAdapter[] = [...SUPPORTED, LOCAL, MASTODON, GENERIC];

export function hostMatches(host: string, adapter: SiteAdapter): boolean {
  return adapter.hosts.some((h) => host === h || host.endsWith('.' + h));
}

/** The adapter for a page: a supported site by host, Mastodon by its page, else the generic one. */
export function adapterFor(host: string, doc: Document, extraOrigin: boolean): SiteAdapter | null {
  const site = SUPPORTED.find((a) => hostMatches(host, a));
  if (site) return site;
  if (hostMatches(host, LOCAL)) return LOCAL;
  if (!extraOrigin) return null;
  if (MASTODON.signature && doc.querySelector(MASTODON.signature)) return MASTODON;
  return GENERIC;
}
