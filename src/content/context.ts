/** The message a reply box answers, and its author, found by the site adapter's rules. */
import type { SiteAdapter } from './sites/types.js';

const MAX_CONTEXT = 5000;

export interface FoundContext {
  text?: string;
  author?: string;
}

function clean(s: string | null | undefined, max: number): string | undefined {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, max) : undefined;
}

/** The last element matching `selector` that starts before `el` in the document (or contains it). */
function preceding(el: HTMLElement, selector: string): Element | null {
  const all = el.ownerDocument.querySelectorAll(selector);
  let found: Element | null = null;
  for (const candidate of all) {
    if (candidate.contains(el)) {
      found = candidate;
      continue;
    }
    if (candidate.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) found = candidate;
    else break;
  }
  return found;
}

export function findContext(el: HTMLElement, adapter: SiteAdapter): FoundContext {
  for (const rule of adapter.context) {
    const container = rule.closest ? el.parentElement?.closest(rule.closest) : rule.preceding ? preceding(el, rule.preceding) : null;
    if (!container) continue;
    // The message text must not be the reply box itself (or inside it).
    const textEl = [...container.querySelectorAll(rule.text)].find((n) => !n.contains(el) && !el.contains(n) && !n.closest('[contenteditable="true"]'));
    const text = clean(textEl?.textContent, MAX_CONTEXT);
    if (!text) continue;
    const authorEl = rule.author ? container.querySelector(rule.author) : null;
    return { text, author: clean(authorEl?.textContent, 100) };
  }
  return {};
}
