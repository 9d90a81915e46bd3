/**
 * The extension with the made-up webcare console (console.webcare.test) turned on, as the popup does
 * after the person granted it: the settings list the origin, and the service worker registers the
 * content script there (in every frame). A headless browser cannot answer the permission prompt, so
 * this copy of the extension lists the origin in its host permissions, standing in for the grant.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSOLE_ORIGIN, startBrowser, type FixtureBrowser } from './fixtures/harness.js';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');

export async function startWithConsole(): Promise<FixtureBrowser> {
  if (!existsSync(join(dist, 'manifest.json'))) execFileSync('npm', ['run', 'build:ext'], { cwd: root, stdio: 'ignore' });
  const extDir = mkdtempSync(join(tmpdir(), 'human-tone-console-ext-'));
  cpSync(dist, extDir, { recursive: true });
  const manifestPath = join(extDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push(`${CONSOLE_ORIGIN}/*`);
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const b = await startBrowser({ extensionPath: extDir });
  await b.serviceWorker!.evaluate(async (origin) => {
    const { settings } = (await chrome.storage.local.get('settings')) as { settings?: Record<string, unknown> };
    await chrome.storage.local.set({ settings: { ...(settings ?? {}), extraOrigins: [origin] } });
  }, CONSOLE_ORIGIN);
  // As after the popup's switch: the content script is registered for the console before its pages
  // open (a page loaded before the registration is not coached until it is reloaded).
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ids = await b.serviceWorker!.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((x) => x.id));
    if (ids.some((id) => id.endsWith(CONSOLE_ORIGIN))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const close = b.close.bind(b);
  b.close = async () => {
    await close();
    rmSync(extDir, { recursive: true, force: true });
  };
  return b;
}

/** What the worker sends a tab when the person chose "Human Tone: I'm answering this" on a selection. */
export function answeringFromMenu(b: FixtureBrowser, url: string, text: string): Promise<unknown> {
  return b.serviceWorker!.evaluate(
    async ({ url, text }) => {
      const [tab] = await chrome.tabs.query({ url });
      return chrome.tabs.sendMessage(tab!.id!, { type: 'answering', text });
    },
    { url, text },
  );
}

/**
 * What the worker does when the person chose "Check the tone of this text" (the menu click grants it
 * the tab): the engine's result goes to the content script it starts in the frame.
 */
export function checkFromMenu(b: FixtureBrowser, url: string, payload: unknown): Promise<void> {
  return b.serviceWorker!.evaluate(
    async ({ url, payload }) => {
      const [tab] = await chrome.tabs.query({ url });
      const target = { tabId: tab!.id!, frameIds: [0] };
      const files = chrome.runtime.getManifest().content_scripts![0]!.js!;
      await chrome.scripting.executeScript({ target, files });
      await chrome.scripting.executeScript({ target, func: (p: unknown) => (globalThis as unknown as { __humanToneCheck?: (p: unknown) => void }).__humanToneCheck?.(p), args: [payload] });
    },
    { url, payload },
  );
}
