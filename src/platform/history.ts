/** The canned-o-meter's fingerprints and the daily progress (src/shared/history.ts) in storage.local. */
import { emptyHistory, HISTORY_KEY, readHistory, type History } from '../shared/history.js';
import { ext, listen } from './browser.js';

function newSalt(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

export async function loadHistory(): Promise<History> {
  const stored = (await ext.storage.local.get(HISTORY_KEY))[HISTORY_KEY];
  const history = readHistory(stored, newSalt);
  if (stored === undefined) await saveHistory(history);
  return history;
}

export async function saveHistory(history: History): Promise<void> {
  await ext.storage.local.set({ [HISTORY_KEY]: history });
}

/** Forgets the fingerprints (and registered templates), or the daily progress, or both; a new salt when the fingerprints go. */
export async function clearHistory(what: { prints?: boolean; progress?: boolean }): Promise<History> {
  const now = await loadHistory();
  const next: History = what.prints ? { ...emptyHistory(newSalt()), days: now.days } : { ...now };
  if (what.progress) next.days = {};
  await saveHistory(next);
  return next;
}

export function watchHistory(signal: AbortSignal, onChange: (next: History) => void): void {
  listen(
    ext.storage.onChanged,
    (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !changes[HISTORY_KEY]) return;
      onChange(readHistory(changes[HISTORY_KEY].newValue, newSalt));
    },
    signal,
  );
}
