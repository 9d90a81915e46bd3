/**
 * The person's settings in extension storage (storage.local, this device only): read, written and
 * watched here and nowhere else.
 */
import { readSettings, SETTINGS_KEY, type Settings } from '../shared/settings.js';
import { ext, listen } from './browser.js';

export async function loadSettings(): Promise<Settings> {
  const stored = await ext.storage.local.get(SETTINGS_KEY);
  return readSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(next: Settings): Promise<void> {
  await ext.storage.local.set({ [SETTINGS_KEY]: readSettings(next) });
}

/** Reads the stored settings, changes them and writes them back (the stored copy, not a stale one). */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = readSettings(change(await loadSettings()));
  await ext.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls `onChange` with the new settings whenever they change, until `signal` aborts. */
export function watchSettings(signal: AbortSignal, onChange: (next: Settings) => void): void {
  listen(
    ext.storage.onChanged,
    (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !changes[SETTINGS_KEY]) return;
      onChange(readSettings(changes[SETTINGS_KEY].newValue));
    },
    signal,
  );
}
