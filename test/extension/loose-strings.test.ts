/**
 * Every visible string goes through the message catalogue (messages/catalogue.yaml): this reads the
 * source of every surface a person sees (content script, popup, settings page, studio, report, worker
 * and its menus) with the TypeScript parser and fails on words written straight into the interface:
 * JSX text, visible attributes (title, aria-label, placeholder, alt, ...), strings in JSX expressions,
 * `textContent`/`title`/`placeholder` assignments, `setAttribute` of a visible attribute, text nodes,
 * and menu titles. Strings without words (symbols, numbers, "·") are allowed. The second half checks the
 * scanner itself on samples, so a scanner that found nothing would fail too.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const SURFACES = ['src/content', 'src/popup', 'src/options', 'src/studio', 'src/report', 'src/background', 'src/platform', 'src/shared'];
const VISIBLE_ATTRS = new Set(['title', 'aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'placeholder', 'alt', 'label']);
const VISIBLE_PROPS = new Set(['textContent', 'innerText', 'title', 'placeholder', 'ariaLabel', 'ariaDescription', 'alt', 'label', 'nodeValue', 'data']);
/** A word: two letters in a row. "×", "·", "%", "#1" are not words. */
const WORDY = /\p{L}{2,}/u;
/**
 * Words that are rightly the same in every language: the product's name, file types, and the names of
 * the two languages in the studio's language switch, each in its own language (marked with lang=), so a
 * person who cannot read the current one finds theirs.
 */
const ALLOWED = new Set(['Human Tone', 'CSV', 'JSON', 'SVG', 'PNG', 'HTML', 'English', 'Nederlands']);
/** A style sheet given as text (selectors and declarations) is not read by anyone. */
const CSS = /^[^{}]*\{[^{}]*:[^{}]*\}/;

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.generated.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const textOf = (node: ts.Node): string | undefined =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ') : undefined;

/** The string literals an expression can evaluate to directly: itself, the branches of ?:, either side of || and ??. */
function literalsOf(node: ts.Expression): ts.Node[] {
  if (ts.isParenthesizedExpression(node)) return literalsOf(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalsOf(node.whenTrue), ...literalsOf(node.whenFalse)];
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.PlusToken].includes(node.operatorToken.kind))
    return [...literalsOf(node.left), ...literalsOf(node.right)];
  return textOf(node) !== undefined ? [node] : [];
}

const wordy = (s: string) => WORDY.test(s) && !ALLOWED.has(s.trim()) && !CSS.test(s.trim());

/** The visible literals in one source text, as `line: kind "text"`. */
export function looseStrings(source: string, fileName = 'x.tsx'): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const add = (node: ts.Node, kind: string, text: string) => {
    if (wordy(text)) found.push(`${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${kind} "${text.trim().replace(/\s+/g, ' ')}"`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) add(node, 'JSX text', node.text);
    else if (ts.isJsxAttribute(node) && VISIBLE_ATTRS.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) add(init, `${node.name.getText()}=`, init.text);
      else if (ts.isJsxExpression(init) && init.expression) for (const l of literalsOf(init.expression)) add(l, `${node.name.getText()}=`, textOf(l)!);
    } else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const l of literalsOf(node.expression)) add(l, 'JSX child', textOf(l)!);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && VISIBLE_PROPS.has(node.left.name.text)) {
      for (const l of literalsOf(node.right)) add(l, `.${node.left.name.text} =`, textOf(l)!);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const [a, b] = node.arguments;
      if (method === 'setAttribute' && a && b && VISIBLE_ATTRS.has(textOf(a) ?? '')) for (const l of literalsOf(b)) add(l, `setAttribute(${textOf(a)})`, textOf(l)!);
      if (method === 'createTextNode' && a) for (const l of literalsOf(a)) add(l, 'text node', textOf(l)!);
    } else if (ts.isPropertyAssignment(node) && node.name.getText() === 'title' && ts.isObjectLiteralExpression(node.parent) && ts.isCallExpression(node.parent.parent) && /\b(create|update)$/.test(node.parent.parent.expression.getText())) {
      for (const l of literalsOf(node.initializer)) add(l, 'menu title', textOf(l)!);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('no visible string bypasses the catalogue', () => {
  const all = SURFACES.flatMap((d) => files(join(root, d)));

  test('the scan reads every surface', () => {
    expect(all.length).toBeGreaterThan(60);
    for (const d of SURFACES) expect(all.some((f) => f.startsWith(join(root, d))), d).toBe(true);
  });

  test.each(SURFACES)('%s writes no words into the interface', (dir) => {
    const loose = all.filter((f) => f.startsWith(join(root, dir))).flatMap((f) => looseStrings(readFileSync(f, 'utf8'), f).map((l) => `${relative(root, f)}:${l}`));
    expect(loose).toEqual([]);
  });

  test('the HTML pages carry only the product name before the script sets the title', () => {
    for (const page of ['src/popup/index.html', 'src/options/index.html', 'src/studio/index.html']) {
      const body = readFileSync(join(root, page), 'utf8').replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/g, ' ');
      const words = body.split(/\s+/).filter((w) => WORDY.test(w)).join(' ');
      expect(['', 'Human Tone'], page).toContain(words);
    }
  });
});

describe('the scanner finds what it should', () => {
  test.each([
    ['<p>Hello there</p>', 'JSX text "Hello there"'],
    ['<button aria-label="Close the panel" />', 'aria-label= "Close the panel"'],
    ['<input placeholder={busy ? "Wait" : t("x")} />', 'placeholder= "Wait"'],
    ['<p>{ok ? t("a") : "Not saved"}</p>', 'JSX child "Not saved"'],
    ['el.textContent = `Saved ${n} rules`;', '.textContent = "Saved rules"'],
    ["el.setAttribute('title', 'More options');", 'setAttribute(title) "More options"'],
    ["document.createTextNode('Loading');", 'text node "Loading"'],
    ["browser.menus.create({ id: 'a', title: getMessage('m') || 'Check this' });", 'menu title "Check this"'],
  ])('%s', (src, expected) => {
    expect(looseStrings(src).map((l) => l.replace(/^\d+: /, ''))).toEqual([expected]);
  });

  test.each([
    '<p>{t("hello")}</p>',
    '<span aria-hidden="true">×</span>',
    '<p>{n} · {m}%</p>',
    '<a title={t("more")}>#1</a>',
    "el.className = 'ht-panel';",
    "el.setAttribute('role', 'dialog');",
    '<img alt="" src={x} />',
    '<p>Human Tone</p>',
  ])('lets %s pass', (src) => {
    expect(looseStrings(src)).toEqual([]);
  });
});
