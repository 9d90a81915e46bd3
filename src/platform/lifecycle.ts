/** The extension's own lifecycle events, for the service worker. */
import { ext } from './browser.js';

/** Installed, updated, or reloaded (also when the browser updates itself). */
export function onInstalled(run: (reason: string) => void): void {
  ext.runtime.onInstalled.addListener((details) => run(details.reason));
}

export function onStartup(run: () => void): void {
  ext.runtime.onStartup.addListener(run);
}
