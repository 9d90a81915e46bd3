/**
 * One interface over a textarea and a contenteditable editor: its text as the person sees it, and
 * the way from a text offset to a place in the DOM and back. The rest of the content script never
 * cares which editor it is in.
 */

export type EditorKind = 'textarea' | 'draft' | 'lexical' | 'prosemirror' | 'quill' | 'slate' | 'ckeditor5' | 'tinymce' | 'contenteditable';

export interface TextMap {
  text: string;
  /** Text nodes in order, with the offset where each starts in `text`. */
  nodes: Text[];
  starts: number[];
}

export interface Surface {
  readonly el: HTMLElement;
  readonly kind: EditorKind;
  /** The text and, for contenteditable, where each text node sits in it. */
  read(): TextMap;
  getText(): string;
  /** A DOM range over [start, end) of the text (contenteditable only). */
  rangeFor(map: TextMap, start: number, end: number): Range | null;
  /** The text offset of a DOM position inside the editor, or null. */
  offsetOf(map: TextMap, node: Node, offset: number): number | null;
  /** Puts the selection over [start, end). */
  select(start: number, end: number): void;
}

export function editorKind(el: HTMLElement): EditorKind {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return 'textarea';
  if (el.closest('.DraftEditor-root') || el.classList.contains('public-DraftEditor-content')) return 'draft';
  if (el.hasAttribute('data-lexical-editor')) return 'lexical';
  if (el.classList.contains('ProseMirror')) return 'prosemirror';
  if (el.classList.contains('ql-editor')) return 'quill';
  if (el.hasAttribute('data-slate-editor')) return 'slate';
  if (el.classList.contains('ck-editor__editable') || el.classList.contains('ck-content')) return 'ckeditor5';
  // TinyMCE's iframe body (classic mode) or its inline editable.
  if (el.classList.contains('mce-content-body')) return 'tinymce';
  return 'contenteditable';
}

const BLOCK = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'TABLE', 'TR', 'FIGURE']);

function isBlock(el: Element): boolean {
  return BLOCK.has(el.tagName);
}

/**
 * What an editor draws inside its editable that is not the person's text: 'skip' leaves it out,
 * 'line' counts it as an empty line (its content left out). Slate draws its placeholder as a
 * non-editable span with text, and an empty line as a zero-width character (U+FEFF) and a <br>.
 */
export type Chrome = (el: Element) => 'skip' | 'line' | null;

const SLATE_CHROME: Chrome = (el) => {
  if (el.hasAttribute('data-slate-placeholder')) return 'skip';
  if (el.hasAttribute('data-slate-zero-width')) return el.getAttribute('data-slate-zero-width') === 'n' ? 'line' : 'skip';
  return null;
};

/** TinyMCE's own elements in its body (its paste bin, resize handles): data-mce-bogus="all". */
const TINYMCE_CHROME: Chrome = (el) => (el.getAttribute('data-mce-bogus') === 'all' ? 'skip' : null);

const CHROME: Partial<Record<EditorKind, Chrome>> = { slate: SLATE_CHROME, tinymce: TINYMCE_CHROME };

/**
 * Reads a contenteditable the way its editor's model does: each leaf block is a line, lines are
 * joined by "\n", a <br> inside a line is "\n", and the placeholder <br> of an empty line is nothing.
 */
export function readContentEditable(root: HTMLElement, chrome: Chrome | null = null): TextMap {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  let lineOpen = false; // something has been written since the last line break
  let lines = 0;

  const startLine = () => {
    if (lines > 0) text += '\n';
    lines++;
    lineOpen = true;
  };

  const walk = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const t = child as Text;
        if (!lineOpen) startLine();
        nodes.push(t);
        starts.push(text.length);
        text += t.data;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const el = child as Element;
        const drawn = chrome?.(el);
        if (drawn === 'skip') continue;
        if (drawn === 'line') {
          if (!lineOpen) startLine();
          continue;
        }
        if (el.tagName === 'BR') {
          if (!lineOpen) startLine();
          // A <br> that ends its block is a placeholder; elsewhere it is a line break.
          if (!isLastInBlock(el, root)) {
            text += '\n';
          }
          continue;
        }
        if (isBlock(el)) {
          lineOpen = false;
          const before = lines;
          walk(el);
          if (lines === before && !el.querySelector('br') && el.children.length === 0 && el.textContent === '') startLine();
          lineOpen = false;
        } else {
          walk(el);
        }
      }
    }
  };
  walk(root);
  return { text, nodes, starts };
}

