/**
 * "Teach a site once": from the element the person pointed at (the customer's message) and the reply
 * box, derive a context rule of the same shape as the site adapters' (a `closest` or `preceding`
 * container and a `text` selector). Pure DOM reading, no side effects.
 *
 * Stable before specific: roles, `data-*` and ARIA attributes, then a few structural attributes, then
 * tag names with class names that do not look generated, then tag names. Class names that build tools
 * generate (`css-1x2y3z`, `sc-abc123`, `_a1b2c3`, CSS-module hashes, atomic `x1n2onr6`) change with
 * every release of the site and are never used; neither are ids or values with digits (per-message
 * ids), attributes that carry text (`aria-label`, `title`, `alt`) or change with state
 * (`aria-expanded`, `aria-selected`, …), nor any value that also appears in the page's text around
 * the message (a customer's name in `data-author`): only selectors are stored, never the text.
 *
 * Which container: `closest` when the box sits inside an item that holds the message (a comment with
 * its reply box, as on Facebook) and that item repeats on the page (so the rule names a kind of item,
 * not one element); otherwise `preceding`: the last item of the chosen message's kind before the box,
 * which in a console is the customer's latest message in whichever conversation is open.
 *
 * Every candidate is checked with the same code that applies stored rules (matchRule): a rule is
 * returned only if, from the box, it finds exactly the chosen element's text.
 */
import type { ContextRule } from '../sites/types.js';
import { cleanText, matchRule, placesOf, SCOPE } from '../context.js';

export type DeriveFailure =
  /** The element is the reply box, holds it, or is inside it. */
  | 'box'
  /** The element has no text. */
  | 'empty'
  /** The element is in a document the box's page does not hold. */
  | 'elsewhere'
  /** No rule of stable selectors finds this element from the box. */
  | 'unstable';

export type Derived = { ok: true; rule: ContextRule; text: string } | { ok: false; reason: DeriveFailure };

const MAX_SELECTOR = 300;
/** At most this many candidate rules are tried (each is applied to the page): a deep page stays quick. */
const MAX_TRIES = 600;
/** Containers looked at above the chosen element, and selectors per element. */
const MAX_LEVELS = 8;
const MAX_DESCRIPTORS = 6;

/** Class names that build tools generate: they change with the site's next release. */
export function generatedClass(cls: string): boolean {
  if (!/^[A-Za-z_-][\w-]*$/.test(cls) || cls.length > 40) return true;
  if (/^(css|sc|jsx|svelte|emotion|styled|glamor|jss|makeStyles)-/i.test(cls)) return true;
  if (cls.startsWith('_')) return true;
  if (/__[\w-]*\d[\w-]*$/.test(cls)) return true; // CSS modules: Button_primary__3xYz1
  if (/[a-z]\d|\d[a-z]/i.test(cls)) return true; // letters and digits mixed: x1n2onr6, a1b2c3, Foo3k
  if (/\d{3,}/.test(cls)) return true;
  return false;
}

/** ARIA attributes that carry text or ids, or change with the element's state: never used. */
const ARIA_AVOID = new Set([
  'aria-label',
  'aria-labelledby',
  'aria-describedby',
  'aria-description',
  'aria-details',
  'aria-controls',
  'aria-owns',
  'aria-flowto',
  'aria-activedescendant',
  'aria-errormessage',
  'aria-placeholder',
  'aria-valuetext',
  'aria-valuenow',
  'aria-expanded',
  'aria-selected',
  'aria-current',
  'aria-checked',
  'aria-pressed',
  'aria-busy',
  'aria-hidden',
  'aria-disabled',
  'aria-invalid',
  'aria-posinset',
  'aria-setsize',
  'aria-rowindex',
  'aria-colindex',
  'aria-keyshortcuts',
]);
/** Other attributes that describe what an element is (not what it says). */
const STRUCTURAL = ['itemprop', 'itemtype', 'dir', 'name', 'type'];

/** Words consoles use to say what a message is or who sent it: never a person's own text, even when a message uses the word. */
const KIND_WORDS = new Set(
  'customer agent user contact visitor client staff team operator bot system incoming outgoing inbound outbound in out received sent message comment reply post body text content author public private note klant medewerker bericht reactie'.split(' '),
);

