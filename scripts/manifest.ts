/**
 * The extension's manifest for one browser, from the top-level manifest.json (the one source):
 *  - Chrome: `background.service_worker`, `minimum_chrome_version`; no `browser_specific_settings`.
 *  - Firefox: `background.scripts` (an event page), `browser_specific_settings.gecko` (id,
 *    `strict_min_version`, `data_collection_permissions`: nothing collected); no Chrome-only keys
 *    (`minimum_chrome_version`, `storage.managed_schema`: Firefox reads policies.json without one).
 * The site list ("@site-adapters") is the match patterns of the supported site adapters, so the
 * adapters are the one place a site is added. The development build (`npm start`) also matches
 * localhost. Host permissions cover the supported sites only; any other site is optional and asked
 * for when the person turns it on.
 */
import { readFileSync } from 'node:fs';
import { SUPPORTED } from '../src/content/sites/adapters.ts';

export type Target = 'chrome' | 'firefox';

const root = new URL('../', import.meta.url);
const SITES = '@site-adapters';

/** Every supported site's match patterns, in adapter order. */
export const SUPPORTED_MATCHES: readonly string[] = SUPPORTED.flatMap((a) => a.matches ?? []);

const LOCAL_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];

type Json = Record<string, unknown>;

function sites(list: unknown, extra: readonly string[] = []): string[] {
  if (!Array.isArray(list)) throw new Error('manifest.json: expected a list of match patterns');
  return list.flatMap((p: string) => (p === SITES ? [...SUPPORTED_MATCHES, ...extra] : [p]));
}

/** The top-level manifest.json, as written. */
export function sourceManifest(): Json {
  return JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8')) as Json;
}

export function buildManifest(target: Target, mode = 'production'): Json {
  const { '//': _comment, ...m } = sourceManifest();
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string };
  if (m.version === '@package.json') m.version = pkg.version;

  const dev = mode === 'development' ? LOCAL_MATCHES : [];
  m.host_permissions = sites(m.host_permissions);
  m.content_scripts = (m.content_scripts as Json[]).map((cs) => ({ ...cs, matches: sites(cs.matches, dev) }));

  const background = m.background as { service_worker: string; scripts: string[]; type?: string };
  if (target === 'chrome') {
    m.background = { service_worker: background.service_worker, type: background.type };
    delete m.browser_specific_settings;
  } else {
    m.background = { scripts: background.scripts, type: background.type };
    delete m.minimum_chrome_version;
    // Firefox takes managed storage from policies.json ("3rdparty") without a schema, and does not know the key.
    delete m.storage;
  }
  return m;
}
