/**
 * Drives the coach the way a person does, from outside the page.
 *
 * The coach's interface lives in a closed shadow root, so neither the page's scripts nor
 * Playwright's locators (which pierce open roots only) can reach it. The browser's own tools can:
 * this driver finds the coach's controls in the accessibility tree (by role and accessible name,
 * as a screen reader does) through the DevTools protocol, and clicks them with real mouse input
 * (page.mouse: trusted events, at the control's place on screen). Nothing here is reachable by the
 * page, and nothing in the extension is made reachable for the tests.
 *
 *   const c = coach(page);                                       // the first coach on the page
 *   await c.getByRole('button', { name: /Human Tone/ }).click();
 *   const dialog = c.getByRole('dialog');
 *   await expect.poll(() => dialog.isVisible()).toBe(true);
 *   await dialog.getByRole('button', { name: 'Use: ...' }).click();
 */
import type { CDPSession, Page } from 'playwright-core';

interface AXValue {
  value?: unknown;
}
export interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: AXValue;
  name?: AXValue;
  parentId?: string;
  childIds?: string[];
  backendDOMNodeId?: number;
}
interface DOMNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  localName?: string;
  attributes?: string[];
  children?: DOMNode[];
  shadowRoots?: DOMNode[];
  contentDocument?: DOMNode;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** One DevTools session per page, opened on first use. */
export function cdpFor(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page
      .context()
      .newCDPSession(page)
      .then(async (cdp) => {
        await cdp.send('DOM.enable');
        await cdp.send('Accessibility.enable');
        return cdp;
      });
    sessions.set(page, s);
  }
  return s;
}

function walk(node: DOMNode, visit: (n: DOMNode) => void): void {
  visit(node);
  for (const c of node.children ?? []) walk(c, visit);
  for (const r of node.shadowRoots ?? []) walk(r, visit);
  if (node.contentDocument) walk(node.contentDocument, visit);
}

/**
 * Every coach host in document order (or, with `hostName`, every host of that name: the selection
 * check's `human-tone-check`), each with the backend ids of everything inside it (shadow roots included).
 */
export async function coachTrees(page: Page, hostName = 'human-tone-coach'): Promise<{ host: DOMNode; ids: Set<number> }[]> {
  const cdp = await cdpFor(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DOMNode };
  const hosts: { host: DOMNode; ids: Set<number> }[] = [];
  walk(root, (n) => {
    if (n.localName === hostName) {
      const ids = new Set<number>();
      walk(n, (d) => ids.add(d.backendNodeId));
      hosts.push({ host: n, ids });
    }
  });
  return hosts;
}

/** The names of every element inside the coaches (shadow content included), e.g. to check that no markup got in. */
export async function coachElementNames(page: Page): Promise<string[]> {
  const names: string[] = [];
  for (const { host } of await coachTrees(page)) walk(host, (n) => n.localName && names.push(n.localName));
  return names;
}

export interface RoleOptions {
  /** A string matches a part of the accessible name, ignoring case (as Playwright's getByRole); a RegExp is tested. */
  name?: string | RegExp;
}

interface Step {
  role: string;
  name?: string | RegExp;
  pick?: number;
}

function nameMatches(node: AXNode, name: string | RegExp | undefined): boolean {
  if (name === undefined) return true;
  const n = String(node.name?.value ?? '');
  return typeof name === 'string' ? n.toLowerCase().includes(name.toLowerCase()) : name.test(n);
}

export class CoachLocator {
  constructor(
    private readonly page: Page,
    /** Which coach host (document order); null: any. */
    private readonly index: number | null,
    private readonly steps: Step[],
    private readonly hostName = 'human-tone-coach',
  ) {}

  getByRole(role: string, options: RoleOptions = {}): CoachLocator {
    return new CoachLocator(this.page, this.index, [...this.steps, { role, name: options.name }], this.hostName);
  }

  nth(i: number): CoachLocator {
    const steps = this.steps.slice();
    steps[steps.length - 1] = { ...steps[steps.length - 1]!, pick: i };
    return new CoachLocator(this.page, this.index, steps, this.hostName);
  }

  first(): CoachLocator {
    return this.nth(0);
  }

