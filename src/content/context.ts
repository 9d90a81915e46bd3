/** The message a reply box answers, and its author, found by the site adapter's rules or a rule taught for the site. */
import type { ContextRule, SiteAdapter } from './sites/types.js';

const MAX_CONTEXT = 5000;

export interface FoundContext {
  text?: string;
  author?: string;
  /** Found by the rule taught for this site (the element picker or a team guide), not by the adapter. */
  taught?: boolean;
}

export function cleanText(s: string | null | undefined, max = MAX_CONTEXT): string | undefined {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, max) : undefined;
}

/** querySelectorAll that answers an empty list for a selector that does not parse (a stored rule may hold one). */
function all(root: ParentNode, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

function closest(el: Element | null | undefined, selector: string): Element | null {
  try {
    return el?.closest(selector) ?? null;
  } catch {
    return null;
  }
}

/** The last element matching `selector` that starts before `el` in the document (or contains it). */
function preceding(el: Element, selector: string): Element | null {
  let found: Element | null = null;
  for (const candidate of all(el.ownerDocument, selector)) {
    if (candidate.contains(el)) {
      found = candidate;
      continue;
    }
    if (candidate.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) found = candidate;
    else break;
  }
  return found;
}

/**
 * Where the box is, seen from each document that holds it: the box itself, then, for a box inside
 * frames of the same origin (TinyMCE's srcdoc frame, an editor's iframe), each frame element outwards.
 * A console's thread is usually in the page and its editor in a frame: the rule is looked for from the
 * frame element there.
 */
export function placesOf(el: Element): Element[] {
  const out: Element[] = [el];
  let win = el.ownerDocument.defaultView;
  while (win) {
    let frame: Element | null = null;
    try {
      frame = win.frameElement;
    } catch {
      frame = null; // another origin's frame: not ours to read
    }
    if (!frame) break;
    out.push(frame);
    win = frame.ownerDocument.defaultView;
  }
  return out;
}

/** A rule's `text` that names the container itself (the container is the message). */
export const SCOPE = ':scope';

/** The element one rule finds for the box `el`, and its container; null when it finds nothing. Never throws. */
export function matchRule(el: HTMLElement, rule: ContextRule): { container: Element; textEl: Element } | null {
  for (const place of placesOf(el)) {
    const container = rule.closest ? closest(place.parentElement, rule.closest) : rule.preceding ? preceding(place, rule.preceding) : null;
    if (!container) continue;
    // The message text must not be the reply box itself (or inside it), nor the frame that holds it.
    const textEl = (rule.text === SCOPE ? [container] : all(container, rule.text)).find(
      (n) => !n.contains(place) && !place.contains(n) && !n.closest('[contenteditable="true"], human-tone-coach, human-tone-picker') && cleanText(n.textContent),
    );
    if (textEl) return { container, textEl };
  }
  return null;
}

/** What one rule finds for the box `el` (empty when nothing). Never throws. */
export function applyRule(el: HTMLElement, rule: ContextRule): FoundContext {
  try {
    const m = matchRule(el, rule);
    if (!m) return {};
    const text = cleanText(m.textEl.textContent);
    if (!text) return {};
    let author: string | undefined;
    if (rule.author) author = cleanText(all(m.container, rule.author)[0]?.textContent, 100);
    return { text, author };
  } catch {
    return {};
  }
}

/**
 * The message answered: the adapter's rules, and the rule taught for this site (if any) in the order
 * `order` says (see PageCoach.contextOrder for why it differs between supported and turned-on sites).
 */
export function findContext(el: HTMLElement, adapter: SiteAdapter, taught: ContextRule | null = null, order: 'adapter-first' | 'taught-first' = 'adapter-first'): FoundContext {
  const fromTaught = (): FoundContext | null => {
    if (!taught) return null;
    const found = applyRule(el, taught);
    return found.text ? { ...found, taught: true } : null;
  };
  if (order === 'taught-first') {
    const t = fromTaught();
    if (t) return t;
  }
  for (const rule of adapter.context) {
    const found = applyRule(el, rule);
    if (found.text) return found;
  }
  if (order === 'adapter-first') return fromTaught() ?? {};
  return {};
}
