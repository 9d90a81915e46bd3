/**
 * One manifest.json, two builds: Chrome (dist/) and Firefox (dist-firefox/). The sites come from the
 * site adapters, and the Firefox build passes web-ext lint with no error and no warning from our code.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildManifest, sourceManifest, SUPPORTED_MATCHES } from '../../scripts/manifest.js';
import { ALL_ADAPTERS, hostMatches, SUPPORTED } from '../../src/content/sites/adapters.js';

const root = new URL('../../', import.meta.url).pathname;
const read = (dir: string) => JSON.parse(readFileSync(join(root, dir, 'manifest.json'), 'utf8'));

beforeAll(() => {
  if (!existsSync(join(root, 'dist/manifest.json')) || !existsSync(join(root, 'dist-firefox/manifest.json'))) {
    execFileSync('npm', ['run', 'build:ext'], { cwd: root, stdio: 'ignore' });
  }
});

describe('the sites come from the adapters', () => {
  test('manifest.json names no site itself: both lists are "@site-adapters"', () => {
    const m = sourceManifest() as { host_permissions: string[]; content_scripts: { matches: string[] }[] };
    expect(m.host_permissions).toEqual(['@site-adapters']);
    expect(m.content_scripts.map((c) => c.matches)).toEqual([['@site-adapters']]);
  });

  test('every supported adapter has match patterns, each on a host that adapter (and no other) serves', () => {
    expect(SUPPORTED_MATCHES).toEqual(SUPPORTED.flatMap((a) => a.matches ?? []));
    expect(new Set(SUPPORTED_MATCHES).size).toBe(SUPPORTED_MATCHES.length);
    for (const adapter of SUPPORTED) {
      expect(adapter.matches?.length, adapter.id).toBeGreaterThan(0);
      for (const pattern of adapter.matches!) {
        const m = /^https:\/\/([a-z0-9.-]+)\/\*$/.exec(pattern);
        expect(m, pattern).not.toBeNull();
        const host = m![1]!;
        expect(hostMatches(host, adapter), `${pattern} is not a host of ${adapter.id}`).toBe(true);
        const others = SUPPORTED.filter((a) => a !== adapter && hostMatches(host, a)).map((a) => a.id);
        expect(others, pattern).toEqual([]);
      }
    }
    // Adapters for sites the person turns on (Mastodon, any other site) ask for nothing up front.
    for (const adapter of ALL_ADAPTERS.filter((a) => !SUPPORTED.includes(a))) expect(adapter.matches ?? [], adapter.id).toEqual([]);
  });

  test.each(['dist', 'dist-firefox'])('%s asks for exactly the adapters’ sites', (dir) => {
    const m = read(dir);
    expect(m.host_permissions).toEqual(SUPPORTED_MATCHES);
    expect(m.content_scripts).toHaveLength(1);
    expect(m.content_scripts[0].matches).toEqual(SUPPORTED_MATCHES);
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  test.each(['dist', 'dist-firefox'])('%s: the content script runs in every frame of those sites, about:blank and srcdoc frames included', (dir) => {
    const cs = read(dir).content_scripts[0];
    expect(cs.all_frames).toBe(true);
    expect(cs.match_about_blank).toBe(true);
    expect(cs.match_origin_as_fallback).toBe(true);
  });

  test('the development build (npm start) also matches localhost, in the content script only', () => {
    const dev = buildManifest('chrome', 'development') as { host_permissions: string[]; content_scripts: { matches: string[] }[] };
    expect(dev.host_permissions).toEqual(SUPPORTED_MATCHES);
    expect(dev.content_scripts[0]!.matches).toEqual([...SUPPORTED_MATCHES, 'http://localhost/*', 'http://127.0.0.1/*']);
  });
});

describe('two builds from one manifest', () => {
  test('Chrome: a module service worker and a minimum Chrome version; no Firefox settings', () => {
    const m = read('dist');
    expect(m.background).toEqual({ service_worker: 'service-worker-loader.js', type: 'module' });
    expect(m.minimum_chrome_version).toBe('120');
    expect(m.browser_specific_settings).toBeUndefined();
    expect(m['//']).toBeUndefined();
  });

  test('Firefox: background scripts, an add-on id, a minimum version, and no data collected', () => {
    const m = read('dist-firefox');
    expect(m.background).toEqual({ scripts: ['service-worker-loader.js'], type: 'module' });
    expect(m.minimum_chrome_version).toBeUndefined();
    expect(m.browser_specific_settings.gecko).toEqual({
      id: 'human-tone@human-tone',
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
    expect(m['//']).toBeUndefined();
  });

  test('apart from those keys the two manifests are the same, and so is the version', () => {
    // storage.managed_schema is Chrome's: Firefox reads managed storage from policies.json without one.
    const { background: _a, minimum_chrome_version: _b, storage: _e, ...chrome } = read('dist');
    expect(_e).toEqual({ managed_schema: 'managed-schema.json' });
    expect(existsSync(join(root, 'dist', 'managed-schema.json'))).toBe(true);
    expect(read('dist-firefox').storage).toBeUndefined();
    const { background: _c, browser_specific_settings: _d, ...firefox } = read('dist-firefox');
    expect(firefox).toEqual(chrome);
    expect(chrome.version).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
});

describe('web-ext lint on the Firefox build', () => {
  interface Message { code: string; file?: string; line?: number; column?: number; message: string }
  let report: { summary: { errors: number; warnings: number; notices: number }; errors: Message[]; warnings: Message[]; notices: Message[] };
  beforeAll(() => {
    const bin = join(root, 'node_modules/.bin/web-ext');
    const res = spawnSync(bin, ['lint', '--source-dir', join(root, 'dist-firefox'), '--output', 'json'], { encoding: 'utf8', env: { ...process.env, WEB_EXT_TELEMETRY: 'false' } });
    report = JSON.parse(res.stdout.slice(res.stdout.indexOf('{')));
  }, 60_000);

  test('no errors and no notices', () => {
    expect(report.errors).toEqual([]);
    expect(report.notices).toEqual([]);
  });

  test('the only warnings are Preact’s own innerHTML assignment (its dangerouslySetInnerHTML, which our code never uses)', () => {
    for (const w of report.warnings) {
      expect(w.code, JSON.stringify(w)).toBe('UNSAFE_VAR_ASSIGNMENT');
      const line = readFileSync(join(root, 'dist-firefox', w.file!), 'utf8').split('\n')[w.line! - 1]!;
      const around = line.slice(Math.max(0, w.column! - 80), w.column! + 80);
      // Preact's diff: `dom.innerHTML = newHtml.__html` for the dangerouslySetInnerHTML prop.
      expect(around, w.file).toMatch(/\.innerHTML=\w+\.__html/);
    }
    expect(report.warnings.length).toBeLessThanOrEqual(2);
  });
});
