/**
 * The person's settings in extension storage: read, written and watched here and nowhere else.
 *
 * They live in storage.sync, so they follow the person to their other browsers. When sync cannot take
 * them (sync switched off in a way the browser reports as an error, or over its quota), they are kept
 * in storage.local instead, and a marker there says so; reads then prefer the local copy. Settings
 * saved by an older version (storage.local only) are read from there until the next save moves them.
 */
import { readSettings, SETTINGS_KEY, type Settings } from '../shared/settings.js';
import { ext, listen } from './browser.js';

/** Marker in storage.local: the settings could not go to sync and live here. */
const WHERE_KEY = 'settingsWhere';

export type SettingsPlace = 'sync' | 'local';

let lastPlace: SettingsPlace = 'sync';

/** Where the settings were last read from or saved to. */
export function settingsPlace(): SettingsPlace {
  return lastPlace;
}

async function readSync(): Promise<unknown> {
  try {
    return (await ext.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch {
    return undefined;
  }
}

export async function loadSettings(): Promise<Settings> {
  const local = await ext.storage.local.get([SETTINGS_KEY, WHERE_KEY]);
  if (local[WHERE_KEY] === 'local') {
    lastPlace = 'local';
    return readSettings(local[SETTINGS_KEY]);
  }
  const synced = await readSync();
  if (synced !== undefined) {
    lastPlace = 'sync';
    return readSettings(synced);
  }
  // Nothing in sync yet: an older version kept them here (or there are none: the defaults).
  lastPlace = local[SETTINGS_KEY] !== undefined ? 'local' : 'sync';
  return readSettings(local[SETTINGS_KEY]);
}

/** Saves the settings to sync, or to this device when sync refuses them; says where they went. */
export async function saveSettings(next: Settings): Promise<SettingsPlace> {
  const value = readSettings(next);
  try {
    await ext.storage.sync.set({ [SETTINGS_KEY]: value });
    await ext.storage.local.remove([SETTINGS_KEY, WHERE_KEY]);
    lastPlace = 'sync';
  } catch {
    await ext.storage.local.set({ [SETTINGS_KEY]: value, [WHERE_KEY]: 'local' });
    lastPlace = 'local';
  }
  return lastPlace;
}

/** Reads the stored settings, changes them and writes them back (the stored copy, not a stale one). */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = readSettings(change(await loadSettings()));
  await saveSettings(next);
  return next;
}

/** Calls `onChange` with the new settings whenever they change (in either place), until `signal` aborts. */
export function watchSettings(signal: AbortSignal, onChange: (next: Settings) => void): void {
  listen(
    ext.storage.onChanged,
    (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if ((area !== 'local' && area !== 'sync') || !changes[SETTINGS_KEY]) return;
      // A save to sync also removes the local copy: that removal is not a change of settings.
      if (changes[SETTINGS_KEY].newValue === undefined) return;
      onChange(readSettings(changes[SETTINGS_KEY].newValue));
    },
    signal,
  );
}
