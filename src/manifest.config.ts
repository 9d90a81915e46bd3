/**
 * The extension's manifest. Host permissions only for the supported sites; any other site only when
 * the person turns it on (optional permission, asked at that moment). No remote code.
 */
import { defineManifest } from '@crxjs/vite-plugin';
import pkg from '../package.json' with { type: 'json' };

export const SUPPORTED_MATCHES = [
  'https://x.com/*',
  'https://twitter.com/*',
  'https://mobile.twitter.com/*',
  'https://www.facebook.com/*',
  'https://web.facebook.com/*',
  'https://m.facebook.com/*',
  'https://www.linkedin.com/*',
  'https://www.instagram.com/*',
  'https://bsky.app/*',
  'https://www.threads.net/*',
  'https://www.threads.com/*',
  'https://www.reddit.com/*',
  'https://www.youtube.com/*',
];

/** `npm start` (mode "development") also coaches the local demo page. */
export default (mode: string) =>
  defineManifest({
    manifest_version: 3,
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    version: pkg.version,
    icons: { 16: 'icons/icon-16.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' },
    action: { default_popup: 'src/popup/index.html', default_title: 'Human Tone' },
    background: { service_worker: 'src/background/worker.ts', type: 'module' },
    content_scripts: [
      {
        matches: mode === 'development' ? [...SUPPORTED_MATCHES, 'http://localhost/*', 'http://127.0.0.1/*'] : SUPPORTED_MATCHES,
        js: ['src/content/main.ts'],
        run_at: 'document_idle',
      },
    ],
    permissions: ['storage', 'scripting', 'activeTab'],
    host_permissions: SUPPORTED_MATCHES,
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    minimum_chrome_version: '120',
  });
