/**
 * Firefox for the end-to-end tests: Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi
 * (no geckodriver), with the Firefox build installed as a temporary add-on. As in Chromium, the real
 * sites' URLs are answered with the fixture pages, so the production manifest's matches are what run.
 *
 * Nothing may leave the browser, checked twice: the page's requests are intercepted (fixtures are
 * answered, anything else is aborted and recorded), and every other request Firefox makes goes to a
 * recording proxy on 127.0.0.1 that answers 502. Firefox's own Remote Settings polls are pointed at
 * `firefox-own.invalid`, the one host the proxy may see (browser housekeeping, not the extension).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ensureFixturesBuilt, fixtureFileFor, isFixtureHost } from './fixtures/harness.js';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_OWN_HOST = 'firefox-own.invalid';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png' };

export interface FirefoxWithExtension {
  browser: Browser;
  addonId: string;
  /** Page requests that were not answered from the fixtures (aborted). */
  unrouted: string[];
  /** Requests that reached the catch-all proxy, i.e. tried to leave the browser. */
  proxied: string[];
  /** A new tab whose requests are answered from the fixtures. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** `executablePath`: another program to launch as Firefox (a wrapper that runs it with a test policy; see ./policy.ts). */
export async function startFirefox(extensionPath: string, options: { executablePath?: string } = {}): Promise<FirefoxWithExtension> {
  ensureFixturesBuilt();
  const proxied: string[] = [];
  const unrouted: string[] = [];
  const proxy = http.createServer((req, res) => {
    proxied.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  proxy.on('connect', (req, socket) => {
    proxied.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as AddressInfo).port;

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: options.executablePath ?? FIREFOX_PATH,
    headless: true,
    // Without this variable a release build ignores services.settings.server.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'services.settings.server': `http://${FIREFOX_OWN_HOST}/v1`,
    },
  });
  const addonId = await browser.installExtension(path.resolve(extensionPath));

  const newPage = async (): Promise<Page> => {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol === 'moz-extension:' || url.protocol === 'data:' || url.protocol === 'about:') return void request.continue();
      if (isFixtureHost(url, true)) {
        if (url.pathname === '/favicon.ico') return void request.respond({ status: 204, body: '' });
        const file = fixtureFileFor(url);
        if (!file) return void request.respond({ status: 404, contentType: 'text/plain', body: `no fixture for ${url.pathname}` });
        return void request.respond({ status: 200, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream', body: fs.readFileSync(file) });
      }
      unrouted.push(request.url());
      void request.abort();
    });
    return page;
  };

  return {
    browser,
    addonId,
    unrouted,
    proxied,
    newPage,
    async close() {
      await browser.close();
      proxy.close();
    },
  };
}