/** Whether `value` reads as a word in the page's text (lower-cased). */
function inText(value: string, pageText: string): boolean {
  const v = value.toLowerCase();
  if (v.length < 3 || KIND_WORDS.has(v)) return false;
  let at = pageText.indexOf(v);
  while (at !== -1) {
    const before = pageText[at - 1] ?? ' ';
    const after = pageText[at + v.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    at = pageText.indexOf(v, at + 1);
  }
  return false;
}

function stableValue(value: string, pageText: string): boolean {
  if (!/^[A-Za-z][A-Za-z_.:-]*$/.test(value) || value.length > 40) return false;
  // A value that also reads in the page's text (a name, a word of the message) may be the customer's
  // own: not stored.
  return !inText(value, pageText);
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

function tagOf(el: Element): string | null {
  const tag = el.localName;
  return /^[a-z][a-z0-9-]*$/.test(tag) ? tag : null;
}

/** An element's attribute conditions, most telling first: role, data-*, aria-*, then structural ones. */
function attributeParts(el: Element, pageText: string): string[] {
  const role: string[] = [];
  const data: string[] = [];
  const aria: string[] = [];
  const other: string[] = [];
  for (const { name, value } of [...el.attributes]) {
    if (!/^[a-z][a-z-]*$/.test(name)) continue; // names with digits are generated (data-v-7ba5bd90)
    if (name.startsWith('data-human-tone')) continue;
    const exact = `[${name}=${quote(value)}]`;
    if (name === 'role') {
      if (stableValue(value, pageText)) role.push(exact);
    } else if (name.startsWith('data-')) {
      // An unstable value (an id) still marks the element as one of a kind: [data-message-id].
      data.push(value !== '' && stableValue(value, pageText) ? exact : `[${name}]`);
    } else if (name.startsWith('aria-')) {
      if (!ARIA_AVOID.has(name) && stableValue(value, pageText)) aria.push(exact);
    } else if (STRUCTURAL.includes(name) && stableValue(value, pageText)) {
      other.push(exact);
    }
  }
  return [...role, ...data, ...aria, ...other];
}

function stableId(el: Element, pageText: string): string | null {
  const id = el.id;
  if (!id || !/^[A-Za-z][\w-]*$/.test(id) || generatedClass(id) || id.length > 40) return null;
  if (inText(id, pageText)) return null;
  return `#${id}`;
}

/** Selectors for one element, stable and telling first. `attributed` tells which rest on attributes. */
export function describe(el: Element, pageText: string): { selector: string; attributed: boolean }[] {
  const tag = tagOf(el);
  const out: { selector: string; attributed: boolean }[] = [];
  const seen = new Set<string>();
  const add = (selector: string, attributed: boolean) => {
    if (!selector || seen.has(selector) || selector.length > MAX_SELECTOR) return;
    seen.add(selector);
    out.push({ selector, attributed });
  };
  const parts = attributeParts(el, pageText);
  const t = tag ?? '';
  if (parts.length) {
    add(t + parts.join(''), true);
    for (const p of parts) add(t + p, true);
    for (const p of parts) add(p, true);
  }
  const classes = [...el.classList].filter((c) => !generatedClass(c) && !inText(c, pageText));
  if (tag) {
    if (classes.length) add(`${tag}.${classes.join('.')}`, false);
    for (const c of classes) add(`${tag}.${c}`, false);
    add(tag, false);
  }
  // An id names one element: the rule would find that one message only, not the next conversation's.
  const id = stableId(el, pageText);
  if (id) add(t + id, false);
  return out;
}

function commonAncestor(a: Element, b: Element): Element | null {
  for (let n: Element | null = a; n; n = n.parentElement) if (n.contains(b)) return n;
  return null;
}

function count(doc: Document, selector: string): number {
  try {
    return doc.querySelectorAll(selector).length;
  } catch {
    return 0;
  }
}

/** Text selectors for `target` inside `container`: the target's own selectors, then with one ancestor in between. */
function textSelectors(target: Element, container: Element, pageText: string): string[] {
  const own = describe(target, pageText).map((d) => d.selector);
  const out = [...own];
  for (let a = target.parentElement; a && a !== container; a = a.parentElement) {
    for (const p of describe(a, pageText).slice(0, 3)) for (const o of own.slice(0, 3)) out.push(`${p.selector} ${o}`);
  }
  return out.filter((s) => s.length <= MAX_SELECTOR).slice(0, 16);
}

/**
 * Derives a rule for the box `box` that finds the chosen element's text, or says why it cannot.
 * `chosen` may be in the box's document or in any document that holds the box's frame.
 */
export function deriveRule(box: HTMLElement, chosen: Element): Derived {
  const places = placesOf(box);
  const place = places.find((p) => p.ownerDocument === chosen.ownerDocument);
  if (!place) return { ok: false, reason: 'elsewhere' };
  if (chosen.contains(place) || place.contains(chosen) || chosen.closest('[contenteditable="true"], human-tone-coach, human-tone-picker')) return { ok: false, reason: 'box' };
  const text = cleanText(chosen.textContent);
  if (!text) return { ok: false, reason: 'empty' };
  const doc = chosen.ownerDocument;
  const common = commonAncestor(chosen, place);
  if (!common) return { ok: false, reason: 'elsewhere' };
  const pageText = (common.textContent ?? '').slice(0, 200_000).toLowerCase();
  let tries = 0;
  const verify = (rule: ContextRule): boolean => {
    if (++tries > MAX_TRIES) return false;
    const m = matchRule(box, rule);
    return !!m && cleanText(m.textEl.textContent) === text;
  };
  const top = (n: Element) => n === doc.body || n === doc.documentElement;

  // A box inside a repeated item that holds the message (a comment and its reply box): closest.
  if (!top(common)) {
    for (const d of describe(common, pageText).filter((x) => x.attributed).slice(0, MAX_DESCRIPTORS)) {
      if (count(doc, d.selector) < 2) continue;
      for (const textSel of textSelectors(chosen, common, pageText)) {
        const rule = { closest: d.selector, text: textSel };
        if (verify(rule)) return { ok: true, rule, text };
      }
    }
  }

  // Otherwise the chosen message's item, before the box: preceding. Containers are the chosen element's
  // ancestors that do not hold the box, nearest first (an item usually says more, say whose message it
  // is, than its text element), then the chosen element itself (its text is then its own, `:scope`);
  // attributed selectors before the rest.
  const containers: Element[] = [];
  for (let a = chosen.parentElement; a && a !== common && containers.length < MAX_LEVELS; a = a.parentElement) containers.push(a);
  containers.push(chosen);
  for (const attributed of [true, false]) {
    for (const container of containers) {
      for (const d of describe(container, pageText).filter((x) => x.attributed === attributed).slice(0, MAX_DESCRIPTORS)) {
        for (const textSel of container === chosen ? [SCOPE] : textSelectors(chosen, container, pageText)) {
          const rule = { preceding: d.selector, text: textSel };
          if (verify(rule)) return { ok: true, rule, text };
        }
      }
    }
  }
  return { ok: false, reason: 'unstable' };
}