function isLastInBlock(br: Element, root: HTMLElement): boolean {
  let node: Node = br;
  for (;;) {
    if (node.nextSibling) {
      // Anything visible after it in the same block means the <br> is a real line break.
      let sib: Node | null = node.nextSibling;
      while (sib && sib.nodeType === Node.TEXT_NODE && (sib as Text).data === '') sib = sib.nextSibling;
      if (sib) return false;
    }
    const parent = node.parentNode;
    if (!parent || parent === root || (parent.nodeType === Node.ELEMENT_NODE && isBlock(parent as Element))) return true;
    node = parent;
  }
}

function findNode(map: TextMap, offset: number, preferNext: boolean): { node: Text; offset: number } | null {
  const { starts, nodes } = map;
  if (nodes.length === 0) return null;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  let i = lo;
  // At a boundary between two nodes, the start of a span belongs to the next node.
  if (preferNext && i + 1 < nodes.length && starts[i]! + nodes[i]!.data.length <= offset && starts[i + 1]! >= offset) i++;
  const node = nodes[i]!;
  const rel = Math.max(0, Math.min(node.data.length, offset - starts[i]!));
  return { node, offset: rel };
}

class ContentEditableSurface implements Surface {
  readonly kind: EditorKind;
  constructor(readonly el: HTMLElement) {
    this.kind = editorKind(el);
  }
  read(): TextMap {
    return readContentEditable(this.el, CHROME[this.kind] ?? null);
  }
  getText(): string {
    return this.read().text;
  }
  rangeFor(map: TextMap, start: number, end: number): Range | null {
    const a = findNode(map, start, true);
    const b = findNode(map, end, false);
    if (!a || !b) return null;
    const range = this.el.ownerDocument.createRange();
    try {
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
    } catch {
      return null;
    }
    return range;
  }
  offsetOf(map: TextMap, node: Node, offset: number): number | null {
    if (node.nodeType === Node.TEXT_NODE) {
      const i = map.nodes.indexOf(node as Text);
      return i < 0 ? null : map.starts[i]! + offset;
    }
    // An element position: the offset of the text node it points at, if any.
    const child = node.childNodes[offset] ?? node.childNodes[node.childNodes.length - 1];
    if (!child) return null;
    const walker = this.el.ownerDocument.createTreeWalker(child, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode();
    if (!first) return null;
    const i = map.nodes.indexOf(first as Text);
    return i < 0 ? null : map.starts[i]!;
  }
  select(start: number, end: number): void {
    const map = this.read();
    const range = this.rangeFor(map, start, end);
    if (!range) return;
    const sel = this.el.ownerDocument.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  }
}

class TextareaSurface implements Surface {
  readonly kind: EditorKind = 'textarea';
  constructor(readonly el: HTMLTextAreaElement | HTMLInputElement) {}
  read(): TextMap {
    return { text: this.el.value, nodes: [], starts: [] };
  }
  getText(): string {
    return this.el.value;
  }
  rangeFor(): Range | null {
    return null;
  }
  offsetOf(): number | null {
    return this.el.selectionStart;
  }
  select(start: number, end: number): void {
    this.el.setSelectionRange(start, end);
  }
}

export function surfaceFor(el: HTMLElement): Surface {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return new TextareaSurface(el);
  return new ContentEditableSurface(el);
}