  /** The matching accessibility nodes, in tree order. */
  async resolve(): Promise<AXNode[]> {
    const cdp = await cdpFor(this.page);
    const trees = await coachTrees(this.page, this.hostName);
    const scope = new Set<number>();
    trees.forEach((t, i) => {
      if (this.index === null || this.index === i) for (const id of t.ids) scope.add(id);
    });
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree', {})) as { nodes: AXNode[] };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const within = (node: AXNode, ancestors: Set<string>): boolean => {
      for (let p = node.parentId; p; p = byId.get(p)?.parentId) if (ancestors.has(p)) return true;
      return false;
    };
    let current: AXNode[] | null = null;
    for (const step of this.steps) {
      const parents: Set<string> | null = current ? new Set(current.map((n) => n.nodeId)) : null;
      let found: AXNode[] = nodes.filter(
        (n) =>
          !n.ignored &&
          n.backendDOMNodeId !== undefined &&
          scope.has(n.backendDOMNodeId) &&
          n.role?.value === step.role &&
          nameMatches(n, step.name) &&
          (!parents || within(n, parents)),
      );
      if (step.pick !== undefined) found = found[step.pick] ? [found[step.pick]!] : [];
      current = found;
    }
    return current ?? [];
  }

  async count(): Promise<number> {
    return (await this.resolve()).length;
  }

  private async one(): Promise<AXNode> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = await this.resolve();
      if (found.length === 1) return found[0]!;
      if (Date.now() > deadline) throw new Error(`coach: expected one ${JSON.stringify(this.steps, (_, v) => (v instanceof RegExp ? String(v) : v))}, found ${found.length}`);
      await this.page.waitForTimeout(25);
    }
  }

  /** The control's centre on screen, or null when it has no box (not rendered). */
  async center(): Promise<{ x: number; y: number } | null> {
    const cdp = await cdpFor(this.page);
    const node = (await this.resolve())[0];
    if (!node) return null;
    try {
      const { quads } = (await cdp.send('DOM.getContentQuads', { backendNodeId: node.backendDOMNodeId! })) as { quads: number[][] };
      const q = quads[0];
      if (!q) return null;
      return { x: (q[0]! + q[2]! + q[4]! + q[6]!) / 4, y: (q[1]! + q[3]! + q[5]! + q[7]!) / 4 };
    } catch {
      return null;
    }
  }

  async isVisible(): Promise<boolean> {
    return (await this.center()) !== null;
  }

  /** A real (trusted) mouse click at the control's place, as the person would click. */
  async click(): Promise<void> {
    const cdp = await cdpFor(this.page);
    const node = await this.one();
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendDOMNodeId! }).catch(() => undefined);
    const at = await this.center();
    if (!at) throw new Error('coach: the control is not on screen');
    await this.page.mouse.click(at.x, at.y);
  }

  /** Moves focus to the control (as Tab would); the key presses that follow are real ones. */
  async focus(): Promise<void> {
    const cdp = await cdpFor(this.page);
    const node = await this.one();
    await cdp.send('DOM.focus', { backendNodeId: node.backendDOMNodeId! });
  }

  async accessibleName(): Promise<string> {
    return String((await this.one()).name?.value ?? '');
  }

  /** The control's text (DOM textContent), read through the protocol. */
  async textContent(): Promise<string> {
    const cdp = await cdpFor(this.page);
    const node = await this.one();
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId! })) as { object: { objectId: string } };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { return this.textContent; }',
      returnByValue: true,
    })) as { result: { value: string } };
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId }).catch(() => undefined);
    return result.value;
  }

  /**
   * What a page script could do if it ever got hold of the control: call its click() (an
   * untrusted click). Used only to prove that such clicks are ignored.
   */
  async scriptClick(): Promise<void> {
    const cdp = await cdpFor(this.page);
    const node = await this.one();
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId! })) as { object: { objectId: string } };
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () {
        this.click();
        this.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
        this.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
        this.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
        this.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
      }`,
    });
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId }).catch(() => undefined);
  }
}

/** The panel of "Check the tone of this text" (its own host, `human-tone-check`). */
export function checkPanel(page: Page): CoachLocator {
  return new CoachLocator(page, null, [], 'human-tone-check');
}

/** The coach with this index (document order of the hosts), or any coach on the page. */
export function coach(page: Page, index: number | null = null): CoachLocator {
  return new CoachLocator(page, index, []);
}

/** Index of the coach whose badge sits nearest the box's bottom-right corner. */
export async function coachIndexFor(page: Page, box: string): Promise<number> {
  const r = await page.evaluate((sel) => {
    const b = document.querySelector(sel)!.getBoundingClientRect();
    return { right: b.right, bottom: b.bottom };
  }, box);
  const n = (await coachTrees(page)).length;
  let best = Infinity;
  let index = 0;
  for (let i = 0; i < n; i++) {
    const at = await coach(page, i).getByRole('button', { name: /^Human Tone/ }).center();
    if (!at) continue;
    const d = Math.hypot(at.x - r.right, at.y - r.bottom);
    if (d < best) {
      best = d;
      index = i;
    }
  }
  return index;
}

/** The help bar of "Point at the customer's message" while the element picker runs (its own host, `human-tone-picker`). */
export function pickerBar(page: Page): CoachLocator {
  return new CoachLocator(page, null, [], 'human-tone-picker');
}

/**
 * What a person (or a screen reader) reads on a page: the names of every node in its accessibility
 * tree, the text included. With `coachOnly`, only what is inside the coaches' closed roots.
 */
export async function readableTexts(page: Page, coachOnly = false): Promise<string[]> {
  const cdp = await cdpFor(page);
  const scope = new Set<number>();
  if (coachOnly) for (const t of await coachTrees(page)) for (const id of t.ids) scope.add(id);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree', {})) as { nodes: (AXNode & { description?: AXValue })[] };
  return nodes
    .filter((n) => !n.ignored && (!coachOnly || (n.backendDOMNodeId !== undefined && scope.has(n.backendDOMNodeId))))
    .flatMap((n) => [n.name?.value, n.description?.value])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}
