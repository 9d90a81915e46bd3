/**
 * Promises that can be checked on the code itself: no network API, no remote code, no HTML from
 * strings, permissions only for the supported sites. The end-to-end tests check the same at run time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { SUPPORTED_MATCHES } from '../../scripts/manifest.js';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, ext));
    else if (ext.test(name)) out.push(p);
  }
  return out;
}

beforeAll(() => {
  if (!existsSync(join(dist, 'manifest.json')) || !existsSync(join(root, 'dist-firefox/manifest.json'))) execFileSync('npm', ['run', 'build:ext'], { cwd: root, stdio: 'ignore' });
});

describe('source', () => {
  const sources = files(join(root, 'src'), /\.(ts|tsx)$/).filter((f) => !f.includes('.generated.'));

  test.each(['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'dangerouslySetInnerHTML', 'document.write', 'eval(', 'new Function', 'createContextualFragment', 'DOMParser'])(
    'never uses %s (page text must not become markup)',
    (api) => {
      const offenders = sources.filter((f) => readFileSync(f, 'utf8').includes(api));
      expect(offenders).toEqual([]);
    },
  );

  test.each(['fetch(', 'XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource', 'importScripts', 'RTCPeerConnection'])('never uses %s (text never leaves the machine)', (api) => {
    const offenders = sources.filter((f) => readFileSync(f, 'utf8').includes(api));
    expect(offenders).toEqual([]);
  });

  test('only src/platform imports the extension API', () => {
    const offenders = sources.filter((f) => !f.includes('/src/platform/') && /from 'webextension-polyfill'/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  test('one door to the browser API: nothing outside src/platform touches chrome.*, browser.* or the raw `ext`', () => {
    const stripComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    const offenders: string[] = [];
    for (const f of sources.filter((f) => !f.includes('/src/platform/'))) {
      const code = stripComments(readFileSync(f, 'utf8'));
      if (/(?<![\w/.])(chrome|browser)\.[a-zA-Z]/.test(code)) offenders.push(`${f}: chrome.* or browser.*`);
      if (/import\s*\{[^}]*\bext\b[^}]*\}\s*from\s*'[^']*platform\/browser/.test(code)) offenders.push(`${f}: imports ext`);
    }
    expect(offenders).toEqual([]);
  });

  test('the engine touches neither the DOM nor the extension API', () => {
    const engine = files(join(root, 'src/engine'), /\.ts$/).filter((f) => !f.includes('.generated.'));
    for (const f of engine) {
      const code = readFileSync(f, 'utf8');
      expect(code, f).not.toMatch(/\b(document|window|chrome|browser)\.|from '\.\.\/(platform|content|background)/);
    }
  });
});

describe('built extension', () => {
  const built = () => files(dist, /\.(js|html|json)$/);

  test('contains no network API and no remote code', () => {
    for (const f of [...built(), ...files(join(root, 'dist-firefox'), /\.js$/)].filter((p) => p.endsWith('.js'))) {
      const code = readFileSync(f, 'utf8');
      expect(code, f).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts|new Function|\beval\(/);
      // The only URLs are the XML namespaces Preact uses to create SVG elements, and the site adapters'
      // match patterns (https://x.com/* and the like: patterns to compare page URLs with, never fetched),
      // and the "any web page" patterns of the "Check the tone of this text" menu item; and examples in
      // messages on reserved example domains (RFC 2606: example.com, *.example), which never resolve.
      const urls = [...code.matchAll(/https?:\/\/[^\s"'`)]+/g)]
        .map((m) => m[0])
        .filter((u) => !u.startsWith('http://www.w3.org/') && !SUPPORTED_MATCHES.includes(u) && !['https://*/*', 'http://*/*'].includes(u))
        .filter((u) => !/^https?:\/\/([a-z0-9-]+\.)*(example\.com|example)(\/|$)/.test(u));
      expect(urls, f).toEqual([]);
    }
  });

  test('asks for the supported sites only; other sites are optional and asked for when turned on', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.host_permissions).toEqual(SUPPORTED_MATCHES);
    expect(manifest.content_scripts[0].matches).toEqual(SUPPORTED_MATCHES);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    // contextMenus: "Human Tone: I'm answering this" on a selection (SECURITY.md, Permissions).
    expect(manifest.permissions.sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  test('the content script is one self-contained file', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
    const [script] = manifest.content_scripts[0].js as string[];
    const code = readFileSync(join(dist, script!), 'utf8');
    expect(code).not.toMatch(/\bimport\s*\(|^import /m);
  });
});
