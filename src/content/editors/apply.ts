/**
 * Applying a suggestion through the editor's own input handling, so that its model matches what is
 * shown and one Ctrl/Cmd+Z undoes it. Each editor has an ordered list of methods (see
 * ../shared/notes/browser-facts.md); after each try the text is read back, and a method that had no
 * effect or damaged the text is undone before the next one is tried. The text is never left damaged.
 */
import { replaceSpan } from '../../engine/apply.js';
import type { EditorKind, Surface } from './surface.js';

export type Method = 'paste' | 'beforeinput' | 'execCommand' | 'textInput' | 'setRangeText';

const METHODS: Record<EditorKind, Method[]> = {
  // Draft.js: a paste keeps model and DOM together even across styled runs; execCommand breaks there.
  draft: ['paste', 'textInput', 'execCommand'],
  lexical: ['beforeinput', 'paste', 'execCommand'],
  prosemirror: ['paste', 'execCommand'],
  quill: ['execCommand', 'paste'],
  // Slate and CKEditor 5 take their input from `beforeinput` and draw the screen from their model:
  // execCommand would change only the screen (the model keeps the old words, and the next keys land
  // in the wrong place), so it is never tried on them.
  slate: ['beforeinput', 'paste'],
  ckeditor5: ['beforeinput', 'paste'],
  // TinyMCE's paste handling inserts through its own model with one undo level.
  tinymce: ['paste', 'execCommand'],
  contenteditable: ['execCommand', 'paste'],
  textarea: ['execCommand', 'setRangeText'],
};

export interface ApplyOutcome {
  ok: boolean;
  method?: Method;
  text: string;
}

function nextFrame(win: Window): Promise<void> {
  return new Promise((resolve) => win.requestAnimationFrame(() => resolve()));
}

/** Resolves after the next selectionchange (or a short timeout: some editors do not fire one). */
function selectionSettled(doc: Document, timeoutMs = 120): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener('selectionchange', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    doc.addEventListener('selectionchange', done);
  });
}

async function settle(surface: Surface): Promise<void> {
  const win = surface.el.ownerDocument.defaultView!;
  await Promise.resolve();
  await nextFrame(win);
}

/** Editors that draw the screen from their model: the screen changes a moment after the model. */
const MODEL_DRAWN = new Set<EditorKind>(['slate', 'ckeditor5']);
/** Editors whose edit lands later than the event: those, and TinyMCE (its paste goes through a hidden paste bin, then a timer). */
const DEFERRED = new Set<EditorKind>([...MODEL_DRAWN, 'tinymce']);

/**
 * Waits until the editor has taken the edit: the text differs from `before` (then one more frame, so
 * that a re-render in two steps is complete), or a few frames passed with no change.
 */
async function settleAfter(surface: Surface, before: string): Promise<void> {
  await settle(surface);
  if (!DEFERRED.has(surface.kind)) return;
  const win = surface.el.ownerDocument.defaultView!;
  for (let i = 0; i < 10 && surface.getText() === before; i++) await nextFrame(win);
  await nextFrame(win);
}

/** The editor's own undo: `historyUndo` for editors that listen to beforeinput, else the browser's. */
function undo(surface: Surface): void {
  const doc = surface.el.ownerDocument;
  if (MODEL_DRAWN.has(surface.kind)) {
    const win = doc.defaultView!;
    const ev = new win.InputEvent('beforeinput', { inputType: 'historyUndo', bubbles: true, cancelable: true });
    surface.el.dispatchEvent(ev);
    if (ev.defaultPrevented) return;
  }
  doc.execCommand('undo', false);
}

function run(method: Method, surface: Surface, insert: string, start: number, end: number): void {
  const el = surface.el;
  const doc = el.ownerDocument;
  const win = doc.defaultView!;
  switch (method) {
    case 'execCommand':
      if (insert === '') doc.execCommand('delete', false);
      else doc.execCommand('insertText', false, insert);
      return;
    case 'paste': {
      const data = new win.DataTransfer();
      data.setData('text/plain', insert);
      el.dispatchEvent(new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      return;
    }
    case 'beforeinput': {
      const data = new win.DataTransfer();
      data.setData('text/plain', insert);
      el.dispatchEvent(new win.InputEvent('beforeinput', { inputType: insert === '' ? 'deleteContentBackward' : 'insertReplacementText', data: insert, dataTransfer: data, bubbles: true, cancelable: true }));
      return;
    }
    case 'textInput': {
      // Draft.js listens for the legacy textInput event.
      const ev = doc.createEvent('TextEvent') as Event & { initTextEvent?: (...args: unknown[]) => void };
      if (!ev.initTextEvent) return;
      ev.initTextEvent('textInput', true, true, win, insert);
      el.dispatchEvent(ev);
      return;
    }
    case 'setRangeText': {
      const ta = el as HTMLTextAreaElement;
      ta.setRangeText(insert, start, end, 'end');
      ta.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: insert }));
      return;
    }
  }
}

/**
 * Replaces [start, end) of the editor's text with `replacement`, shaped by applySuggestion's rules.
 * `expectedBefore` is the text the flag was made for: if the editor holds something else, nothing is done.
 */
export async function applyReplacement(surface: Surface, expectedBefore: string, start: number, end: number, replacement: string): Promise<ApplyOutcome> {
  const before = surface.getText();
  if (before !== expectedBefore) return { ok: false, text: before };
  const edit = replaceSpan(before, start, end, replacement);
  const doc = surface.el.ownerDocument;
  for (const method of METHODS[surface.kind]) {
    surface.el.focus();
    const settled = selectionSettled(doc);
    surface.select(edit.start, edit.end);
    await settled;
    run(method, surface, edit.insert, edit.start, edit.end);
    await settleAfter(surface, before);
    const after = surface.getText();
    if (after === edit.text) return { ok: true, method, text: after };
    if (after !== before) {
      // Damaged: take it back with the editor's own undo, and make sure that worked.
      undo(surface);
      await settleAfter(surface, after);
      if (surface.getText() !== before) return { ok: false, method, text: surface.getText() };
    }
  }
  return { ok: false, text: surface.getText() };
}
