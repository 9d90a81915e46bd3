/**
 * Underlines with the CSS Custom Highlight API: ranges over the editor's own text nodes, registered
 * as human-tone-<category>, with no change to the editor's DOM. Every box adds its ranges; the
 * registry holds the union.
 */
import { CATEGORIES, type Category, type Severity } from '../engine/types.js';
import { CATEGORY_COLORS } from '../shared/colors.js';

export interface Mark {
  range: Range;
  category: Category;
  severity: Severity;
}

const COLORS = CATEGORY_COLORS;

const CSS_TEXT =
  CATEGORIES.map(
    (c) => `::highlight(human-tone-${c}) { text-decoration: underline wavy ${COLORS[c]}; text-decoration-thickness: 1.5px; text-underline-offset: 3px; text-decoration-skip-ink: none; }`,
  ).join('\n') +
  `\n::highlight(human-tone-problem) { background-color: rgba(220, 38, 38, 0.12); }\n::highlight(human-tone-hint) { background-color: transparent; }`;

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

let sheet: CSSStyleSheet | null = null;

/** Adds the ::highlight styles to the page without a DOM node (an adopted style sheet). */
export function installHighlightStyles(doc: Document): void {
  if (sheet) return;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS_TEXT);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

export function removeHighlightStyles(doc: Document): void {
  if (!sheet) return;
  doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  sheet = null;
}

const owners = new Map<object, Mark[]>();

/** Replaces one owner's (one box's) marks and redraws the registry. */
export function setMarks(owner: object, marks: Mark[]): void {
  if (marks.length) owners.set(owner, marks);
  else owners.delete(owner);
  redraw();
}

/**
 * The Highlight objects this script registered, by name. The registry is shared by every script on
 * the page (the page's own, and after an update the next version of this content script in another
 * script world): a name is only ever deleted while it still holds our own object.
 */
const mine = new Map<string, Highlight>();

function redraw(): void {
  if (!highlightsSupported()) return;
  const byName = new Map<string, Range[]>();
  for (const marks of owners.values()) {
    for (const m of marks) {
      const name = `human-tone-${m.category}`;
      (byName.get(name) ?? byName.set(name, []).get(name)!).push(m.range);
      if (m.severity === 'problem') (byName.get('human-tone-problem') ?? byName.set('human-tone-problem', []).get('human-tone-problem')!).push(m.range);
    }
  }
  for (const name of [...CATEGORIES.map((c) => `human-tone-${c}`), 'human-tone-problem']) {
    const ranges = byName.get(name);
    if (ranges?.length) {
      const h = new Highlight(...ranges);
      h.priority = name === 'human-tone-problem' ? 0 : 1;
      CSS.highlights.set(name, h);
      mine.set(name, h);
    } else {
      const ours = mine.get(name);
      if (ours && CSS.highlights.get(name) === ours) CSS.highlights.delete(name);
      mine.delete(name);
    }
  }
}

export function clearAllMarks(): void {
  owners.clear();
  redraw();
}
