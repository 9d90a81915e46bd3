/**
 * Underlines for a textarea, whose text has no DOM nodes to highlight: a transparent copy of its
 * text laid exactly over it (same box, font and scroll), in our own shadow root, holds the ranges.
 * The textarea itself is never touched.
 */
import type { Flag } from '../engine/types.js';
import { CATEGORIES } from '../engine/types.js';
import { setMarks, type Mark } from './highlight.js';

const COPIED = [
  'boxSizing', 'width', 'height', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle',
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'lineHeight', 'letterSpacing',
  'wordSpacing', 'textTransform', 'textIndent', 'textAlign', 'direction', 'tabSize', 'whiteSpace', 'overflowWrap', 'wordBreak',
] as const;

export class Mirror {
  private readonly host: HTMLElement;
  private readonly box: HTMLDivElement;
  private readonly abort = new AbortController();
  private readonly resize: ResizeObserver;
  private frame = 0;

  constructor(private readonly ta: HTMLTextAreaElement) {
    const doc = ta.ownerDocument;
    this.host = doc.createElement('human-tone-mirror');
    this.host.style.cssText = 'all: initial; position: absolute; top: 0; left: 0; pointer-events: none; z-index: 2147483646;';
    // Closed like the coach's root, though it holds only a copy of the textarea's own text (the
    // page can reach it anyway through the ranges it can read from CSS.highlights).
    const root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = `div { position: absolute; overflow: hidden; color: transparent; pointer-events: none; border-color: transparent; white-space: pre-wrap; }
${CATEGORIES.map((c) => `::highlight(human-tone-${c}) { text-decoration: underline wavy; text-decoration-color: var(--c-${c}); }`).join('\n')}
:host { ${CATEGORIES.map((c, i) => `--c-${c}: hsl(${(i * 51) % 360} 70% 45%);`).join(' ')} }`;
    this.box = doc.createElement('div');
    this.box.setAttribute('aria-hidden', 'true');
    root.append(style, this.box);
    doc.body.append(this.host);
    const signal = this.abort.signal;
    const sync = () => this.schedule();
    ta.addEventListener('scroll', sync, { signal, passive: true });
    doc.defaultView?.addEventListener('scroll', sync, { signal, passive: true, capture: true });
    doc.defaultView?.addEventListener('resize', sync, { signal, passive: true });
    this.resize = new ResizeObserver(sync);
    this.resize.observe(ta);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.place();
    });
  }

  private place(): void {
    const ta = this.ta;
    const cs = getComputedStyle(ta);
    const s = this.box.style as unknown as Record<string, string>;
    for (const p of COPIED) s[p] = (cs as unknown as Record<string, string>)[p]!;
    const rect = ta.getBoundingClientRect();
    this.box.style.left = `${rect.left + scrollX}px`;
    this.box.style.top = `${rect.top + scrollY}px`;
    this.box.scrollTop = ta.scrollTop;
    this.box.scrollLeft = ta.scrollLeft;
  }

  render(text: string, flags: readonly Flag[]): void {
    const node = this.box.ownerDocument.createTextNode(text + '\n');
    this.box.replaceChildren(node);
    this.place();
    const marks: Mark[] = flags.map((f) => {
      const range = this.box.ownerDocument.createRange();
      range.setStart(node, f.start);
      range.setEnd(node, f.end);
      return { range, category: f.category, severity: f.severity };
    });
    setMarks(this, marks);
  }

  destroy(): void {
    this.abort.abort();
    this.resize.disconnect();
    cancelAnimationFrame(this.frame);
    setMarks(this, []);
    this.host.remove();
  }
}
