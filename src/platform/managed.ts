/**
 * What an organisation set by browser policy (storage.managed, read-only), and the settings in force:
 * the person's settings (src/platform/settings.ts) with the locked ones laid over them. Read here and
 * nowhere else. Chrome fills storage.managed from the "3rdparty" policy (with the manifest's
 * storage.managed_schema), Firefox from policies.json "3rdparty"; without a policy it is empty (Firefox
 * rejects the read: that is no policy too). Examples: docs/team-guide.md.
 */
import { applyLocked, GUIDE_KEY, NO_POLICY, readManaged, type Managed } from '../shared/managed.js';
import type { Settings } from '../shared/settings.js';
import { ext, listen } from './browser.js';
import { loadSettings, watchSettings } from './settings.js';

export async function loadManaged(): Promise<Managed> {
  try {
    return readManaged(await ext.storage.managed.get());
  } catch {
    return NO_POLICY;
  }
}

/** Calls `onChange` when the policy changes (the browser reloads policies while it runs), until `signal` aborts. */
export function watchManaged(signal: AbortSignal, onChange: (next: Managed) => void): void {
  listen(
    ext.storage.onChanged,
    (_changes: unknown, area: string) => {
      if (area === 'managed') void loadManaged().then(onChange);
    },
    signal,
  );
}

/** The settings in force: the person's, with what the organisation locked. */
export async function loadEffectiveSettings(): Promise<Settings> {
  const [settings, managed] = await Promise.all([loadSettings(), loadManaged()]);
  return applyLocked(settings, managed.locked);
}

/** Calls `onChange` with the settings in force whenever the person's settings or the policy change. */
export function watchEffectiveSettings(signal: AbortSignal, onChange: (next: Settings) => void): void {
  let managed: Managed | null = null;
  let person: Settings | null = null;
  const emit = async () => {
    person ??= await loadSettings();
    managed ??= await loadManaged();
    onChange(applyLocked(person, managed.locked));
  };
  watchSettings(signal, (next) => {
    person = next;
    void emit();
  });
  watchManaged(signal, (next) => {
    managed = next;
    void emit();
  });
}

/** Calls `onChange` when the imported guide changes (the coach asks again, so that its rules apply at once). */
export function watchGuideChange(signal: AbortSignal, onChange: () => void): void {
  listen(
    ext.storage.onChanged,
    (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && changes[GUIDE_KEY]) onChange();
    },
    signal,
  );
}
