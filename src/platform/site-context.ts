/** Taught site rules (src/shared/site-context.ts) in storage.local: read, written and watched here. */
import { readSiteContext, SITE_CONTEXT_KEY, type SiteContext, type SiteContextEntry } from '../shared/site-context.js';
import { ext, listen } from './browser.js';

export async function loadSiteContext(): Promise<SiteContext> {
  return readSiteContext((await ext.storage.local.get(SITE_CONTEXT_KEY))[SITE_CONTEXT_KEY]);
}

/** Sets (entry) or removes (null) the rule of one origin, keeping the others. */
export async function setSiteContext(origin: string, entry: SiteContextEntry | null): Promise<SiteContext> {
  const all = await loadSiteContext();
  if (entry) all[origin] = entry;
  else delete all[origin];
  await ext.storage.local.set({ [SITE_CONTEXT_KEY]: all });
  return all;
}

export function watchSiteContext(signal: AbortSignal, onChange: (next: SiteContext) => void): void {
  listen(
    ext.storage.onChanged,
    (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !changes[SITE_CONTEXT_KEY]) return;
      onChange(readSiteContext(changes[SITE_CONTEXT_KEY].newValue));
    },
    signal,
  );
}
